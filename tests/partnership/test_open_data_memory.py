"""The open-data archive is written with flat memory: rows are never all held at once."""

import tempfile
import tracemalloc

import pytest

from commitments.models import Commitment, Milestone
from consultations.models import Proposal, ProposalResponse
from partnership.bundle import columns
from partnership.bundle.archive import write_archive
from tests.factories import ActionPlanFactory
from tests.factories.consultations import ConsultationFactory

pytestmark = pytest.mark.django_db


def _peak_memory_of_archive() -> int:
    with tempfile.TemporaryFile() as handle:
        tracemalloc.start()
        tracemalloc.reset_peak()
        write_archive(handle, built_at="today")
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return peak


def _add(plan, consultation, n: int) -> None:
    start = Commitment.objects.count()
    created = Commitment.objects.bulk_create(
        [Commitment(action_plan=plan, number=f"{start + i}", title="T" * 200) for i in range(n)]
    )
    Milestone.objects.bulk_create(
        [Milestone(commitment=c, description="D" * 200, order=k) for c in created for k in range(2)]
    )
    proposals = Proposal.objects.bulk_create(
        [
            Proposal(
                consultation=consultation,
                title="P" * 150,
                problem="x" * 500,
                solution="y" * 500,
                status=Proposal.Status.ACCEPTED,
                submitted_at=consultation.opens_at,
            )
            for _ in range(n)
        ]
    )
    responses = ProposalResponse.objects.bulk_create(
        [
            ProposalResponse(
                proposal=p, outcome="accepted", reasons="R" * 300, status="published", published_at=p.submitted_at
            )
            for p in proposals
        ]
    )
    ProposalResponse.commitments.through.objects.bulk_create(
        [
            ProposalResponse.commitments.through(proposalresponse_id=r.pk, commitment_id=c.pk)
            for r, c in zip(responses, created, strict=True)
        ]
    )


def test_the_archive_is_written_with_flat_memory(monkeypatch):
    """Five times the rows, about the same peak memory."""
    monkeypatch.setattr(columns, "CHUNK_SIZE", 100)
    plan = ActionPlanFactory()
    consultation = ConsultationFactory(action_plan=plan)
    _add(plan, consultation, 300)
    _peak_memory_of_archive()  # warm-up: one-time allocations (translations, caches) are not the archive's
    small = _peak_memory_of_archive()
    _add(plan, consultation, 1200)
    large = _peak_memory_of_archive()
    assert large < small * 1.5, f"peak {small} bytes for 300 rows of each kind, {large} for 1,500"
