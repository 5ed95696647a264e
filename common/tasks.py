import logging
from functools import partial

from django.db import transaction

logger = logging.getLogger(__name__)


def _send(task, args):
    try:
        task.delay(*args)
    except Exception:  # broker unreachable: the database row stays pending and a sweep sends it later
        logger.exception("Could not queue %s%r; it will be picked up by the sweep.", task.name, args)


def enqueue_on_commit(task, *args) -> None:
    """Queue a task once the current transaction commits, never failing the request that asked.

    The work a task does is always recorded in the database first (outbox rows, report status),
    so a message the broker refused is not lost: a periodic sweep over that state sends it again.
    """
    transaction.on_commit(partial(_send, task, args))
