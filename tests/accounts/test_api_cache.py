"""The public API cache: a cached body never carries the host of another request."""

import pytest
from rest_framework.test import APIClient

from tests.factories import CommitmentFactory, MemberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_hosts(settings):
    settings.ALLOWED_HOSTS = ["portal.example.org", "attacker.example"]


def _links(response) -> list[str]:
    assert response.status_code == 200
    body = response.json()
    links = [body.get("next") or "", body.get("previous") or ""]
    for item in body.get("results", [body]):
        links += [item.get("url", ""), item.get("html_url", "")]
    return [link for link in links if link]


@pytest.mark.parametrize("path", ["/api/v1/members/?page_size=1", "/api/v1/commitments/?page_size=1"])
def test_a_request_with_another_host_does_not_poison_the_cache(two_hosts, path):
    """The attacker's Host is answered to the attacker only; everyone else gets the portal's links."""
    for _n in range(2):
        CommitmentFactory(action_plan__member=MemberFactory())
    api = APIClient()
    poisoned = _links(api.get(path, HTTP_HOST="attacker.example"))
    assert poisoned and all(link.startswith("http://attacker.example/") for link in poisoned)
    for _attempt in range(2):  # the first answer may be a miss; the second is a hit
        links = _links(api.get(path, HTTP_HOST="portal.example.org"))
        assert len(links) == len(poisoned)
        assert all(link.startswith("http://portal.example.org/") for link in links), links


def test_a_cached_detail_keeps_the_host_of_its_request(two_hosts):
    member = MemberFactory()
    api = APIClient()
    api.get(f"/api/v1/members/{member.pk}/", HTTP_HOST="attacker.example")
    links = _links(api.get(f"/api/v1/members/{member.pk}/", HTTP_HOST="portal.example.org"))
    assert links and all(link.startswith("http://portal.example.org/") for link in links)
