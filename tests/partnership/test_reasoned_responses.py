"""The reasoned-response report of a closed consultation: every public proposal, its outcome, its reasons and
the commitments it fed, as a streamed CSV and as a PDF rendered by a worker."""

import csv
import io

import pytest
from django.test import TestCase
from django.urls import reverse

from consultations.models import Proposal, ProposalResponse
from partnership.models import ResponseReport
from tests.factories import CommitmentFactory
from tests.factories.consultations import ConsultationFactory, ProposalFactory, ResponseFactory
from tests.irm_reports.test_pdf_document import poppler

pytestmark = pytest.mark.django_db


def _closed_consultation():
    consultation = ConsultationFactory(closed=True, title="Open Madrid 2025")
    fed = CommitmentFactory(action_plan=consultation.action_plan, number="4", title="Open district budgets")
    merged = ProposalFactory(consultation=consultation, title="Publish every district budget")
    response = ResponseFactory(proposal=merged, outcome="merged", reasons="We merged it into commitment 4.")
    response.commitments.add(fed)
    ResponseFactory(
        proposal=ProposalFactory(consultation=consultation, title="A city-wide lottery"),
        reasons="Outside the council's powers.",
    )
    waiting = ProposalFactory(consultation=consultation, title="Open meeting minutes")
    ResponseFactory(proposal=waiting, status=ProposalResponse.Status.DRAFT, published_at=None, reasons="HIDDEN draft")
    hidden = ProposalFactory(consultation=consultation, title="HIDDEN proposal")
    Proposal.objects.filter(pk=hidden.pk).update(is_hidden=True)
    return consultation


def test_the_csv_lists_every_public_proposal_with_outcome_reasons_and_commitments(client):
    consultation = _closed_consultation()
    response = client.get(reverse("commitments:consultation-responses-csv", args=[consultation.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "text/csv; charset=utf-8"
    text = b"".join(response.streaming_content).decode()
    assert "HIDDEN" not in text
    rows = {row["title"]: row for row in csv.DictReader(io.StringIO(text))}
    assert set(rows) == {"Publish every district budget", "A city-wide lottery", "Open meeting minutes"}
    merged = rows["Publish every district budget"]
    assert merged["outcome"] == "merged" and merged["reasons"] == "We merged it into commitment 4."
    assert merged["commitments"] == "4 Open district budgets"
    assert rows["A city-wide lottery"]["outcome"] == "not_accepted"
    assert rows["Open meeting minutes"]["outcome"] == "" and rows["Open meeting minutes"]["reasons"] == ""


def test_the_pdf_is_rendered_by_a_worker_then_served(client, tmp_path):
    consultation = _closed_consultation()
    url = reverse("commitments:consultation-responses-pdf", args=[consultation.pk])
    with TestCase.captureOnCommitCallbacks(execute=True):
        waiting = client.get(url)
    assert waiting.status_code == 202 and "reloads itself" in waiting.content.decode()
    assert ResponseReport.objects.get().status == ResponseReport.Status.DONE
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = " ".join(poppler("pdftotext", b"".join(response.streaming_content), tmp_path).split())
    assert "Reasoned responses: Open Madrid 2025" in text
    assert "Publish every district budget" in text and "We merged it into commitment 4." in text
    assert "4 Open district budgets" in text and "Outside the council's powers." in text
    assert "no reasoned response published yet" in text and "HIDDEN" not in text
    assert ResponseReport.objects.count() == 1  # the same state of the answers: the same rendering


def test_a_new_response_makes_a_new_rendering(client):
    consultation = _closed_consultation()
    url = reverse("commitments:consultation-responses-pdf", args=[consultation.pk])
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.get(url)
    ResponseFactory(proposal=ProposalFactory(consultation=consultation), reasons="Later")
    first = ResponseReport.objects.get()
    with TestCase.captureOnCommitCallbacks(execute=True):
        assert client.get(url).status_code == 202
    assert client.get(url).status_code == 200
    assert ResponseReport.objects.get().pk != first.pk  # the older state's PDF is gone
    assert not first.pdf.storage.exists(first.pdf.name)


def test_the_report_waits_for_the_consultation_to_close(client):
    consultation = ConsultationFactory()
    for name in ("commitments:consultation-responses-csv", "commitments:consultation-responses-pdf"):
        assert client.get(reverse(name, args=[consultation.pk])).status_code == 404
    page = client.get(consultation.get_absolute_url()).content.decode()
    assert "reasoned-responses.pdf" not in page
    closed = _closed_consultation()
    page = client.get(closed.get_absolute_url()).content.decode()
    assert f"/consultations/{closed.pk}/reasoned-responses.pdf" in page
    assert f"/consultations/{closed.pk}/reasoned-responses.csv" in page
