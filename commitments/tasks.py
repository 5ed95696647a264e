"""Celery tasks of the commitments app: thin wrappers over its services."""

from celery import shared_task

from commitments.services.figures import headline_figures_refresh
from commitments.services.follows import overdue_milestones_notify


@shared_task(acks_late=True)
def headline_figures_refresh_task() -> dict:
    """Count the home page's key figures and store them (queued after writes, and periodically)."""
    figures = headline_figures_refresh()
    return {"commitments": figures.commitments, "milestones": figures.milestones}


@shared_task(acks_late=True, reject_on_worker_lost=True)
def overdue_milestones_notify_task() -> int:
    """Periodic: tell the followers of each commitment of the milestones newly overdue (once per milestone)."""
    return overdue_milestones_notify()
