"""The IRM's figures of the commitments tagged with a challenge area: the breakdown, and each area's page."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cycle.models import ChallengeArea
from tests.factories import ActionPlanFactory, CommitmentFactory, MemberFactory
from tests.factories.analytics import assess

pytestmark = pytest.mark.django_db


def tagged(member, area, *, completions=("complete", "limited")):
    """One assessed commitment of `member` per completion, tagged with `area`."""
    plan = ActionPlanFactory(member=member)
    for completion in completions:
        commitment = CommitmentFactory(action_plan=plan)
        commitment.challenge_areas.add(area)
        assess(commitment, completion=completion, potential_impact="transformative", diog_overall="major")


def test_the_breakdown_by_challenge_area_counts_the_tagged_commitments(client):
    justice, climate = ChallengeArea.objects.get(slug="justice"), ChallengeArea.objects.get(slug="anti-corruption")
    tagged(MemberFactory(), justice)
    tagged(MemberFactory(), climate, completions=("substantial",))
    assess(completion="complete")  # not tagged: in no area
    rows = client.get("/api/v1/analytics/?by=challenge_area", HTTP_ACCEPT_LANGUAGE="fr").json()
    assert [(r["group"], r["label"], r["commitments"], r["completed"]) for r in rows] == [
        ("justice", "Justice", 2, 1),
        ("anti-corruption", "Lutte contre la corruption", 1, 1),
    ]
    page = client.get("/analytics/?by=challenge_area").content.decode()
    assert "Share completed, by challenge area" in page and '<th scope="row">Anti-Corruption</th>' in page
    csv = client.get("/analytics/figures.csv?by=challenge_area").content.decode()
    assert "justice,Justice,2,2,1,2,2," in csv


def _page_queries(client, url) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len([q for q in captured if q["sql"].startswith(("SELECT", "EXECUTE"))])  # EXECUTE: prepared


def test_the_area_page_shows_its_members_irm_figures_in_constant_queries(client):
    area = ChallengeArea.objects.get(slug="justice")
    url = reverse("cycle:challenge-detail", args=[area.slug])
    assert "No commitment tagged with this area has a published IRM assessment yet." in client.get(url).content.decode()
    tagged(MemberFactory(name="Ruritania"), area)
    assess(completion="limited")  # another member's, untagged: the partnership's only
    few = _page_queries(client, url)
    page = client.get(url).content.decode()
    assert "Tagged commitments with a published IRM assessment, by member" in page
    assert '<th scope="row">Ruritania</th>' in page and '<th scope="row">All members</th>' in page
    assert "(1 of 2)" in page and "(1 of 3)" in page  # completed: the area's, the partnership's
    for name in ("B", "C", "D"):
        tagged(MemberFactory(name=name), area, completions=("complete", "complete", "limited"))
    assert _page_queries(client, url) == few
    with CaptureQueriesContext(connection) as cached:
        client.get(url)
    assert len(cached) < few  # the figures come from the cache until the content changes


def test_an_areas_figures_written_once_give_what_the_orm_gives_for_every_area(django_assert_num_queries):
    """The area's counts send the SQL the ORM wrote for the first two areas, with the area changed
    (analytics.selectors.figures_total): the ORM's figures for each area, one query each."""
    from analytics import selectors

    areas = list(ChallengeArea.objects.order_by("pk")[:3])
    tagged(MemberFactory(name="Ruritania"), areas[0])
    tagged(MemberFactory(name="Freedonia"), areas[1], completions=("complete", "complete", "not_reviewed"))
    assess(completion="limited")  # untagged
    for area in [*areas, *areas]:
        with django_assert_num_queries(1):
            fast = selectors.figures_total(challenge_area=area)
        assert fast == selectors.assessed_commitments(challenge_area=area).aggregate(**selectors._counts())
    assert [selectors.figures_total(challenge_area=a)["completed"] for a in areas] == [1, 2, 0]
    assert selectors._CHALLENGE_TOTAL.compiled["default"] is not None
