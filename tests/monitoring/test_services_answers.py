"""The point of contact's answer, moderation, the workspace's count and the disputed mark."""

import pytest
from django.core.exceptions import ValidationError

from common.awaiting import awaiting_for_member
from common.models import OutgoingEmail
from monitoring.models import CommitmentMonitoring, Finding, MonitoringReport, ReportAnswer
from monitoring.services.answers import report_answer
from monitoring.services.moderation import report_flag, report_review
from monitoring.status import commitment_disputed, disputed, milestone_disputed
from tests.factories import MilestoneFactory, UserFactory
from tests.factories.monitoring import MonitoringReportFactory

pytestmark = pytest.mark.django_db


def _mails_to(email: str) -> int:
    return sum(1 for mail in OutgoingEmail.objects.all() if email in mail.to)


def test_the_answer_is_public_counts_off_the_workspace_and_tells_the_author(commitment, monitor, point_of_contact):
    report = MonitoringReportFactory(commitment=commitment, author=monitor)
    [item] = awaiting_for_member(member=commitment.action_plan.member)
    assert item.count == 1 and "1 monitoring report awaits your answer" in item.label
    assert item.url.endswith(f"/workspace/plans/{commitment.action_plan_id}/monitoring/?status=unanswered")
    answer = report_answer(report=report, user=point_of_contact, kind="disputed", text="Works began in May.")
    assert answer.kind == ReportAnswer.Kind.DISPUTED
    assert CommitmentMonitoring.objects.get(commitment=commitment).unanswered_count == 0
    assert awaiting_for_member(member=commitment.action_plan.member) == []
    assert _mails_to(monitor.email) == 1
    # Rewriting the answer does not write the author again.
    report_answer(report=report, user=point_of_contact, kind="acknowledged", text="We checked: it is late.")
    assert ReportAnswer.objects.get().kind == "acknowledged"
    assert _mails_to(monitor.email) == 1


def test_an_answer_needs_reasons_and_a_submitted_report(commitment, point_of_contact):
    report = MonitoringReportFactory(commitment=commitment)
    with pytest.raises(ValidationError):
        report_answer(report=report, user=point_of_contact, kind="acknowledged", text=" ")
    draft = MonitoringReportFactory(commitment=commitment, draft=True)
    with pytest.raises(ValidationError, match="Only a submitted report"):
        report_answer(report=draft, user=point_of_contact, kind="acknowledged", text="Seen")
    assert not ReportAnswer.objects.exists()


def test_three_flags_hide_a_report_until_staff_review_it(commitment, staff_user):
    report = MonitoringReportFactory(commitment=commitment, finding=Finding.NOT_STARTED)
    flaggers = UserFactory.create_batch(3)
    report_flag(report=report, user=flaggers[0], reason="spam")
    with pytest.raises(ValidationError, match="already flagged"):
        report_flag(report=report, user=flaggers[0], reason="abuse")
    with pytest.raises(ValidationError, match="your own"):
        report_flag(report=report, user=report.author, reason="spam")
    report_flag(report=report, user=flaggers[1], reason="spam")
    report.refresh_from_db()
    assert not report.is_hidden
    report_flag(report=report, user=flaggers[2], reason="abuse")
    report.refresh_from_db()
    assert report.is_hidden
    state = CommitmentMonitoring.objects.get(commitment=commitment)
    assert (state.civil_society_status, state.report_count) == ("", 0)
    with pytest.raises(ValidationError, match="Say why"):
        report_review(report=report, user=staff_user, hide=False, reason="")
    report_review(report=report, user=staff_user, hide=False, reason="A true finding, fairly worded.")
    report.refresh_from_db()
    assert not report.is_hidden and not report.flags.filter(resolved_at__isnull=True).exists()
    assert CommitmentMonitoring.objects.get(commitment=commitment).civil_society_status == "not_started"
    assert "Kept visible" in report.history.first().history_change_reason


def test_the_disputed_mark_follows_the_stated_rule():
    assert commitment_disputed("completed", "limited")
    assert not commitment_disputed("on_track", "substantial")
    assert not commitment_disputed("cannot_verify", "complete")
    assert not commitment_disputed("delayed", "")  # the government has said nothing yet
    assert milestone_disputed("not_started", "completed")
    assert not milestone_disputed("completed", "completed")
    assert disputed("", "", {"7": "not_started"}, [(7, "completed")])
    assert not disputed("", "", {"7": "completed"}, [(7, "completed"), (8, "delayed")])


def test_a_finding_on_a_milestone_marks_the_commitment_disputed(commitment):
    milestone = MilestoneFactory(commitment=commitment, status="completed", completed_on="2024-02-01")
    MonitoringReportFactory(commitment=commitment, milestone=milestone, finding=Finding.NOT_STARTED)
    state = CommitmentMonitoring.objects.get(commitment=commitment)
    assert state.milestone_findings == {str(milestone.pk): "not_started"}
    assert state.civil_society_status == ""  # a milestone's finding is not the commitment's
    assert MonitoringReport.objects.count() == 1
