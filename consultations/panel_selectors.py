"""Reads of the panels the consultations app adds to the pages of plans, commitments and members
(consultations/templatetags/consultations_tags.py): titles in the page's language, one query per list."""

from django.db.models.functions import Now

from commitments.models import ActionPlan, Commitment, Member
from common.compiled_models import CompiledModels
from common.db import PageQuery
from common.hints import RowHint
from common.translations import attach_page_translations, page_translations
from consultations.models import Consultation, ConsultationTranslation, Proposal, ProposalResponse


def plan_consultations(*, plan: ActionPlan) -> list:
    """The plan's consultations, latest first, in the page's language."""
    if PLAN_TRANSLATIONS.known_empty(plan):  # most plans: read with the plan's page
        consultations = _PLAN_CONSULTATIONS_ONLY(plan.pk)
        attach_page_translations(consultations, none=True)
        return consultations
    return _PLAN_CONSULTATIONS(plan.pk)


def _plan_consultations(pk):
    return Consultation.objects.filter(action_plan_id=pk).with_counts().order_by("-opens_at", "-id")


_PLAN_CONSULTATIONS = CompiledModels(
    lambda pk: _plan_consultations(pk).prefetch_related(page_translations(Consultation))
)
_PLAN_CONSULTATIONS_ONLY = CompiledModels(_plan_consultations)
# Whether any consultation of the plan is translated (common.hints), read with the plan's page.
PLAN_TRANSLATIONS = RowHint(
    "consultation_translations", lambda plan: ConsultationTranslation.objects.filter(master__action_plan_id=plan)
)


def commitment_source_proposals(*, commitment: Commitment) -> list:
    """Public proposals whose published response links this commitment."""
    if FED_BY_RESPONSES.known_empty(commitment):  # most commitments: read with the commitment's page
        return []
    # The responses' ids first: a join through the responses' commitments needed DISTINCT over every column.
    fed = [row["proposalresponse__proposal_id"] for row in _FED_BY_RESPONSES([commitment.pk])]
    if not fed:  # most commitments: the four-table query below cost 2 ms to find nothing
        return []
    return list(
        Proposal.objects.public()
        .filter(pk__in=fed)
        .select_related("consultation", "organisation", "author")
        .prefetch_related(page_translations(Proposal), page_translations(Consultation, through="consultation"))
        .order_by("submitted_at", "id")
    )


def _published_links(**commitments):
    return ProposalResponse.commitments.through.objects.filter(proposalresponse__status="published", **commitments)


_FED_BY_RESPONSES = PageQuery(
    lambda ids: _published_links(commitment_id__in=ids).values("proposalresponse__proposal_id"), up_to=1
)
# Whether a published response links the commitment (common.hints), read with the commitment's page.
FED_BY_RESPONSES = RowHint("fed_by_responses", lambda commitment: _published_links(commitment_id=commitment))


def member_open_consultations(*, member: Member) -> list:
    """The member's open consultations, closing first (ten), in the page's language."""
    if MEMBER_TRANSLATIONS.known_empty(member):  # most members: read with the member's page
        consultations = _MEMBER_OPEN_CONSULTATIONS_ONLY(member.pk)
        attach_page_translations(consultations, none=True)
        return consultations
    return _MEMBER_OPEN_CONSULTATIONS(member.pk)


# Open at the database's clock (Now(): the statement's time), not at a time read in Python: the statement is then the
# same at every request, and kept.
def _member_open_consultations(pk):
    open_now = Consultation.objects.open_now(Now()).filter(action_plan__member_id=pk)
    return open_now.select_related("action_plan").with_counts().order_by("closes_at")[:10]


_MEMBER_OPEN_CONSULTATIONS = CompiledModels(
    lambda pk: _member_open_consultations(pk).prefetch_related(page_translations(Consultation))
)
_MEMBER_OPEN_CONSULTATIONS_ONLY = CompiledModels(_member_open_consultations)
# Whether any consultation of the member (open or not) is translated (common.hints), read with the member's page.
MEMBER_TRANSLATIONS = RowHint(
    "member_consultation_translations",
    lambda member: ConsultationTranslation.objects.filter(master__action_plan__member_id=member),
)
