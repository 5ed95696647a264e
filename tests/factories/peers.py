import factory
from factory.django import DjangoModelFactory

from peers.models import ExchangeRequest
from tests.factories.commitments import CommitmentFactory, MemberFactory


class ExchangeRequestFactory(DjangoModelFactory):
    """A request from `requester_member` about a commitment of another member (its plan's member)."""

    class Meta:
        model = ExchangeRequest

    commitment = factory.SubFactory(CommitmentFactory)
    member = factory.LazyAttribute(lambda o: o.commitment.action_plan.member)
    requester_member = factory.SubFactory(MemberFactory)
    requester = None
    message = factory.Faker("paragraph")
