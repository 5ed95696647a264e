"""Celery tasks of the commitments app: thin wrappers over its services."""

from celery import shared_task

from commitments.services.figures import headline_figures_refresh


@shared_task(acks_late=True)
def headline_figures_refresh_task() -> dict:
    """Count the home page's key figures and store them (queued after writes, and periodically)."""
    figures = headline_figures_refresh()
    return {"commitments": figures.commitments, "milestones": figures.milestones}
