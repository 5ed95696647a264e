"""The demo's peer exchange: similar commitments computed, one exchange asked, and nothing more on a second run."""

import pytest

from peers.demo import seed_peers
from peers.models import ExchangeRequest, SimilarCommitment
from tests.factories import MemberFactory, UserFactory
from tests.peers.conftest import commitment_of

pytestmark = pytest.mark.django_db


def test_seed_peers_is_idempotent(area):
    madrid = MemberFactory(name="Madrid", slug="madrid")
    sekondi = MemberFactory(name="Sekondi-Takoradi", slug="sekondi-takoradi")
    UserFactory(point_of_contact_of=sekondi)
    commitment_of(madrid, "Publish the city's contracts as open data", area)
    commitment_of(sekondi, "Publish contracts as open data for citizens", area)
    assert seed_peers() == {"similar_refreshed": 2, "exchanges_created": 1}
    assert SimilarCommitment.objects.count() == 2
    assert seed_peers() == {"similar_refreshed": 0, "exchanges_created": 0}
    assert ExchangeRequest.objects.get().member == madrid


def test_the_command_refreshes_stale_lists_or_all(area):
    from io import StringIO

    from django.core.management import call_command

    commitment_of(MemberFactory(), "Open budget portal", area)
    commitment_of(MemberFactory(), "Open budget portal for citizens", area)
    out = StringIO()
    call_command("similar_commitments", stdout=out)
    assert out.getvalue().strip().endswith("2 commitments refreshed")
    call_command("similar_commitments", stdout=out)
    assert out.getvalue().strip().endswith("0 commitments refreshed")
    call_command("similar_commitments", "--all", stdout=out)
    assert out.getvalue().strip().endswith("2 commitments refreshed") and SimilarCommitment.objects.count() == 2
