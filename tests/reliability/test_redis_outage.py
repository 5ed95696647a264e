"""Redis stopped while people use the portal: every submission is saved and confirmed, and what could
not be queued (e-mails, renders) is delivered by the periodic sweeps once Redis is back."""

import time
from collections import Counter

import pytest
from django.urls import reverse

from common.models import OutgoingEmail
from consultations.models import Proposal, ProposalResponse
from irm_reports.models import Report
from tests.conftest import start_celery_worker, stop_celery_worker, wait_for
from tests.factories import UserFactory
from tests.factories.consultations import ConsultationFactory, ProposalFactory
from tests.factories.irm_reports import complete_results_report
from tests.reliability.conftest import WebClient, delivered_emails, give_web_password, run_beat_once, text_of

pytestmark = pytest.mark.integration

PARTICIPANTS = 4
PROPOSALS_EACH = 2
RESPONSES = 3
REPORTS = 3
# Longer than this and a request is waiting on the broker instead of falling back on the database. A refused
# connection fails at once and the publish policy tries twice more within a second; the margin is for a machine
# busy with the suite's other process (a request took 6.4 s there, its page and the sign-in through gunicorn).
FAST_SECONDS = 10.0

WORKER_ENV = {
    # The sweeps take over at once what is left pending (the defaults wait minutes).
    "EMAIL_OUTBOX_SWEEP_SECONDS": "0",
    "IRM_RENDER_STALE_SECONDS": "2",
}


def _timed(call, *args):
    started = time.monotonic()
    result = call(*args)
    elapsed = time.monotonic() - started
    assert elapsed < FAST_SECONDS, f"{args[0]} took {elapsed:.1f} s with Redis down"
    return result


def _confirmed(client: WebClient, status: int, headers: dict, page: str, message: str) -> None:
    """The request redirected, and the page it redirected to shows the success message."""
    assert status == 302, page[-2000:]
    status, _headers, page = client.get(headers["Location"])
    assert status == 200 and message in page, page[-3000:]


def _participants_submit_proposals(web, consultation, participants, password) -> None:
    """Participants sign in, write and submit their proposals."""
    for participant in participants:
        browser = WebClient(web.base)
        _timed(browser.login, participant.email, password)
        create = reverse("consultations:proposal-create", args=[consultation.pk])
        for number in range(PROPOSALS_EACH):
            fields = {
                "submission_key": browser.form_value(create, "submission_key"),
                "title": f"Proposal {number} of {participant.email}",
                "problem": "Residents learn about decisions too late.",
                "solution": "Publish every agenda seven days before the meeting.",
                "expected_results": "",
                "website": "",
            }
            status, headers, page = _timed(browser.post, create, fields)
            _confirmed(browser, status, headers, page, "Your draft is saved.")
            proposal = Proposal.objects.get(title=fields["title"])
            status, headers, page = _timed(
                browser.post, reverse("consultations:proposal-submit", args=[proposal.pk]), {}
            )
            _confirmed(browser, status, headers, page, "Your proposal is submitted.")


def _contact_responds_and_researcher_asks_for_pdfs(web, contact, researcher, awaiting, reports, password) -> None:
    """The point of contact publishes reasoned responses, which e-mail the proposals' authors; the
    researcher asks for the PDFs."""
    browser = WebClient(web.base)
    _timed(browser.login, contact.email, password)
    for proposal in awaiting:
        status, headers, page = _timed(
            browser.post,
            reverse("consultations:workspace-response", args=[proposal.pk]),
            {"outcome": "not_accepted", "reasons": "Out of the plan's scope.", "action": "publish"},
        )
        _confirmed(browser, status, headers, page, "The response is published.")

    browser = WebClient(web.base)
    _timed(browser.login, researcher.email, password)
    for report in reports:
        status, headers, page = _timed(browser.post, reverse("irm_reports:report-render", args=[report.pk]), {})
        _confirmed(browser, status, headers, page, "The PDF is being rendered")


@pytest.mark.timeout(240)
def test_with_redis_down_everything_is_saved_and_confirmed_then_delivered_once_when_it_is_back(
    transactional_db, private_redis, gunicorn_for, media_root, tmp_path
):
    consultation = ConsultationFactory(title="Open budgets for every district")
    participants = [UserFactory() for _ in range(PARTICIPANTS)]
    contact = UserFactory(point_of_contact_of=consultation.action_plan.member)
    awaiting = [ProposalFactory(consultation=consultation) for _ in range(RESPONSES)]
    researcher = UserFactory(researcher=True)
    reports = [complete_results_report(commitments=2, researcher=researcher) for _ in range(REPORTS)]
    password = give_web_password(*participants, contact, researcher)

    worker = start_celery_worker(private_redis.url, tmp_path / "worker", WORKER_ENV)
    try:
        web = gunicorn_for(private_redis.url)
        private_redis.stop()

        _participants_submit_proposals(web, consultation, participants, password)
        _contact_responds_and_researcher_asks_for_pdfs(web, contact, researcher, awaiting, reports, password)

        submitted = Proposal.objects.filter(consultation=consultation, status=Proposal.Status.SUBMITTED)
        assert submitted.count() == PARTICIPANTS * PROPOSALS_EACH
        responses = ProposalResponse.objects.filter(status=ProposalResponse.Status.PUBLISHED)
        assert responses.count() == RESPONSES
        # Each response wrote its author's e-mail with it; only the message to send it was refused.
        waiting = OutgoingEmail.objects.filter(status=OutgoingEmail.Status.PENDING, subject__contains="A response to")
        assert sorted(email.to[0] for email in waiting) == sorted(proposal.author.email for proposal in awaiting)
        assert Report.objects.filter(status=Report.Status.QUEUED).count() == REPORTS
        assert delivered_emails(worker["outbox"]) == []

        # Redis is back, empty: the messages refused while it was away were never stored anywhere.
        time.sleep(2)  # the reports' last sign of life is now older than the worker's stale threshold
        private_redis.start()
        run_beat_once(private_redis.url)

        def all_done() -> bool:
            ready = Report.objects.filter(status=Report.Status.READY).count() == REPORTS
            pending = OutgoingEmail.objects.exclude(status=OutgoingEmail.Status.SENT).exists()
            return ready and not pending

        assert wait_for(all_done, timeout=120, interval=1), worker["log"].read_text()[-4000:]
        # A sweep finding nothing to do sends nothing again.
        run_beat_once(private_redis.url)
        time.sleep(3)
    finally:
        stop_celery_worker(worker)

    assert list(Report.objects.values_list("rendering__attempts", flat=True)) == [1] * REPORTS
    messages = delivered_emails(worker["outbox"])
    # Each e-mail of the outbox delivered once. The beat run may add the cycle's reminders to the member's
    # point of contact (steps due within 30 days): they are delivered once too, and are not counted below.
    assert len(messages) == OutgoingEmail.objects.count()
    scenario = [m for m in messages if "A response to" in m["Subject"] or "IRM report" in m["Subject"]]
    assert len(scenario) == RESPONSES + REPORTS
    to_authors = Counter(m["To"] for m in messages if "A response to" in m["Subject"])
    assert to_authors == Counter(proposal.author.email for proposal in awaiting)
    about_reports = Counter(
        report.pk for report in reports for m in messages if report.get_absolute_url() in text_of(m)
    )
    assert about_reports == Counter(report.pk for report in reports)
    assert all(m["To"] == researcher.email for m in messages if "IRM report" in m["Subject"])
