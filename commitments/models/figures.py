"""The home page's key figures, stored: counting 400,000 milestones on every visit is too slow.

One row (pk 1), rewritten by commitments.services.figures after every write that can change a figure
and by a periodic task (for writes that send no signal: bulk imports, raw updates).
"""

from django.db import models


class HeadlineFigures(models.Model):
    SINGLETON_PK = 1

    members_national = models.PositiveIntegerField(default=0)
    members_local = models.PositiveIntegerField(default=0)
    countries = models.PositiveIntegerField(default=0)
    action_plans = models.PositiveIntegerField(default=0)
    action_plans_implementing = models.PositiveIntegerField(default=0)
    commitments = models.PositiveIntegerField(default=0)
    milestones = models.PositiveIntegerField(default=0)
    milestones_completed = models.PositiveIntegerField(default=0)
    refreshed_at = models.DateTimeField(auto_now=True)

    class Meta:
        # Not in the admin nor on any form: no translated names.
        verbose_name_plural = "headline figures"

    def __str__(self):
        return f"Headline figures ({self.refreshed_at:%Y-%m-%d %H:%M})"
