from datetime import timedelta
from decimal import Decimal

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from grants.models import BudgetLine, CallQuestion, Criterion, GrantApplication, GrantCall, Review
from tests.factories.accounts import OrganisationFactory, UserFactory


class GrantCallFactory(DjangoModelFactory):
    """A published micro-grant call (USD 5,000–8,000), open today unless `closed` or `upcoming`."""

    class Meta:
        model = GrantCall
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Micro-grants {n}")
    kind = GrantCall.Kind.MICRO_GRANT
    summary = "Small grants for co-creation."
    eligibility = "Civil society organisations."
    currency = "USD"
    budget = Decimal("50000")
    amount_min = Decimal("5000")
    amount_max = Decimal("8000")
    opens_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=5))
    closes_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=30))
    is_published = True

    class Params:
        closed = factory.Trait(
            opens_on=factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=90)),
            closes_on=factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=30)),
        )

    @factory.post_generation
    def grid(obj, create, extracted, **kwargs):
        """A question and two criteria (weights 2 and 1), unless grid=False."""
        if not create or extracted is False:
            return
        CallQuestion.objects.create(call=obj, order=1, text="Which co-creation step will the grant strengthen?")
        Criterion.objects.create(call=obj, order=1, name="Contribution to co-creation", weight=2)
        Criterion.objects.create(call=obj, order=2, name="Realistic budget", weight=1)


class GrantApplicationFactory(DjangoModelFactory):
    """A draft of 6,000 with two budget lines adding up and the call's questions answered."""

    class Meta:
        model = GrantApplication
        skip_postgeneration_save = True

    call = factory.SubFactory(GrantCallFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    applicant = None
    title = factory.Sequence(lambda n: f"Project {n}")
    summary = "Consultations beyond the capital."
    amount_requested = Decimal("6000")

    class Params:
        submitted = factory.Trait(
            status=GrantApplication.Status.SUBMITTED, submitted_at=factory.LazyFunction(timezone.now)
        )
        awarded = factory.Trait(
            status=GrantApplication.Status.AWARDED,
            submitted_at=factory.LazyFunction(timezone.now),
            decided_at=factory.LazyFunction(timezone.now),
            amount_awarded=Decimal("6000"),
            decision_reasons="Strong coalition.",
        )

    @factory.post_generation
    def lines(obj, create, extracted, **kwargs):
        if not create or extracted is False:
            return
        BudgetLine.objects.create(application=obj, order=1, description="Coordinator", amount=Decimal("4000"))
        BudgetLine.objects.create(application=obj, order=2, description="Meetings", amount=Decimal("2000"))
        for question in obj.call.questions.all():
            obj.answers.create(question=question, text="The consultation step.")


class ReviewFactory(DjangoModelFactory):
    class Meta:
        model = Review

    application = factory.SubFactory(GrantApplicationFactory, submitted=True)
    reviewer = factory.SubFactory(UserFactory, staff=True)
    total = Decimal("3.00")
