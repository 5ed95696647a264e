"""Demo drafting: the first open review of a draft plan whose plan is in co-creation (Paris's, in the demo) gets
version 1 of its draft, comments on a paragraph, an amendment accepted and one rejected, and version 2 with the
accepted one. Idempotent: nothing is written when the plan already has a draft version."""

from django.db import transaction

from accounts.models import User
from commitments.models import ActionPlan
from consultations.models import Consultation
from drafting.models import DraftParagraph, DraftVersion
from drafting.services import amendments, comments
from drafting.services.versions import version_create, version_publish

COMMENTS = [
    "Which districts come first? A calendar would help.",
    "The neighbourhood councils are ready to help with this.",
]
ACCEPTED = ("Publish every public contract and its amendments in open data, within 30 days of signature.", "Clearer "
            "and measurable: the 30 days are now in the commitment.")  # fmt: skip
REJECTED = ("Drop this paragraph.", "The paragraph states the problem the commitment answers; we keep it.")


def _review() -> Consultation | None:
    for review in Consultation.objects.filter(
        kind=Consultation.Kind.DRAFT_REVIEW, action_plan__status=ActionPlan.Status.CO_CREATION
    ).select_related("action_plan"):
        if review.is_open and review.action_plan.commitments.exists():
            return review
    return None


@transaction.atomic
def seed_drafting() -> int:
    """Two versions of a draft under review, with comments and decided amendments; returns the versions made."""
    review = _review()
    if review is None or DraftVersion.objects.filter(action_plan=review.action_plan).exists():
        return 0
    contact = review.action_plan.member.contacts.filter(role=User.Role.POINT_OF_CONTACT).first()
    people = list(
        User.objects.filter(role=User.Role.PARTICIPANT, is_active=True, emailaddress__verified=True).order_by("pk")[:3]
    )
    if contact is None or len(people) < 3:
        return 0
    first = version_publish(version=version_create(consultation=review, user=contact), user=contact)
    paragraphs = list(
        DraftParagraph.objects.filter(draft_commitment__version=first).order_by("draft_commitment", "order")
    )
    if not paragraphs:
        return 1
    target, other = paragraphs[0], paragraphs[-1]
    comment = comments.comment_create(paragraph=target, author=people[0], body=COMMENTS[0], language="en")
    comments.comment_create(paragraph=target, author=people[1], body=COMMENTS[1], parent=comment, language="en")
    accepted = amendments.amendment_propose(author=people[0], paragraph=target, text=ACCEPTED[0], language="en")
    amendments.amendment_support(amendment=accepted, user=people[1])
    amendments.amendment_support(amendment=accepted, user=people[2])
    rejected = amendments.amendment_propose(author=people[2], paragraph=other, text=REJECTED[0], language="en")
    amendments.amendment_decide(amendment=accepted, user=contact, state="accepted", reason=ACCEPTED[1])
    amendments.amendment_decide(amendment=rejected, user=contact, state="rejected", reason=REJECTED[1])
    version_publish(version=version_create(consultation=review, user=contact), user=contact)
    return 2
