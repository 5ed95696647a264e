import logging
from functools import partial

from celery import Task, current_app
from django.db import transaction

logger = logging.getLogger(__name__)


def registered_task(name: str) -> Task:
    """The task registered under `name`. A process that has not loaded the apps' tasks modules yet (a web
    process) loads them first, so that a caller never needs to import a tasks module to queue its task."""
    if name not in current_app.tasks:
        current_app.loader.import_default_modules()
    return current_app.tasks[name]


def _send(task: Task | str, args):
    name = task if isinstance(task, str) else task.name
    try:
        (registered_task(task) if isinstance(task, str) else task).delay(*args)
    except Exception:  # broker unreachable: the database row stays pending and a sweep sends it later
        logger.exception("Could not queue %s%r; it will be picked up by the sweep.", name, args)


def enqueue_on_commit(task: Task | str, *args) -> None:
    """Queue a task (the task, or its registered name) once the current transaction commits, never failing
    the request that asked.

    The work a task does is always recorded in the database first (outbox rows, job rows), so a message
    the broker refused is not lost: a periodic sweep over that state sends it again. Services name their
    tasks rather than import them: tasks modules import services, never the other way round.
    """
    transaction.on_commit(partial(_send, task, args))
