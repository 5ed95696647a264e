"""The people who speak for a government institution: its contacts, set by the member's point of contact or staff."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accounts.models import Organisation


class InstitutionContact(models.Model):
    """An account linked to a government institution: it posts progress on the commitments the institution leads
    or supports, answers the monitoring reports on those it leads and gives the institution's opinion on the
    proposals referred to it. Removing the row removes the rights at once (the rules read it on every request)."""

    institution = models.ForeignKey(
        Organisation,
        verbose_name=_("institution"),
        on_delete=models.CASCADE,
        related_name="contacts",
        limit_choices_to={"kind": Organisation.Kind.GOVERNMENT},
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.CASCADE,
        related_name="institution_links",
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("added by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(_("added at"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("institution contact")
        verbose_name_plural = _("institution contacts")
        ordering = ["institution__name", "user__email"]
        constraints = [
            models.UniqueConstraint(
                fields=["institution", "user"],
                name="institutioncontact_once_per_institution",
                violation_error_message=_("This account is already a contact of this institution."),
            )
        ]

    def __str__(self):
        return f"{self.user} — {self.institution}"
