"""The demo data (`seed_demo`), loaded twice once for the whole module: what each app shows in it, and that the
second load adds nothing and says so.

Loading the demo is the slow part (OGP's real data among it), so the module loads it once, in a transaction
rolled back at its end; each test runs inside it (in a savepoint) and reads what both loads left.
"""

import csv
import io
import time
import zipfile
from dataclasses import dataclass
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import TestCase
from django.urls import reverse

from accounts.models import User
from commitments.models import ActionPlan, Commitment, Member, Milestone, ProgressUpdate
from common.reference import untranslated_reference_rows
from consultations.models import Comment, Consultation, Forum, ForumMeeting, Proposal, ProposalResponse, Referral
from consultations.models import Support as ProposalSupport
from irm_reports.models import PublishedVersion, Report, ResearcherAssignment
from monitoring.demo import seed_monitoring
from monitoring.models import MonitoringReport, ReportAnswer, ReportEvidence
from support.models import Partner, ServiceOffer

pytestmark = pytest.mark.django_db

PASSWORD = "demo-pass-123"
LOCAL_MEMBERS = Path(__file__).resolve().parents[2] / "partnership" / "data" / "local_members.csv"
# The rows a second load must leave as they are.
COUNTED = (
    Member,
    ActionPlan,
    Commitment,
    Milestone,
    ProgressUpdate,
    User,
    Consultation,
    Proposal,
    ProposalSupport,
    Comment,
    Forum,
    ForumMeeting,
    ProposalResponse,
    Report,
    PublishedVersion,
    MonitoringReport,
    ServiceOffer,
    Partner,
)


@dataclass
class Loads:
    first: str  # what `seed_demo` printed, each time
    second: str
    counts: dict  # rows of each model after the first load


def _seed(*args: str) -> str:
    out = StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


def _counts() -> dict:
    return {model.__name__: model.objects.count() for model in COUNTED}


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo loaded with a known password, then loaded again without one; rolled back after the module."""
    with django_db_blocker.unblock(), transaction.atomic():
        with TestCase.captureOnCommitCallbacks(execute=True):  # as committed by the command: the archive is built
            first = _seed("--password", PASSWORD)
        counts = _counts()
        loads = Loads(first=first, second=_seed(), counts=counts)
        yield loads
        transaction.set_rollback(True)


def test_a_second_load_adds_nothing_and_says_so(demo):
    assert _counts() == demo.counts
    assert "0 demo action plans and 0 consultations created now" in demo.second
    assert "0 created, 0 updated, 269 already up to date" in demo.second and "demo account" not in demo.second


def test_the_demo_loads_every_member(demo):
    with open(LOCAL_MEMBERS, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    local = Member.objects.filter(kind="local")
    assert local.count() == len(rows) == 103
    assert set(local.values_list("name_fr", flat=True)) == {r["name_fr"] for r in rows}
    for name in ("Tbilissi", "Makhanda", "Montevideo"):
        member = local.get(name_fr=name)
        assert member.parent is not None and member.parent.country == member.country
    assert Member.objects.get(slug="hungary").status == "withdrawn"
    assert Member.objects.filter(kind="national", status="active").count() >= 75

    madrid = Member.objects.get(slug="madrid")
    assert madrid.action_plans.filter(status="co_creation").exists()
    assert Commitment.objects.filter(title__icontains="lobbyists", action_plan__member=madrid).exists()
    assert Commitment.objects.filter(title__icontains="Kaduna Citizen Feedback").exists()
    contact = User.objects.get(email="contact.madrid@demo.ogp.example")
    assert contact.member == madrid and contact.check_password(PASSWORD)


def test_the_demo_is_lively_in_three_languages(demo, client):
    assert "commitments of OGP's data: 269 created" in demo.first
    states = {(c.kind, c.state) for c in Consultation.objects.all()}
    assert {("proposals", "open"), ("proposals", "closed"), ("draft_review", "open")} <= states
    assert Proposal.objects.count() >= 24 and ProposalSupport.objects.count() >= 60 and Comment.objects.count() >= 24
    outcomes = set(ProposalResponse.objects.filter(status="published").values_list("outcome", flat=True))
    assert outcomes == {"accepted", "merged", "not_accepted"}
    titles = " ".join(Proposal.objects.values_list("title", flat=True))
    assert "Publish every contract" in titles and "Datos abiertos" in titles and "Publier aussi" in titles

    # The point of contact of the closed call is told what still awaits a response.
    client.force_login(Consultation.objects.get(title__startswith="Ideas for the next").created_by)
    page = client.get(reverse("commitments:workspace-member", args=["sekondi-takoradi"])).content.decode()
    assert "3 proposals await your response" in page


def test_the_demo_has_an_open_consultation_with_a_published_response_and_a_forum(demo, client):
    consultation = Consultation.objects.open_now().get(action_plan__member__slug="madrid")
    assert consultation.action_plan.status == "co_creation"
    proposals = consultation.proposals.all()
    assert proposals.count() >= 3 and ProposalSupport.objects.count() >= 3 and Comment.objects.count() >= 2
    answered = proposals.get(status="merged")
    assert answered.response.is_published and answered.response.commitments.exists()
    # An institution's contact gave its opinion in the portal on a proposal referred to it.
    referral = Referral.objects.get(proposal__consultation=consultation)
    assert referral.opinion_by.email == "institution.madrid@demo.ogp.example" and referral.is_answered
    assert referral.opinion_by.institution_links.filter(institution=referral.institution).exists()
    forum = Forum.objects.get(member__slug="madrid")
    assert forum.seats.count() >= 4 and forum.meetings.filter(minutes_published=True).count() >= 2
    page = client.get(consultation.get_absolute_url()).content.decode()
    assert "Merged into commitments" in page


def test_the_demo_publishes_kaduna_states_results_report_once(demo):
    assert f"demo account researcher@demo.ogp.example / {PASSWORD}" in demo.first
    researcher = User.objects.get(email="researcher@demo.ogp.example")
    assert researcher.role == User.Role.IRM_RESEARCHER
    report = Report.objects.get(action_plan__member__slug="kaduna-state", source=Report.Source.PORTAL)
    assert report.status == Report.Status.PUBLISHED and report.assessments.count() == 2
    assert report.assessments.filter(starred=True).count() == 1
    assert Report.objects.filter(source=Report.Source.PORTAL).count() == 1 and PublishedVersion.objects.count() == 1
    assert ResearcherAssignment.objects.filter(researcher=researcher).count() == 2


def test_the_demo_has_findings_a_dispute_and_its_answer(demo, client):
    reports = MonitoringReport.objects.filter(status="submitted")
    assert reports.count() == 3
    assert reports.values("organisation").distinct().count() == 3
    assert reports.filter(latitude__isnull=False).count() == 3
    assert ReportEvidence.objects.filter(content_type="image/jpeg").count() == 2
    answer = ReportAnswer.objects.get()
    assert answer.kind == "disputed"
    page = client.get(answer.report.commitment.get_absolute_url()).content.decode()
    assert "data-disputed" in page and "projects portal" in page
    plan_page = client.get(f"/action-plans/{answer.report.commitment.action_plan_id}/monitoring/").content.decode()
    assert "<circle" in plan_page and "Open disputes" in plan_page
    started = time.monotonic()
    assert seed_monitoring() == 0
    assert time.monotonic() - started < 3
    assert MonitoringReport.objects.count() == 3


def test_the_demo_has_a_spanish_proposal_its_author_translated(demo, client):
    proposal = Proposal.objects.get(title="Datos de calidad del aire por barrio")
    assert set(proposal.translations.values_list("language_code", flat=True)) == {"en", "fr"}
    client.cookies["django_language"] = "fr"
    page = client.get(proposal.get_absolute_url()).content.decode()
    assert "Données de qualité de l’air par quartier" in page
    assert '<details class="original-text"' in page and "Datos de calidad del aire por barrio" in page


def test_the_demo_has_a_consultation_and_a_comment_translated(demo, client):
    consultation = Consultation.objects.get(title="Ideas for the next Sekondi-Takoradi action plan")
    (translation,) = consultation.translations.all()
    contact = User.objects.get(email="contact.sekondi@demo.ogp.example")
    assert (translation.language_code, translation.translated_by) == ("fr", contact)
    comment = Comment.objects.get(
        proposal__title="Datos de calidad del aire por barrio", body__startswith="Muy buena idea"
    )
    assert list(comment.translations.values_list("language_code", "translated_by")) == [("en", comment.author_id)]
    client.cookies["django_language"] = "fr"
    page = client.get(consultation.get_absolute_url()).content.decode()
    assert "Des idées pour le prochain plan d’action de Sekondi-Takoradi" in page
    assert 'class="translation-note"' in page and contact.full_name not in page  # by role, never by name
    client.cookies["django_language"] = "en"
    page = client.get(comment.proposal.get_absolute_url()).content.decode()
    assert "Great idea: in my neighbourhood nobody knows when complaints get resolved." in page
    assert page.count("Translated from Spanish by its author.") == 2  # the proposal's and the comment's


def test_the_demo_has_every_reference_row_in_three_languages(demo):
    assert "lack their French or Spanish text" not in demo.first and untranslated_reference_rows() == {}


def test_the_demo_serves_its_open_data_archive_at_once(demo, client):
    page = client.get(reverse("commitments:open-data")).content.decode()
    assert 'href="/open-data/portal-open-data.zip" download' in page
    archive = client.get("/open-data/portal-open-data.zip")
    assert archive.status_code == 200
    with zipfile.ZipFile(io.BytesIO(b"".join(archive.streaming_content))) as bundle:
        assert "README.md" in bundle.namelist() and "commitments.csv" in bundle.namelist()
        assert len(bundle.read("commitments.csv").splitlines()) > 269


def test_the_demo_has_a_french_commitment_translated_into_english(demo, client):
    commitment = Commitment.objects.get(title="Publier en données ouvertes tous les marchés publics de la Ville")
    assert list(commitment.translations.values_list("language_code", flat=True)) == ["en"]
    client.cookies["django_language"] = "en"
    page = client.get(commitment.get_absolute_url()).content.decode()
    assert "<h1>Publish all the City&#x27;s public contracts as open data</h1>" in page
    assert "First monthly dataset of awarded contracts" in page and '<details class="original-text"' in page
