import pytest

from support.demo import seed_support
from support.models import Partner, ServiceOffer

pytestmark = pytest.mark.django_db


def test_the_demo_is_idempotent():
    seed_support()
    counts = (ServiceOffer.objects.count(), Partner.objects.count())
    assert counts[0] >= 15 and ServiceOffer.objects.filter(slug="drafting-commitments", name_es__startswith="Asist")
    assert seed_support() == []
    assert (ServiceOffer.objects.count(), Partner.objects.count()) == counts
