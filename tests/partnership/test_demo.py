"""The demo shows co-creation alive in three languages, and a second load adds nothing and says so."""

import io
import zipfile
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from common.reference import untranslated_reference_rows
from consultations.models import Comment, Consultation, Proposal, ProposalResponse, Support

pytestmark = pytest.mark.django_db


def _seed() -> str:
    out = StringIO()
    call_command("seed_demo", "--password", "demo-pass-123", stdout=out)
    return out.getvalue()


def _counts():
    return [m.objects.count() for m in (Consultation, Proposal, Support, Comment, ProposalResponse)]


def test_the_demo_is_lively_in_three_languages_and_a_second_load_claims_nothing(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # as committed by the command: the archive is built
        first = _seed()
    assert "commitments of OGP's data: 269 created" in first
    assert "lack their French or Spanish text" not in first and untranslated_reference_rows() == {}
    states = {(c.kind, c.state) for c in Consultation.objects.all()}
    assert {("proposals", "open"), ("proposals", "closed"), ("draft_review", "open")} <= states
    assert Proposal.objects.count() >= 24 and Support.objects.count() >= 60 and Comment.objects.count() >= 24
    outcomes = set(ProposalResponse.objects.filter(status="published").values_list("outcome", flat=True))
    assert outcomes == {"accepted", "merged", "not_accepted"}
    titles = " ".join(Proposal.objects.values_list("title", flat=True))
    assert "Publish every contract" in titles and "Datos abiertos" in titles and "Publier aussi" in titles

    # The point of contact of the closed call is told what still awaits a response.
    client.force_login(Consultation.objects.get(title__startswith="Ideas for the next").created_by)
    page = client.get(reverse("commitments:workspace-member", args=["sekondi-takoradi"])).content.decode()
    assert "3 proposals await your response" in page

    # /open-data/ links to the archive of the demo at once, and the link serves it.
    client.logout()
    page = client.get(reverse("commitments:open-data")).content.decode()
    assert 'href="/open-data/portal-open-data.zip" download' in page
    archive = client.get("/open-data/portal-open-data.zip")
    assert archive.status_code == 200
    with zipfile.ZipFile(io.BytesIO(b"".join(archive.streaming_content))) as bundle:
        assert "README.md" in bundle.namelist() and "commitments.csv" in bundle.namelist()
        assert len(bundle.read("commitments.csv").splitlines()) > 269

    counts = _counts()
    second = _seed()
    assert _counts() == counts
    assert "0 demo action plans and 0 consultations created now" in second
    assert "0 created, 0 updated, 269 already up to date" in second and "demo account" not in second
