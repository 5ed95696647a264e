"""A real Celery worker process, on Redis and the PostgreSQL test database, runs the portal's tasks."""

import pytest
from django.db import transaction

from common.models import OutgoingEmail
from common.outbox import email_enqueue
from common.tasks import email_send_task
from tests.conftest import wait_for

pytestmark = pytest.mark.integration


def test_an_email_committed_in_a_transaction_is_sent_by_the_worker(celery_worker):
    """The outbox row is committed, the task goes through Redis, the worker sends and marks it sent."""
    with transaction.atomic():
        email = email_enqueue(to=["worker@example.org"], subject="Through the worker", body_text="Hello")
    sent = wait_for(lambda: OutgoingEmail.objects.get(pk=email.pk).status == OutgoingEmail.Status.SENT, timeout=30)
    assert sent, (celery_worker["log"]).read_text()[-3000:]
    files = list(celery_worker["outbox"].iterdir())
    assert len(files) == 1 and "Through the worker" in files[0].read_text()


def test_a_task_result_comes_back_from_the_worker_and_a_repeat_is_a_no_op(celery_worker):
    email = OutgoingEmail.objects.create(to=["worker@example.org"], subject="Twice", body_text="Hello")
    assert email_send_task.delay(email.pk).get(timeout=30) == OutgoingEmail.Status.SENT
    assert email_send_task.delay(email.pk).get(timeout=30) == OutgoingEmail.Status.SENT
    assert len(list(celery_worker["outbox"].iterdir())) == 1
