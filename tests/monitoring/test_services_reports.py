"""Filing, editing, submitting and withdrawing monitoring reports: every refusal leaves nothing saved."""

from datetime import timedelta
from decimal import Decimal

import pytest
from allauth.account.models import EmailAddress
from django.core.exceptions import ValidationError
from django.utils import timezone

from commitments.models import ActionPlan
from common.models import OutgoingEmail
from monitoring.models import CommitmentMonitoring, Finding, MonitoringReport, ReportEvidence
from monitoring.services.reports import report_create, report_discard, report_update, report_withdraw
from tests.consultations.files import fake_pdf_upload, pdf_upload, png_upload
from tests.factories import CommitmentFactory, UserFactory
from tests.factories.monitoring import MonitoringReportFactory, ReportAnswerFactory

pytestmark = pytest.mark.django_db


def _mails_to(email: str) -> int:
    return sum(1 for mail in OutgoingEmail.objects.all() if email in mail.to)


def _file(commitment, author, **extra):
    values = {"finding": Finding.DELAYED, "text": "The works have not started on site.", **extra}
    return report_create(commitment=commitment, author=author, **values)


def _nothing_saved():
    assert not MonitoringReport.objects.exists()
    assert not ReportEvidence.objects.exists()


def test_a_verified_participant_files_a_report_with_a_photo_and_a_place(commitment, monitor, point_of_contact):
    report = _file(
        commitment,
        monitor,
        organisation=monitor.organisation,
        evidence=[png_upload("site.png"), pdf_upload("minutes.pdf")],
        latitude=Decimal("40.40853"),
        longitude=Decimal("-3.70195"),
        address="Calle de Embajadores 35",
        links="https://example.org/contract",
        submit=True,
    )
    assert report.status == MonitoringReport.Status.SUBMITTED
    assert report.response_due_on == timezone.localdate() + timedelta(days=30)
    assert [e.content_type for e in report.evidence.all()] == ["image/png", "application/pdf"]
    state = CommitmentMonitoring.objects.get(commitment=commitment)
    assert (state.civil_society_status, state.unanswered_count, state.report_count) == ("delayed", 1, 1)
    # The point of contact is told, in the transaction of the report.
    assert _mails_to(point_of_contact.email) == 1


def test_a_draft_counts_for_nothing_until_submitted(commitment, monitor):
    draft = _file(commitment, monitor)
    assert draft.status == MonitoringReport.Status.DRAFT
    assert not CommitmentMonitoring.objects.filter(commitment=commitment, report_count__gt=0).exists()
    report_update(report=draft, submit=True)
    assert CommitmentMonitoring.objects.get(commitment=commitment).unanswered_count == 1


def test_a_plan_in_co_creation_is_refused_with_a_clear_message(member, monitor):
    commitment = CommitmentFactory(action_plan__member=member, action_plan__status=ActionPlan.Status.CO_CREATION)
    with pytest.raises(ValidationError, match="still in co-creation"):
        _file(commitment, monitor, evidence=[png_upload()], submit=True)
    _nothing_saved()


def test_a_file_that_is_not_what_its_name_says_is_refused(commitment, monitor):
    with pytest.raises(ValidationError) as refusal:
        _file(commitment, monitor, evidence=[png_upload("good.png"), fake_pdf_upload("budget.pdf")], submit=True)
    assert "budget.pdf" in str(refusal.value.message_dict["evidence"])
    _nothing_saved()


def test_an_unverified_account_is_refused(commitment):
    unverified = UserFactory()
    EmailAddress.objects.filter(user=unverified).update(verified=False)
    with pytest.raises(ValidationError, match="verified"):
        _file(commitment, unverified, submit=True)
    _nothing_saved()


def test_a_point_of_contact_does_not_file_reports(commitment, point_of_contact):
    with pytest.raises(ValidationError, match="verified"):
        _file(commitment, point_of_contact, submit=True)
    _nothing_saved()


def test_one_speaks_only_for_ones_own_organisation(commitment, monitor):
    with pytest.raises(ValidationError) as refusal:
        _file(commitment, UserFactory(), organisation=monitor.organisation)
    assert "organisation" in refusal.value.message_dict
    _nothing_saved()


def test_a_milestone_of_another_commitment_and_a_future_date_are_refused(commitment, monitor, milestone):
    elsewhere = CommitmentFactory(action_plan=commitment.action_plan, number="2")
    with pytest.raises(ValidationError) as refusal:
        _file(elsewhere, monitor, milestone=milestone, observed_on=timezone.localdate() + timedelta(days=2))
    assert set(refusal.value.message_dict) == {"milestone", "observed_on"}
    _nothing_saved()


def test_half_a_point_is_refused(commitment, monitor):
    with pytest.raises(ValidationError, match="latitude and the longitude"):
        _file(commitment, monitor, latitude=Decimal("40.4"))
    _nothing_saved()


def test_more_than_five_links_or_a_bad_link_are_refused(commitment, monitor):
    with pytest.raises(ValidationError, match="at most 5 links"):
        _file(commitment, monitor, links="\n".join(f"https://example.org/{n}" for n in range(6)))
    with pytest.raises(ValidationError, match="not a web address"):
        _file(commitment, monitor, links="javascript:alert(1)")
    _nothing_saved()


def test_after_the_end_of_term_report_the_plan_is_no_longer_monitored(member, monitor):
    from irm_reports.models import Report
    from tests.factories.irm_reports import ReportFactory

    commitment = CommitmentFactory(action_plan__member=member, action_plan__status=ActionPlan.Status.COMPLETED)
    report = _file(commitment, monitor, submit=True)  # completed, no end-of-term report yet: still monitored
    assert report.pk
    ReportFactory(action_plan=commitment.action_plan, report_type="end_of_term_report")
    Report.objects.update(status=Report.Status.PUBLISHED, source="imported")
    with pytest.raises(ValidationError, match="end-of-term"):
        _file(commitment, monitor)


def test_each_completed_plan_is_monitored_until_its_own_end_of_term_report_is_published():
    """Asked of every commitment page of a completed plan, through a statement written once: each plan's own
    answer, whichever plans were asked first."""
    from irm_reports.models import Report
    from monitoring.services import _common
    from tests.factories import ActionPlanFactory
    from tests.factories.irm_reports import ReportFactory

    plans = ActionPlanFactory.create_batch(5, status=ActionPlan.Status.COMPLETED)
    published = ReportFactory(action_plan=plans[1], report_type="end_of_term_report")
    ReportFactory(action_plan=plans[2], report_type="end_of_term_report")  # not published
    other = ReportFactory(action_plan=plans[3], report_type="results_report")
    Report.objects.filter(pk__in=[published.pk, other.pk]).update(status=Report.Status.PUBLISHED, source="imported")
    plans.append(ActionPlanFactory(status=ActionPlan.Status.CO_CREATION))
    answers = [_common.plan_accepts_monitoring(plan) for plan in plans + plans[::-1]]
    assert answers == [True, False, True, True, True, False] + [False, True, True, True, False, True]
    assert _common._END_OF_TERM_PUBLISHED.compiled["default"] is not None  # the statement was kept


def test_an_answered_report_can_no_longer_be_edited(commitment, monitor):
    report = MonitoringReportFactory(commitment=commitment, author=monitor)
    report = report_update(report=report, text="More precise text.")
    assert report.text == "More precise text."
    ReportAnswerFactory(report=report)
    with pytest.raises(ValidationError, match="answered"):
        report_update(report=report, text="Changed after the answer")
    report.refresh_from_db()
    assert report.text == "More precise text."


def test_withdrawing_needs_a_reason_and_leaves_the_status(commitment, monitor):
    report = MonitoringReportFactory(commitment=commitment, author=monitor, finding=Finding.NOT_STARTED)
    assert CommitmentMonitoring.objects.get(commitment=commitment).civil_society_status == "not_started"
    with pytest.raises(ValidationError):
        report_withdraw(report=report, reason="  ")
    report_withdraw(report=report, reason="The works started the day after.")
    report.refresh_from_db()
    assert report.status == MonitoringReport.Status.WITHDRAWN
    state = CommitmentMonitoring.objects.get(commitment=commitment)
    assert (state.civil_society_status, state.report_count, state.unanswered_count) == ("", 0, 0)
    with pytest.raises(ValidationError, match="withdrawn"):
        report_update(report=report, text="Again")


def test_only_a_draft_is_deleted_with_its_files(commitment, monitor):
    draft = _file(commitment, monitor, evidence=[png_upload()])
    name = draft.evidence.get().file.name
    storage = draft.evidence.get().file.storage
    report_discard(report=draft)
    assert not MonitoringReport.objects.exists() and not storage.exists(name)
    submitted = MonitoringReportFactory(commitment=commitment, author=monitor)
    with pytest.raises(ValidationError, match="Only a draft"):
        report_discard(report=submitted)


def test_the_latest_finding_is_the_civil_society_status(commitment, monitor):
    today = timezone.localdate()
    MonitoringReportFactory(commitment=commitment, finding=Finding.NOT_STARTED, observed_on=today - timedelta(days=20))
    MonitoringReportFactory(commitment=commitment, finding=Finding.ON_TRACK, observed_on=today - timedelta(days=2))
    MonitoringReportFactory(commitment=commitment, finding=Finding.COMPLETED, draft=True)
    assert CommitmentMonitoring.objects.get(commitment=commitment).civil_society_status == "on_track"
