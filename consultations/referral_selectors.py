"""Reads of internal opinions (referrals): what the public sees under a response, what awaits a contact."""

from django.db.models import F, QuerySet

from commitments.models import InstitutionContact
from consultations.models import Proposal, Referral

AWAITING = (Proposal.Status.SUBMITTED, Proposal.Status.UNDER_REVIEW)


def proposal_opinions(*, proposal: Proposal) -> QuerySet:
    """The opinions given on a proposal, for a published response that shows them (provenance)."""
    return proposal.referrals.exclude(opinion="").select_related("institution").order_by("created_at", "pk")


def contact_referrals(*, user) -> QuerySet:
    """The referrals to the institutions `user` is a contact of, those awaiting an opinion first (on every database)."""
    mine = InstitutionContact.objects.filter(user=user).values("institution_id")
    return (
        Referral.objects.filter(institution_id__in=mine, proposal__status__in=AWAITING)
        .select_related("institution", "proposal__consultation__action_plan__member")
        .only(  # what the page shows: not the proposals' texts, nor the plans' and consultations' columns
            "opinion",
            "opinion_received_on",
            "due_on",
            "institution__name",
            "proposal__title",
            *(f"proposal__consultation__action_plan__member__{name}" for name in ("name", "name_fr", "name_es")),
        )
        .order_by(F("opinion_received_on").desc(nulls_first=True), F("due_on").asc(nulls_last=True), "created_at", "pk")
    )
