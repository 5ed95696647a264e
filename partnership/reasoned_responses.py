"""The reasoned-response report of a consultation: every public proposal, its outcome, its reasons and the
commitments it fed. One column list serves the streamed CSV; the PDF shows the same rows, rendered by a worker
through the IRM reports' rendering path (irm_reports.pdf.html_pdf)."""

import hashlib
from collections.abc import Iterator

from django.db.models import Count, Max
from django.utils.translation import gettext_lazy as _

from commitments.models import Commitment
from consultations.models import Consultation, ProposalResponse
from partnership.bundle.columns import Column, Resource, field, joined
from partnership.bundle.participation import public_proposals


def _response(proposal):
    """The proposal's response once published, else None."""
    return proposal.published_response


def _of_response(name: str):
    def value(proposal):
        response = _response(proposal)
        return "" if response is None else (getattr(response, name) or "")

    return value


def _fed(proposal) -> list:
    response = _response(proposal)
    return response.fed if response is not None else []


COLUMNS = [
    field("proposal_id", _("Identifier of the proposal in this portal."), "pk"),
    field("title", _("Title of the proposal.")),
    field("organisation", _("Organisation on whose behalf it was submitted, if any."), "organisation.name"),
    field("submitted_at", _("When it was submitted (ISO 8601, UTC).")),
    field("support_count", _("Number of participants who support it.")),
    Column(
        "outcome",
        _("accepted, merged (into commitments) or not_accepted; empty while no response is published."),
        _of_response("outcome"),
    ),
    Column("reasons", _("The reasons given (Markdown)."), _of_response("reasons")),
    Column("responded_at", _("When the response was published (ISO 8601, UTC)."), _of_response("published_at")),
    Column(
        "commitments",
        _("The commitments the proposal fed: number and title, separated by “; ”."),
        lambda p: joined(f"{c.number} {c.title}" for c in _fed(p)),
    ),
    Column(
        "commitment_ids",
        _("Identifiers of those commitments in this portal, separated by “; ”."),
        lambda p: joined(c.pk for c in _fed(p)),
    ),
]


def _fed_commitments(proposals: list) -> None:
    """The commitments each published response of a chunk fed, in one query."""
    responses = {p.response.pk: p.response for p in proposals if _response(p) is not None}
    for response in responses.values():
        response.fed = []
    links = (
        ProposalResponse.commitments.through.objects.filter(proposalresponse_id__in=list(responses))
        .select_related("commitment")
        .only("proposalresponse_id", "commitment__number", "commitment__title", "commitment__sort_key")
        .order_by("commitment__sort_key", "commitment_id")
    )
    for link in links:
        responses[link.proposalresponse_id].fed.append(link.commitment)


def proposals_of(consultation: Consultation):
    """The consultation's public proposals (as in the open-data archive), oldest first, with their response."""
    return (
        public_proposals()
        .filter(consultation=consultation)
        .select_related("organisation", "response")
        .order_by("submitted_at", "pk")
    )


def resource(consultation: Consultation) -> Resource:
    return Resource(
        "reasoned_responses",
        _("Every proposal of the consultation, its outcome, its reasons and the commitments it fed."),
        COLUMNS,
        lambda: proposals_of(consultation),
        per_chunk=_fed_commitments,
    )


def rows(consultation: Consultation) -> Iterator[tuple]:
    """(proposal, row) pairs for the PDF, read in chunks."""
    report = resource(consultation)
    for proposal in report.queryset().iterator(chunk_size=500):
        _fed_commitments([proposal])
        yield proposal, {column.name: column.value(proposal) for column in COLUMNS}


def source_key(consultation: Consultation) -> str:
    """A fingerprint of everything the report shows: it changes with any proposal, response or the consultation."""
    state = proposals_of(consultation).aggregate(
        count=Count("pk"), proposals=Max("updated_at"), responses=Max("response__updated_at")
    )
    fed = Commitment.objects.filter(source_responses__proposal__consultation=consultation).aggregate(
        count=Count("pk"), changed=Max("updated_at")
    )
    text = f"{consultation.updated_at}|{state}|{fed}"
    return hashlib.sha256(text.encode()).hexdigest()


def outcome_counts(consultation: Consultation) -> dict:
    """How many proposals got each outcome, and how many wait for a response."""
    proposals = proposals_of(consultation)
    counts = dict(
        proposals.filter(response__status=ProposalResponse.Status.PUBLISHED)
        .values_list("response__outcome")
        .annotate(n=Count("pk"))
    )
    answered = sum(counts.values())
    return {"total": proposals.count(), "answered": answered, **counts}
