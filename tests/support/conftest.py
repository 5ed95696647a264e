import pytest
from django.core.cache import cache

from tests.factories import OrganisationFactory, UserFactory
from tests.factories.support import RepresentativeFactory, ServiceOfferFactory


@pytest.fixture(autouse=True)
def _fresh_cache_and_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def drafting(db):
    return ServiceOfferFactory(drafting=True)


@pytest.fixture
def representative(member):
    return RepresentativeFactory(
        member=member, user=UserFactory(staff=True, full_name="Clara Nwosu", language="fr")
    ).user


@pytest.fixture
def cso_member(member):
    """A confirmed member of a civil-society organisation working in `member`."""
    organisation = OrganisationFactory(name="Vecinos de Lavapiés", member=member)
    return UserFactory(member_of=organisation, language="es")
