import pytest

from commitments.models import PolicyArea
from tests.factories import ActionPlanFactory, CommitmentFactory, MemberFactory, UserFactory


@pytest.fixture
def area(db):
    return PolicyArea.objects.get(slug="open-contracting")


@pytest.fixture
def madrid(db):
    return MemberFactory(name="Madrid", slug="madrid", kind="local", country="ES")


@pytest.fixture
def paris(db):
    return MemberFactory(name="Paris", slug="paris", kind="local", country="FR")


def commitment_of(member, title, *areas):
    commitment = CommitmentFactory(action_plan=ActionPlanFactory(member=member), title=title)
    commitment.policy_areas.set(areas)
    return commitment


@pytest.fixture
def madrid_poc(madrid):
    return UserFactory(point_of_contact_of=madrid, full_name="Lucía Gómez", language="es")


@pytest.fixture
def paris_poc(paris):
    return UserFactory(point_of_contact_of=paris, full_name="Claire Martin", language="fr")
