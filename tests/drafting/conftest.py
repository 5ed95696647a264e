import pytest
from django.core.cache import cache

from tests.factories import ActionPlanFactory
from tests.factories.drafting import published_draft


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters do not leak between tests."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def plan(member):
    return ActionPlanFactory(member=member, title="Madrid plan 2026–2028")


@pytest.fixture
def version(plan, point_of_contact):
    return published_draft(action_plan=plan, poc=point_of_contact)


@pytest.fixture
def paragraph(version):
    return version.commitments.get().paragraphs.get(key="objective-1")
