"""Challenge areas and SDG targets: reference data in three languages, declarations, tags, the area's page."""

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from cycle.models import ChallengeArea, SDGTarget
from cycle.services import commitment_tag, member_challenge_declare
from tests.factories import ActionPlanFactory, CommitmentFactory, MemberFactory, MilestoneFactory

pytestmark = pytest.mark.django_db


def test_the_reference_data_has_the_areas_and_sdg16_in_three_languages():
    assert ChallengeArea.objects.count() == 10
    assert all(area.name_fr and area.name_es for area in ChallengeArea.objects.all())
    codes = set(SDGTarget.objects.filter(goal=16).values_list("code", flat=True))
    assert {"16.5", "16.6", "16.7", "16.10"} <= codes and len(codes) == 12
    with translation.override("fr"):
        assert ChallengeArea.objects.get(slug="anti-corruption").display_name == "Lutte contre la corruption"
    with translation.override("es"):
        assert SDGTarget.objects.get(code="16.10").display_name.startswith("Garantizar el acceso público")


def _tagged_member(area, name, commitments=2):
    member = MemberFactory(name=name)
    plan = ActionPlanFactory(member=member, implementing=True)
    for index in range(commitments):
        commitment = CommitmentFactory(action_plan=plan, completion="complete" if index == 0 else "limited")
        MilestoneFactory(commitment=commitment, completed=True)
        MilestoneFactory(commitment=commitment)
        commitment_tag(commitment=commitment, areas=[area], sdg_targets=[SDGTarget.objects.get(code="16.5")])
    return member


def test_the_area_page_shows_its_members_and_their_collective_progress(client):
    area = ChallengeArea.objects.get(slug="anti-corruption")
    declared = _tagged_member(area, "Ruritania")
    member_challenge_declare(member=declared, area=area, ambition="Beneficial ownership register by 2027")
    member_challenge_declare(member=MemberFactory(name="Freedonia"), area=area)  # nothing tagged yet
    page = client.get(reverse("cycle:challenge-detail", args=[area.slug])).content.decode()
    assert "Ruritania" in page and "Freedonia" in page and "Beneficial ownership register" in page
    assert "2 commitments tagged, 1 substantially or fully complete (self-reported); 2 of 4 milestones" in page
    listing = client.get(reverse("cycle:challenge-list")).content.decode()
    assert "Anti-Corruption" in listing


def test_the_area_page_costs_the_same_queries_with_more_members(client, django_assert_max_num_queries):
    area = ChallengeArea.objects.get(slug="justice")
    _tagged_member(area, "A")
    url = reverse("cycle:challenge-detail", args=[area.slug])
    client.get(url)
    cache.clear()  # measured uncached (the IRM figures' include is kept per content version)
    with django_assert_max_num_queries(16) as few:
        client.get(url)
    for name in ("B", "C", "D"):
        member = _tagged_member(area, name, commitments=3)
        member_challenge_declare(member=member, area=area)
    cache.clear()
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)


def test_a_point_of_contact_declares_and_tags_for_their_member_only(poc_client, member, other_member):
    area = ChallengeArea.objects.get(slug="digital-governance")
    response = poc_client.post(
        reverse("cycle:challenge-declare", args=[member.slug]), {"area": area.pk, "ambition": "Open algorithms"}
    )
    assert response.status_code == 302 and member.challenges.get().area == area
    assert "Digital Governance" in poc_client.get(member.get_absolute_url()).content.decode()
    commitment = CommitmentFactory(action_plan=ActionPlanFactory(member=member))
    target = SDGTarget.objects.get(code="16.10")
    tag_url = reverse("cycle:commitment-tag", args=[commitment.pk])
    assert poc_client.post(tag_url, {"areas": [area.pk], "sdg_targets": [target.pk]}).status_code == 302
    assert list(commitment.challenge_areas.all()) == [area] and list(commitment.sdg_targets.all()) == [target]
    page = poc_client.get(commitment.get_absolute_url()).content.decode()
    assert "Digital Governance" in page and "16.10" in page and tag_url in page
    assert poc_client.get(reverse("cycle:challenge-declare", args=[other_member.slug])).status_code == 403
    poc_client.logout()
    public = poc_client.get(commitment.get_absolute_url()).content.decode()
    assert "Digital Governance" in public and tag_url not in public


def test_each_area_page_shows_its_own_members_through_the_statements_kept_once():
    """The area's counts, declarations and commitments are statements kept per process, keyed by the area."""
    from cycle import selectors

    areas = list(ChallengeArea.objects.order_by("order")[:3])
    members = [
        _tagged_member(area, f"Member of {area.slug}", commitments=index + 1) for index, area in enumerate(areas)
    ]
    member_challenge_declare(member=members[2], area=areas[0], ambition="Also this one")
    seen = {}
    for area in areas:
        rows = selectors.challenge_area_members(area=area)
        seen[area.slug] = [
            (row["member"].name, row["commitments"], row["milestones"], bool(row["declaration"])) for row in rows
        ]
        assert {c.action_plan.member.name for c in selectors.challenge_area_commitments(area=area)} == {
            name for name, count, _milestones, _declared in seen[area.slug] if count
        }
    first, second, third = (area.slug for area in areas)
    assert seen == {
        first: [(f"Member of {first}", 1, 2, False), (f"Member of {third}", 0, 0, True)],
        second: [(f"Member of {second}", 2, 4, False)],
        third: [(f"Member of {third}", 3, 6, False)],
    }
    assert all(query.compiled[1] for query in (selectors._AREA_COMMITMENT_COUNTS, selectors._AREA_MILESTONE_COUNTS))
    assert all(
        isinstance(query.compiled, tuple) for query in (selectors._AREA_DECLARATIONS, selectors._AREA_COMMITMENTS)
    )
