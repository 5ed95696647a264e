"""The lists' search box takes up to 200 characters; a longer text is refused with a message, not a crash."""

import pytest
from django.urls import reverse

from tests.factories import CommitmentFactory

pytestmark = pytest.mark.django_db

TOO_LONG = "budget " * 40  # 280 characters


@pytest.mark.parametrize(
    "url_name", ["commitments:member-list", "commitments:commitment-list", "consultations:proposal-list"]
)
def test_an_overlong_search_is_refused_with_a_message_and_the_list_still_shows(client, url_name):
    CommitmentFactory(title="Participatory budget for schools")
    response = client.get(reverse(url_name), {"search": TOO_LONG})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Ensure this value has at most 200 characters" in page and 'maxlength="200"' in page


def test_the_api_answers_400_to_an_overlong_search(client):
    response = client.get("/api/v1/proposals/", {"search": TOO_LONG})
    assert response.status_code == 400 and "search" in response.json()["errors"]


def test_a_normal_search_still_filters_the_list(client):
    CommitmentFactory(title="Participatory budget for schools")
    # Written out: the factory's random English words may say "budget" (about one objective in twenty).
    CommitmentFactory(title="Open contracting", objective="Publish every contract.")
    page = client.get(reverse("commitments:commitment-list"), {"search": "budget"}).content.decode()
    assert "Participatory budget for schools" in page and "Open contracting" not in page
