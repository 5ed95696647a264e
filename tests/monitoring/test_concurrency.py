"""A commitment's stored monitoring status under two writes at once, on the real PostgreSQL."""

import threading
import time

import pytest
from django.db import connection, transaction

from monitoring.models import CommitmentMonitoring, MonitoringReport
from monitoring.services.status import monitoring_refresh
from tests.factories import CommitmentFactory, UserFactory
from tests.factories.monitoring import MonitoringReportFactory

pytestmark = pytest.mark.integration


def test_a_report_submitted_while_the_last_one_is_withdrawn_stays_counted(postgres, transactional_db, client):
    """B submits a report and holds its transaction; A withdraws the only other public report meanwhile. A's count
    waits for B's commit and sees B's report: the row counts one, and the commitment's page (which reads its
    reports when the row counts some) shows it."""
    commitment = CommitmentFactory(action_plan__implementing=True)
    withdrawn = MonitoringReportFactory(commitment=commitment, text="Withdrawn by its author.")
    author = UserFactory()
    b_refreshed, b_may_commit, errors = threading.Event(), threading.Event(), []

    def submit():  # B
        try:
            with transaction.atomic():
                MonitoringReport.objects.create(
                    commitment=commitment, author=author, finding=withdrawn.finding, text="Submitted meanwhile.",
                    observed_on=withdrawn.observed_on, status=MonitoringReport.Status.SUBMITTED,
                    submitted_at=withdrawn.submitted_at, response_due_on=withdrawn.response_due_on,
                )  # fmt: skip
                monitoring_refresh(commitment_id=commitment.pk)
                b_refreshed.set()
                b_may_commit.wait(timeout=30)
        except Exception as exc:  # reported by the test
            errors.append(exc)
        finally:
            connection.close()

    def withdraw():  # A
        try:
            b_refreshed.wait(timeout=30)
            with transaction.atomic():
                MonitoringReport.objects.filter(pk=withdrawn.pk).update(status=MonitoringReport.Status.WITHDRAWN)
                monitoring_refresh(commitment_id=commitment.pk)
        except Exception as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit), threading.Thread(target=withdraw)]
    for thread in threads:
        thread.start()
    b_refreshed.wait(timeout=30)
    time.sleep(0.5)  # A has started: it waits for B's lock
    b_may_commit.set()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert CommitmentMonitoring.objects.get(commitment=commitment).report_count == 1
    page = client.get(commitment.get_absolute_url()).content.decode()
    assert "Submitted meanwhile." in page and "Withdrawn by its author." not in page
