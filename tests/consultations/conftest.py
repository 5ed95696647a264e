import pytest
from django.core.cache import cache

from tests.factories import UserFactory
from tests.factories.consultations import ConsultationFactory, ProposalFactory


@pytest.fixture(autouse=True)
def _fresh_cache_and_media(settings, tmp_path):
    """Rate-limit counters do not leak between tests; uploaded files go to a temporary folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def consultation(plan):
    """An open consultation on Madrid's plan (the `plan` fixture)."""
    return ConsultationFactory(action_plan=plan, title="Proposals for Madrid")


@pytest.fixture
def author(db):
    return UserFactory(full_name="Amina Bello")


@pytest.fixture
def proposal(consultation, author):
    return ProposalFactory(consultation=consultation, author=author, title="Publish district agendas in advance")
