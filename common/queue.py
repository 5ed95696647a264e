import logging
import threading
from functools import partial

from celery import current_app
from django.conf import settings
from django.db import connections, transaction

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


def _send_in_background(task, args):
    def run():
        try:
            _send(task, args)
        finally:
            connections.close_all()  # this thread's own database connections

    # Not a daemon: a process that asked for a job (a command, a server stopping) ends once the job is done.
    threading.Thread(target=run, name=f"eager {task}", daemon=False).start()


def enqueue_in_background(task, *args) -> None:
    """Queue a task from a thread of its own, at once: for a request that reads (no transaction to wait for) and
    must not wait on the broker (a broker that accepts connections but never answers held a send for 15 s).
    Only for work that is asked again if lost (a cache's refresh): nothing records it."""
    threading.Thread(target=_send, args=(task, args), name=f"send {task}", daemon=True).start()


def enqueue_job_on_commit(task, *args) -> None:
    """Queue a long job's task once the transaction commits (see common.jobs).

    In the embedded default (no broker: tasks run eagerly, in-process) the task runs in a thread of its
    own when `settings.JOBS_IN_BACKGROUND_WHEN_EAGER` is set, so the request that asked for the job
    returns at once and its page shows the job's progress, then its result, as with a worker.
    """
    if settings.CELERY_TASK_ALWAYS_EAGER and getattr(settings, "JOBS_IN_BACKGROUND_WHEN_EAGER", False):
        transaction.on_commit(partial(_send_in_background, task, args))
    else:
        enqueue_on_commit(task, *args)
