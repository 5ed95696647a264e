"""Celery tasks of peer exchange: thin wrappers over its services."""

from celery import shared_task

from peers.services import similar_refresh_stale


@shared_task(acks_late=True)
def similar_commitments_refresh_task() -> dict:
    """Refresh the similar commitments of the commitments saved since (queued after saves, and periodically)."""
    return similar_refresh_stale()
