from datetime import date

import factory
from factory.django import DjangoModelFactory

from accounts.models import Organisation
from commitments.models import (
    ActionPlan,
    Commitment,
    InstitutionContact,
    Member,
    Milestone,
    PolicyArea,
    ProgressUpdate,
    Region,
)


class MemberFactory(DjangoModelFactory):
    class Meta:
        model = Member

    name = factory.Sequence(lambda n: f"Member {n}")
    slug = factory.Sequence(lambda n: f"member-{n}")
    kind = Member.Kind.NATIONAL
    country = "FR"
    region = Region.EUROPE
    joined_year = 2014

    class Params:
        local = factory.Trait(kind=Member.Kind.LOCAL)


class PolicyAreaFactory(DjangoModelFactory):
    class Meta:
        model = PolicyArea
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Area {n}")
    slug = factory.Sequence(lambda n: f"area-{n}")


class ActionPlanFactory(DjangoModelFactory):
    """A plan in co-creation; the traits put it in later states (as stored, not via the services)."""

    class Meta:
        model = ActionPlan

    member = factory.SubFactory(MemberFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.LazyAttribute(lambda o: f"Action plan {o.number}")
    start_date = date(2024, 1, 1)
    end_date = date(2026, 12, 31)
    status = ActionPlan.Status.CO_CREATION

    class Params:
        submitted = factory.Trait(status=ActionPlan.Status.SUBMITTED, submitted_on=date(2024, 1, 15))
        implementing = factory.Trait(status=ActionPlan.Status.IMPLEMENTATION, submitted_on=date(2024, 1, 15))
        completed = factory.Trait(status=ActionPlan.Status.COMPLETED, submitted_on=date(2024, 1, 15))


class CommitmentFactory(DjangoModelFactory):
    class Meta:
        model = Commitment

    action_plan = factory.SubFactory(ActionPlanFactory)
    number = factory.Sequence(lambda n: f"{n % 9 + 1}.{n}")
    title = factory.Faker("sentence", nb_words=8)
    objective = factory.Faker("paragraph")


class MilestoneFactory(DjangoModelFactory):
    class Meta:
        model = Milestone

    commitment = factory.SubFactory(CommitmentFactory)
    order = factory.Sequence(lambda n: n)
    description = factory.Faker("sentence")
    due_date = date(2025, 6, 30)

    class Params:
        completed = factory.Trait(status=Milestone.Status.COMPLETED, completed_on=date(2025, 5, 1))


class ProgressUpdateFactory(DjangoModelFactory):
    class Meta:
        model = ProgressUpdate

    commitment = factory.SubFactory(CommitmentFactory)
    text = factory.Faker("paragraph")
    completion = "limited"
    reported_on = date(2025, 1, 10)


class InstitutionFactory(DjangoModelFactory):
    """A government institution of a member."""

    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Ministry {n}")
    kind = Organisation.Kind.GOVERNMENT
    member = factory.SubFactory(MemberFactory)


class InstitutionContactFactory(DjangoModelFactory):
    """An account (a participant by default) that speaks for a government institution."""

    class Meta:
        model = InstitutionContact

    institution = factory.SubFactory(InstitutionFactory)
    user = factory.SubFactory("tests.factories.accounts.UserFactory")
