from datetime import timedelta

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from consultations.models import (
    Comment,
    Consultation,
    Flag,
    Forum,
    ForumMeeting,
    ForumSeat,
    Proposal,
    ProposalResponse,
    ResponseTemplate,
)
from tests.factories.accounts import UserFactory
from tests.factories.commitments import ActionPlanFactory


def _in(days: float):
    return factory.LazyFunction(lambda: timezone.now() + timedelta(days=days))


class ConsultationFactory(DjangoModelFactory):
    """An open consultation (opened a week ago, closing in two weeks); traits for the other states."""

    class Meta:
        model = Consultation
        skip_postgeneration_save = True

    action_plan = factory.SubFactory(ActionPlanFactory)
    title = factory.Sequence(lambda n: f"Consultation {n}")
    description = "Send us your proposals."
    opens_at = _in(-7)
    closes_at = _in(14)
    response_due_on = factory.LazyAttribute(lambda o: Consultation.default_response_due_on(o.closes_at))

    class Params:
        closed = factory.Trait(opens_at=_in(-30), closes_at=_in(-1))
        upcoming = factory.Trait(opens_at=_in(3), closes_at=_in(20))
        cancelled = factory.Trait(
            status=Consultation.Status.CANCELLED, status_reason="Postponed", status_changed_at=_in(0)
        )


class ProposalFactory(DjangoModelFactory):
    """A submitted proposal; `draft`, `under_review`, `withdrawn` traits for the other states."""

    class Meta:
        model = Proposal

    consultation = factory.SubFactory(ConsultationFactory)
    author = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Proposal number {n} on open contracting")
    problem = factory.Faker("paragraph")
    solution = factory.Faker("paragraph")
    status = Proposal.Status.SUBMITTED
    submitted_at = _in(0)

    class Params:
        draft = factory.Trait(status=Proposal.Status.DRAFT, submitted_at=None)
        under_review = factory.Trait(status=Proposal.Status.UNDER_REVIEW)
        withdrawn = factory.Trait(
            status=Proposal.Status.WITHDRAWN, withdrawn_at=_in(0), withdrawal_reason=Proposal.WithdrawalReason.DUPLICATE
        )


class ResponseFactory(DjangoModelFactory):
    """A published response (the proposal's status is set to match by the factory)."""

    class Meta:
        model = ProposalResponse
        skip_postgeneration_save = True

    proposal = factory.SubFactory(ProposalFactory)
    outcome = ProposalResponse.Outcome.NOT_ACCEPTED
    reasons = "Outside the mandate of the city council."
    status = ProposalResponse.Status.PUBLISHED
    published_at = _in(0)

    @factory.post_generation
    def sync_status(obj, create, extracted, **kwargs):
        if create and obj.status == ProposalResponse.Status.PUBLISHED:
            proposal = Proposal.objects.get(pk=obj.proposal_id)  # saved: the consultation's counters move
            proposal.status = obj.outcome
            proposal.save(update_fields=["status"])
            obj.proposal.status = obj.outcome


class CommentFactory(DjangoModelFactory):
    class Meta:
        model = Comment

    proposal = factory.SubFactory(ProposalFactory)
    author = factory.SubFactory(UserFactory)
    body = factory.Faker("sentence")


class FlagFactory(DjangoModelFactory):
    class Meta:
        model = Flag

    proposal = factory.SubFactory(ProposalFactory)
    user = factory.SubFactory(UserFactory)
    reason = Flag.Reason.SPAM


class ResponseTemplateFactory(DjangoModelFactory):
    class Meta:
        model = ResponseTemplate

    member = factory.SubFactory("tests.factories.commitments.MemberFactory")
    title = factory.Sequence(lambda n: f"Template {n}")
    outcome = ProposalResponse.Outcome.NOT_ACCEPTED
    reasons = "This is a national competence; we forwarded it to the national point of contact."


class ForumFactory(DjangoModelFactory):
    class Meta:
        model = Forum

    member = factory.SubFactory("tests.factories.commitments.MemberFactory")
    name = factory.Sequence(lambda n: f"Open Government Forum {n}")
    rules_url = "https://example.org/forum-rules"


class ForumSeatFactory(DjangoModelFactory):
    class Meta:
        model = ForumSeat

    forum = factory.SubFactory(ForumFactory)
    organisation_name = factory.Sequence(lambda n: f"Organisation {n}")
    sector = "civil_society"


class ForumMeetingFactory(DjangoModelFactory):
    class Meta:
        model = ForumMeeting

    forum = factory.SubFactory(ForumFactory)
    held_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=10))
    title = factory.Sequence(lambda n: f"Meeting {n}")
    agenda = "1. Welcome"
