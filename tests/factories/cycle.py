from datetime import date

import factory
from factory.django import DjangoModelFactory

from cycle.models import ComplianceFinding, CycleStep
from tests.factories.commitments import MemberFactory


class CycleStepFactory(DjangoModelFactory):
    class Meta:
        model = CycleStep

    member = factory.SubFactory(MemberFactory)
    plan_number = factory.Sequence(lambda n: n + 1)
    kind = CycleStep.Kind.PLAN_DUE
    due_on = date(2026, 12, 31)


class ComplianceFindingFactory(DjangoModelFactory):
    class Meta:
        model = ComplianceFinding

    member = factory.SubFactory(MemberFactory)
    kind = ComplianceFinding.Kind.FORUM_INACTIVE
    subject = factory.Sequence(lambda n: f"forum:{n}")
    evidence = factory.LazyAttribute(lambda o: {"forum": f"Forum of {o.member.name}", "last_meeting": "2025-01-10"})
    found_on = date(2026, 11, 1)
