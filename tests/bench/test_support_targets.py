"""The benchmark's supports: every (token holder, proposal) pair it may draw is one the portal accepts."""

import pytest
from knox.models import AuthToken
from rest_framework.test import APIClient

from bench.setup_data import supportable_proposals
from tests.factories import UserFactory
from tests.factories.consultations import ProposalFactory

pytestmark = pytest.mark.django_db


def test_every_pair_the_benchmark_draws_is_a_success():
    """The holders wrote some of the proposals: those are left out, and any holder supports any other."""
    holders = UserFactory.create_batch(3)
    proposals = [ProposalFactory(author=holders[i % 3]) for i in range(3)] + ProposalFactory.create_batch(3)
    pks = [p.pk for p in proposals]
    targets = supportable_proposals([user.pk for user in holders], first=min(pks), last=max(pks))
    assert targets == [p.pk for p in proposals[3:]]
    client = APIClient()
    for user in holders:
        client.credentials(HTTP_AUTHORIZATION=f"Token {AuthToken.objects.create(user=user)[1]}")
        for pk in targets:
            assert client.post(f"/api/v1/proposals/{pk}/support/", {}, format="json").status_code == 200
