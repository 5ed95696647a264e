import pytest
from django.core.cache import cache

from tests.factories import ActionPlanFactory, CommitmentFactory, MilestoneFactory, OrganisationFactory, UserFactory


@pytest.fixture(autouse=True)
def _fresh_cache_and_media(settings, tmp_path):
    """Rate-limit counters do not leak between tests; uploaded files go to a temporary folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def implementing(member):
    return ActionPlanFactory(member=member, implementing=True, title="Madrid plan in implementation")


@pytest.fixture
def commitment(implementing):
    return CommitmentFactory(action_plan=implementing, number="1", title="Open the district budgets")


@pytest.fixture
def milestone(commitment):
    return MilestoneFactory(commitment=commitment, description="Publish the budget data portal")


@pytest.fixture
def organisation(db):
    return OrganisationFactory(name="Vecinos de Lavapiés")


@pytest.fixture
def monitor(organisation):
    return UserFactory(full_name="Amina Bello", member_of=organisation)
