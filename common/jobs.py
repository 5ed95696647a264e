"""Long work done by Celery workers (report renderings, imports, exports): one life cycle for every kind.

A job is a row of a concrete subclass of `Job`; the row is the truth, a broker message only a wake-up call.

    queued --claim--> running --job_finish--> done, or failed with its error
                        |
                        +--release (transient error, for the task's retry) or stale re-queue--> queued

- `job_claim` takes a queued job, or a running one whose worker gave no sign of life for the kind's
  stale age, under a short row lock, and gives this attempt a fresh claim token.
- The work runs without any lock. `job_heartbeat` records its progress (also its sign of life); it
  raises `JobLost` once another attempt has taken the job over, so a taken-over worker stops.
- The result is stored under the row lock again, only while the attempt still holds its claim
  (`job_lock_claimed`, then `job_finish`): a late or duplicate attempt changes nothing.
- `job_run` puts these together; `common.tasks.jobs_sweep_task` (Celery beat) re-queues the silent jobs of every kind.

A kind says which task runs one job (`job_task`, called with the job's id), the setting of its stale
age in seconds (`job_stale_setting`), what a fresh attempt resets (`job_attempt_defaults`), and may keep
other rows in step with its status (`job_status_changed`, called in the transaction of each transition
the mechanism makes). Give it an index on (status, heartbeat_at) for the sweep.
"""

import logging
import uuid
from collections.abc import Callable, Iterable
from datetime import timedelta
from typing import Any, ClassVar, TypeVar

from django.apps import apps
from django.conf import settings
from django.db import OperationalError, models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.queue import enqueue_job_on_commit

logger = logging.getLogger(__name__)

# Errors worth another try later: storage and database hiccups.
TRANSIENT_ERRORS = (OSError, OperationalError)
SWEEP_BATCH = 200

J = TypeVar("J", bound="Job")


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class JobLost(Exception):
    """This attempt no longer holds its job (taken over after going silent, or released)."""


class Job(models.Model):
    """The fields every kind of worker job shares; see the module's description of the life cycle."""

    Status = JobStatus
    IN_PROGRESS = (JobStatus.QUEUED, JobStatus.RUNNING)

    status = models.CharField(
        _("status"), max_length=20, choices=JobStatus.choices, default=JobStatus.QUEUED, editable=False
    )
    step = models.CharField(_("progress"), max_length=40, blank=True, default="", editable=False)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0, editable=False)
    claim_token = models.CharField(_("claim"), max_length=32, blank=True, default="", editable=False)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True, editable=False)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True, editable=False)
    heartbeat_at = models.DateTimeField(
        _("last progress at"), null=True, blank=True, default=timezone.now, editable=False
    )
    error = models.TextField(_("error"), blank=True, editable=False)

    job_task: ClassVar[str] = ""
    job_stale_setting: ClassVar[str] = ""
    job_stale_default: ClassVar[int] = 600
    job_attempt_defaults: ClassVar[dict[str, Any]] = {}

    class Meta:
        abstract = True

    def job_status_changed(self) -> None:
        """Keep what follows this job's status in step (called inside the transaction that changed it)."""

    @property
    def is_in_progress(self) -> bool:
        return self.status in self.IN_PROGRESS


def job_kinds() -> list[type[Job]]:
    """Every concrete kind of job of the installed apps."""
    return [model for model in apps.get_models() if issubclass(model, Job)]


def job_stale_after(model: type[Job]) -> timedelta:
    """How long a job of this kind may go without a sign of life before it is taken over."""
    return timedelta(seconds=getattr(settings, model.job_stale_setting, model.job_stale_default))


def job_queue(job: Job) -> None:
    """Save a job, new or asked for again, as queued for a fresh series of attempts (then `job_enqueue` it)."""
    job.status, job.step, job.error, job.claim_token = JobStatus.QUEUED, "", "", ""
    job.attempts = 0
    job.started_at = job.finished_at = None
    job.heartbeat_at = timezone.now()
    job.save()


def job_enqueue(job: Job) -> None:
    """Send the job's task once the transaction commits (the sweep re-sends it if the broker refuses);
    in the embedded default it runs in a background thread (common.queue.enqueue_job_on_commit)."""
    enqueue_job_on_commit(job.job_task, job.pk)


@transaction.atomic
def job_claim(model: type[J], job_id: int) -> J | None:
    """Start an attempt at the job if it waits for one (or was abandoned); None when there is nothing to do."""
    job = model.objects.select_for_update().filter(pk=job_id).first()
    if job is None:
        return None
    now = timezone.now()
    abandoned = job.status == JobStatus.RUNNING and (
        job.heartbeat_at is None or job.heartbeat_at < now - job_stale_after(model)
    )
    if job.status != JobStatus.QUEUED and not abandoned:
        return None
    job.status, job.step, job.error = JobStatus.RUNNING, "", ""
    job.claim_token = uuid.uuid4().hex
    job.attempts += 1
    job.started_at = job.heartbeat_at = now
    job.finished_at = None
    for name, value in model.job_attempt_defaults.items():
        setattr(job, name, value)
    fields = ["status", "step", "error", "claim_token", "attempts", "started_at", "heartbeat_at", "finished_at"]
    job.save(update_fields=[*fields, *model.job_attempt_defaults])
    job.job_status_changed()
    return job


def job_heartbeat(job: Job, **progress) -> None:
    """Record the attempt's progress (`step=`, or the kind's own fields) and its sign of life.

    Raises JobLost when the attempt no longer holds the job: its work is someone else's now.
    """
    claimed = type(job).objects.filter(pk=job.pk, status=JobStatus.RUNNING, claim_token=job.claim_token)
    if not claimed.update(heartbeat_at=timezone.now(), **progress):
        raise JobLost(f"{job._meta.label} {job.pk}: attempt {job.claim_token} was taken over")


def job_lock_claimed(job: J) -> J | None:
    """The job's row, locked until the transaction ends, if this attempt still holds it; None otherwise."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("job_lock_claimed() locks the row for the rest of a transaction: call it inside one.")
    model = type(job)
    return (
        model.objects.select_for_update()
        .filter(pk=job.pk, status=JobStatus.RUNNING, claim_token=job.claim_token)
        .first()
    )


def job_finish(job: Job, *, error: str = "", fields: Iterable[str] = ()) -> None:
    """End a job locked by `job_lock_claimed`: done, or failed with `error`; saves the kind's result `fields`."""
    job.status = JobStatus.FAILED if error else JobStatus.DONE
    job.error = error[:4000]
    job.step = ""
    job.finished_at = job.heartbeat_at = timezone.now()
    job.save(update_fields=["status", "error", "step", "finished_at", "heartbeat_at", *fields])
    job.job_status_changed()


@transaction.atomic
def job_fail(job: J, error: str, *, on_failed: Callable[[J], None] | None = None) -> J | None:
    """Store why the attempt failed (nothing when it no longer holds the job); `on_failed` follows in the
    same transaction (to tell someone)."""
    locked = job_lock_claimed(job)
    if locked is None:
        return None
    job_finish(locked, error=error)
    if on_failed is not None:
        on_failed(locked)
    return locked


@transaction.atomic
def job_release(job: Job) -> bool:
    """Put the job back in the queue after a transient error, for the task's retry; False when this
    attempt no longer holds it."""
    locked = job_lock_claimed(job)
    if locked is None:
        return False
    _requeue(locked)
    return True


def _requeue(job: Job) -> None:
    job.status, job.step, job.claim_token = JobStatus.QUEUED, "", ""
    job.heartbeat_at = timezone.now()
    job.save(update_fields=["status", "step", "claim_token", "heartbeat_at"])
    job.job_status_changed()


def job_run(
    model: type[J],
    job_id: int,
    work: Callable[[J], Any],
    *,
    retry: Callable[[BaseException], None] | None = None,
    on_failed: Callable[[J], None] | None = None,
) -> J | None:
    """Claim the job and do its `work`; safe to call any number of times. Returns the job's row as it is then.

    `work(job)` runs without a lock, calls `job_heartbeat` as it goes and stores its result with
    `job_lock_claimed` + `job_finish`. A transient error releases the job and calls `retry` (a Celery
    task's retry, which raises: see `job_retry`); without `retry`, and for any other error, the job
    fails with the error's message, for the people waiting for it to see.
    """
    job = job_claim(model, job_id)
    if job is not None:
        try:
            work(job)
        except JobLost:
            logger.info("%s %s was taken over by another attempt", model._meta.label, job_id)
        except TRANSIENT_ERRORS as exc:
            if retry is not None and job_release(job):
                retry(exc)
            job_fail(job, _describe(exc), on_failed=on_failed)
        except Exception as exc:  # a bug or unforeseen data: it must be seen rather than waited for forever
            logger.exception("%s %s failed", model._meta.label, job_id)
            job_fail(job, _describe(exc), on_failed=on_failed)
    return model.objects.filter(pk=job_id).first()


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


def job_retry(task, *, countdown: int) -> Callable[[BaseException], None] | None:
    """For `job_run` in a bound Celery task: retry later with exponential backoff; None when the task runs
    eagerly (the embedded mode, inside a request) or has no retries left."""
    request = task.request
    if request.is_eager or request.retries >= task.max_retries:
        return None

    def retry(exc: BaseException) -> None:
        raise task.retry(exc=exc, countdown=countdown * 2**request.retries)

    return retry


def jobs_requeue_stale(model: type[Job], *, older_than: timedelta | None = None) -> int:
    """Queue again the jobs of this kind left queued or running without a sign of life (a lost message,
    a killed worker); their task is sent again after commit. Returns how many."""
    cutoff = timezone.now() - (older_than if older_than is not None else job_stale_after(model))
    silent = Q(heartbeat_at__lte=cutoff) | Q(heartbeat_at__isnull=True)
    ids = list(model.objects.filter(silent, status__in=Job.IN_PROGRESS).values_list("pk", flat=True)[:SWEEP_BATCH])
    requeued = 0
    for job_id in ids:
        with transaction.atomic():
            job = model.objects.select_for_update().filter(silent, pk=job_id, status__in=Job.IN_PROGRESS).first()
            if job is None:
                continue
            _requeue(job)
            job_enqueue(job)
            requeued += 1
    return requeued
