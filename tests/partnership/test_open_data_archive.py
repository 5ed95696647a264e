"""The open-data archive of the whole public record: built by a worker, every file described, nothing private."""

import csv
import io
import json
import zipfile

import pytest
from django.conf import settings
from django.test import TestCase
from django.urls import reverse

from consultations.models import Comment, Proposal, ProposalResponse
from monitoring.models import MonitoringReport
from partnership import services
from partnership.bundle.archive import README, RESOURCES
from partnership.models import OpenDataBuild
from tests.factories import CommitmentFactory, MilestoneFactory, UserFactory
from tests.factories.consultations import (
    CommentFactory,
    ConsultationFactory,
    ForumMeetingFactory,
    ProposalFactory,
    ResponseFactory,
)
from tests.factories.monitoring import MonitoringReportFactory, ReportAnswerFactory

pytestmark = pytest.mark.django_db
ARCHIVE_URL = "/open-data/portal-open-data.zip"


def build_now() -> OpenDataBuild:
    """Ask for a build and run its task as the commit would (tests run inside a transaction)."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        build = services.open_data_build_request()
    build.refresh_from_db()
    return build


def _download(client) -> zipfile.ZipFile:
    response = client.get(ARCHIVE_URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert 'filename="portal-open-data.zip"' in response["Content-Disposition"]
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def _csv(archive: zipfile.ZipFile, name: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(archive.read(name).decode("utf-8"))))


def _json(archive: zipfile.ZipFile, name: str) -> list[dict]:
    return json.loads(archive.read(name))


def _private_world():
    """One public object of each kind beside its hidden, draft, withdrawn or unpublished twins."""
    consultation = ConsultationFactory(closed=True)
    world = {
        "public": ProposalFactory(consultation=consultation, title="Open budgets for every city"),
        "hidden": ProposalFactory(consultation=consultation, title="SECRET hidden proposal"),
        "draft": ProposalFactory(consultation=consultation, draft=True, title="SECRET draft proposal"),
        "withdrawn": ProposalFactory(consultation=consultation, withdrawn=True, title="SECRET withdrawn proposal"),
    }
    Proposal.objects.filter(pk=world["hidden"].pk).update(is_hidden=True)
    fed = CommitmentFactory(action_plan=consultation.action_plan)
    response = ResponseFactory(proposal=world["public"], outcome=ProposalResponse.Outcome.MERGED)
    response.commitments.add(fed)
    world["awaiting"] = ProposalFactory(consultation=consultation)
    ResponseFactory(
        proposal=world["awaiting"],
        status=ProposalResponse.Status.DRAFT,
        published_at=None,
        reasons="SECRET draft reasons",
    )
    ResponseFactory(proposal=world["hidden"], reasons="SECRET reasons of a hidden proposal")
    shown = CommentFactory(proposal=world["public"], body="A public comment")
    hidden = CommentFactory(proposal=world["public"], body="SECRET hidden comment")
    Comment.objects.filter(pk=hidden.pk).update(is_hidden=True)
    CommentFactory(proposal=world["public"], parent=hidden, body="SECRET reply to a hidden comment")
    CommentFactory(proposal=world["draft"], body="SECRET comment on a draft")
    ForumMeetingFactory(minutes="SECRET unpublished minutes", minutes_published=False)
    ForumMeetingFactory(minutes="Published minutes", minutes_published=True)
    report = MonitoringReportFactory(text="A public monitoring report")
    ReportAnswerFactory(report=report)
    MonitoringReportFactory(draft=True, text="SECRET draft monitoring report")
    gone = MonitoringReportFactory(text="SECRET hidden monitoring report")
    MonitoringReport.objects.filter(pk=gone.pk).update(is_hidden=True)
    return {**world, "response": response, "fed": fed, "comment": shown, "report": report}


def test_the_archive_holds_every_public_object_and_nothing_private(client):
    """Hidden, draft and withdrawn proposals, draft responses, hidden comments, unpublished minutes and hidden
    or draft monitoring reports are not in any file; the public ones are, with their links."""
    world = _private_world()
    build = build_now()
    assert build.status == OpenDataBuild.Status.DONE and build.size > 0
    archive = _download(client)
    for name in archive.namelist():
        assert b"SECRET" not in archive.read(name), name
    proposals = _csv(archive, "proposals.csv")
    assert {int(p["id"]) for p in proposals} == {world["public"].pk, world["awaiting"].pk}
    responses = _json(archive, "responses.json")
    assert len(responses) == 1 and responses[0]["proposal_id"] == world["public"].pk
    assert responses[0]["outcome"] == "merged" and responses[0]["commitments"] == str(world["fed"].pk)
    assert [c["id"] for c in _json(archive, "comments.json")] == [world["comment"].pk]
    assert [r["id"] for r in _json(archive, "monitoring_reports.json")] == [world["report"].pk]
    assert len(_json(archive, "monitoring_answers.json")) == 1
    assert {m["minutes"] for m in _json(archive, "forum_meetings.json")} == {"", "Published minutes"}
    assert build.row_counts["proposals"] == 2


def test_every_file_is_described_in_the_readme_and_every_column_in_the_dictionary(client):
    _private_world()
    build_now()
    archive = _download(client)
    readme = archive.read(README).decode()
    for name in archive.namelist():
        assert f"`{name}`" in readme, name
    described = {(row["file"], row["column"]) for row in _csv(archive, "data_dictionary.csv")}
    for resource in RESOURCES:
        header = next(csv.reader(io.StringIO(archive.read(f"{resource.name}.csv").decode())))
        assert header == resource.column_names
        assert {(f"{resource.name}.csv", column) for column in header} <= described
        rows = _json(archive, f"{resource.name}.json")
        assert all(list(row) == header for row in rows), resource.name


def test_commitments_carry_civil_society_status_dispute_and_progress(client):
    """A report finding "delayed" on a completed commitment: disputed; milestones give the progress."""
    report = MonitoringReportFactory(finding="delayed", commitment__completion="complete")
    commitment = report.commitment
    MilestoneFactory(commitment=commitment, completed=True)
    MilestoneFactory(commitment=commitment)
    other = CommitmentFactory()
    build_now()
    rows = {row["id"]: row for row in _csv(_download(client), "commitments.csv")}
    row = rows[str(commitment.pk)]
    assert row["civil_society_status"] == "delayed" and row["disputed"] == "1"
    assert row["progress"] == "0.5" and row["milestones"] == "2"
    assert rows[str(other.pk)]["civil_society_status"] == "" and rows[str(other.pk)]["disputed"] == "0"


def test_before_the_first_build_the_address_says_so(client):
    response = client.get(ARCHIVE_URL)
    assert response.status_code == 404
    assert "not built yet" in response.content.decode()
    assert "not built yet" in client.get(reverse("commitments:open-data")).content.decode()


def test_the_open_data_page_links_the_archive_with_its_date_and_size(client):
    build = build_now()
    page = client.get(reverse("commitments:open-data")).content.decode()
    assert f'href="{ARCHIVE_URL}"' in page
    assert "Built on" in page and f"{build.finished_at:%Y}" in page
    assert "Build the archive now" not in page


def test_staff_build_on_demand_and_see_its_progress(client, django_capture_on_commit_callbacks):
    client.force_login(UserFactory(is_staff=True))
    assert "Build the archive now" in client.get(reverse("commitments:open-data")).content.decode()
    with django_capture_on_commit_callbacks(execute=False):
        client.post(reverse("commitments:open-data-build"))
        client.post(reverse("commitments:open-data-build"))  # the same build, not a second one
    build = OpenDataBuild.objects.get()
    assert build.status == OpenDataBuild.Status.QUEUED
    OpenDataBuild.objects.filter(pk=build.pk).update(status="running", step="proposals (7/14)")
    page = client.get(reverse("commitments:open-data")).content.decode()
    assert "A new build is under way: proposals (7/14)." in page


def test_a_new_build_replaces_the_served_archive_and_old_files_go(client):
    first = build_now()
    ProposalFactory(title="Arrived after the first build")
    second = build_now()
    assert b"Arrived after the first build" in _download(client).read("proposals.csv")
    third = build_now()
    assert not OpenDataBuild.objects.filter(pk=first.pk).exists()
    assert not first.archive.storage.exists(first.archive.name)
    assert second.archive.storage.exists(second.archive.name) and third.archive.name != second.archive.name


def test_a_build_runs_every_night():
    entries = {entry["task"]: entry for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "partnership.tasks.open_data_scheduled_build_task" in entries
