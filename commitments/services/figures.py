"""The stored key figures of the home page (commitments.models.HeadlineFigures), kept up to date.

Every save or delete of a member, plan, commitment or milestone queues one refresh once its transaction
commits (a burst of writes queues one: the pending mark is cleared when the refresh starts, so a write
made during a refresh queues the next one). Writes that send no signal (bulk imports, QuerySet.update())
are caught up by the periodic refresh (CELERY_BEAT_SCHEDULE "headline-figures"): the figures are then at
most that period late.
"""

from django.core.cache import cache
from django.db import transaction

from commitments import selectors
from commitments.models import HeadlineFigures
from common.cache import bump_content_version
from common.queue import enqueue_on_commit

PENDING_KEY = "headline-figures-refresh-pending"
PENDING_SECONDS = 300  # a lost message holds back the next refresh at most this long (the periodic one runs)
TASK = "commitments.tasks.headline_figures_refresh_task"


def headline_figures_refresh() -> HeadlineFigures:
    """Count the figures now and store them.

    The count runs under the row's lock, so of two overlapping refreshes the one that counted last writes
    last. A change bumps the content version: pages that cached the old figures are rebuilt."""
    cache.delete(PENDING_KEY)
    with transaction.atomic():
        HeadlineFigures.objects.get_or_create(pk=HeadlineFigures.SINGLETON_PK)
        figures = HeadlineFigures.objects.select_for_update().get(pk=HeadlineFigures.SINGLETON_PK)
        counted = selectors.headline_figures_count()
        if all(getattr(figures, name) == value for name, value in counted.items()):
            return figures
        for name, value in counted.items():
            setattr(figures, name, value)
        figures.save()
        bump_content_version()
    return figures


def headline_figures_current() -> dict:
    """The figures the home page shows: as stored, counted and stored first when none are (a new database,
    or one filled by bulk loading)."""
    stored = selectors.headline_figures_stored()
    if stored is None:
        headline_figures_refresh()
        stored = selectors.headline_figures_stored()
    return selectors.with_completed_share(stored)


def _queue_refresh() -> None:
    if cache.add(PENDING_KEY, 1, timeout=PENDING_SECONDS):
        enqueue_on_commit(TASK)


def headline_figures_changed(**_signal_kwargs) -> None:
    """A write that may change a figure: refresh them once it commits."""
    transaction.on_commit(_queue_refresh)
