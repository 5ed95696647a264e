import logging
from functools import partial

from celery import current_app
from django.db import transaction

logger = logging.getLogger(__name__)


def registered_task(name: str):
    """The Celery task registered under `name` ("app.tasks.function").

    A service names the task it queues instead of importing its app's tasks module, which imports
    the services: no import cycle, and the tasks modules import their services at the top. A process
    that has not loaded the tasks modules yet (a web process) loads them on the first call.
    """
    if name not in current_app.tasks:
        current_app.loader.import_default_modules()
    return current_app.tasks[name]


def _send(task, args):
    try:
        (registered_task(task) if isinstance(task, str) else task).delay(*args)
    except Exception:  # broker unreachable: the database row stays pending and a sweep sends it later
        logger.exception("Could not queue %s%r; it will be picked up by the sweep.", getattr(task, "name", task), args)


def enqueue_on_commit(task, *args) -> None:
    """Queue a task (the task, or its registered name) once the current transaction commits, never
    failing the request that asked.

    The work a task does is always recorded in the database first (outbox rows, report status),
    so a message the broker refused is not lost: a periodic sweep over that state sends it again.
    Outside a transaction the task is queued at once.
    """
    transaction.on_commit(partial(_send, task, args))
