"""The cycle's API: the calendar's steps, the compliance findings (support unit only), the challenge areas."""

import json
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cycle.models import ChallengeArea, CycleStep, SDGTarget
from cycle.services import commitment_tag, member_challenge_declare
from tests.factories import CommitmentFactory, MemberFactory, UserFactory
from tests.factories.cycle import ComplianceFindingFactory, CycleStepFactory

pytestmark = pytest.mark.django_db


def _queries(client, address: str) -> tuple[int, dict]:
    from django.core.cache import cache

    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(address)
    assert response.status_code == 200, response.content
    return len([q for q in captured if q["sql"].startswith(("SELECT", "EXECUTE"))]), response.json()


def test_the_steps_of_a_member_and_a_quarter(client):
    ruritania = MemberFactory(name="Ruritania", slug="ruritania")
    CycleStepFactory(member=ruritania, plan_number=3, due_on=date(2026, 11, 30), rule="2-year cycle")
    CycleStepFactory(member=ruritania, plan_number=3, kind=CycleStep.Kind.MID_TERM, due_on=date(2027, 12, 1))
    CycleStepFactory(due_on=date(2026, 10, 15))
    body = client.get(f"/api/v1/cycle-steps/?member={ruritania.pk}&quarter=2026-Q4").json()
    (step,) = body["results"]
    assert step["member"]["slug"] == "ruritania" and step["kind"] == "plan_due"
    assert (step["due_on"], step["plan_number"], step["kind_label"], step["rule"]) == (
        "2026-11-30",
        3,
        "Action plan due",
        "2-year cycle",
    )
    dates = [s["due_on"] for s in client.get("/api/v1/cycle-steps/?quarter=2026-Q4").json()["results"]]
    assert dates == ["2026-10-15", "2026-11-30"]  # in date order
    french = client.get(f"/api/v1/cycle-steps/?member={ruritania.pk}&kind=mid_term", HTTP_ACCEPT_LANGUAGE="fr")
    assert [s["due_on"] for s in french.json()["results"]] == ["2027-12-01"]


def test_bad_filters_are_invalid_input(client):
    response = client.get("/api/v1/cycle-steps/?quarter=2026-Q5")
    assert response.status_code == 400 and "quarter" in response.json()["errors"]
    assert client.get("/api/v1/cycle-steps/?quarter=1850-Q1").status_code == 400
    assert client.get("/api/v1/cycle-steps/?member=999999").status_code == 400


def test_compliance_findings_are_for_the_support_unit_only(client, staff_user):
    finding = ComplianceFindingFactory(member__name="Ruritania")
    ComplianceFindingFactory(decision="no_action", decision_reason="Met in January.")
    assert client.get("/api/v1/compliance-findings/").status_code == 401
    client.force_login(UserFactory())
    assert client.get("/api/v1/compliance-findings/").status_code == 403
    assert client.get(f"/api/v1/compliance-findings/{finding.pk}/").status_code == 403
    client.force_login(staff_user)
    rows = client.get("/api/v1/compliance-findings/?state=open").json()["results"]
    assert [row["id"] for row in rows] == [finding.pk]
    assert rows[0]["kind_label"] == "Forum has not met for six months"
    assert rows[0]["evidence"]["forum"] == "Forum of Ruritania" and "Ruritania" in rows[0]["evidence_text"]
    assert rows[0]["html_url"].endswith(f"/compliance/{finding.pk}/")
    assert len(client.get("/api/v1/compliance-findings/").json()["results"]) == 2
    decided = client.get("/api/v1/compliance-findings/?state=decided").json()["results"]
    assert [(r["decision"], r["decision_reason"]) for r in decided] == [("no_action", "Met in January.")]


def test_challenge_areas_with_their_declarations_and_sdg_targets(client):
    area = ChallengeArea.objects.get(slug="anti-corruption")
    member = MemberFactory(name="Ruritania")
    member_challenge_declare(member=member, area=area, ambition="A beneficial ownership register")
    for _index in range(2):
        commitment_tag(
            commitment=CommitmentFactory(action_plan__member=member),
            areas=[area],
            sdg_targets=list(SDGTarget.objects.filter(code__in=("16.5", "16.6"))),
        )
    body = client.get("/api/v1/challenge-areas/anti-corruption/").json()
    assert (body["name"], body["name_fr"], body["member_count"], body["commitment_count"]) == (
        "Anti-Corruption",
        "Lutte contre la corruption",
        1,
        2,
    )
    assert [(d["member"]["name"], d["ambition"]) for d in body["declarations"]] == [
        ("Ruritania", "A beneficial ownership register")
    ]
    assert [(t["code"], t["commitments"]) for t in body["sdg_targets"]] == [("16.5", 2), ("16.6", 2)]
    assert body["sdg_targets"][0]["name_es"]
    listing = client.get("/api/v1/challenge-areas/").json()
    assert listing["count"] == 10
    assert listing["results"][0]["url"].endswith("/api/v1/challenge-areas/access-to-information/")
    targets = client.get("/api/v1/sdg-targets/").json()["results"]
    assert len(targets) == 12 and all(t["name_fr"] and t["name_es"] for t in targets)
    assert client.get("/api/v1/sdg-targets/16.10/", HTTP_ACCEPT_LANGUAGE="es").json()["goal"] == 16


def _reference_items(address: str) -> list[dict]:
    """The list's items as ChallengeAreaSerializer writes them from model instances (the contract)."""
    from rest_framework.renderers import JSONRenderer
    from rest_framework.request import Request
    from rest_framework.test import APIRequestFactory

    from cycle.api.serializers import ChallengeAreaSerializer
    from cycle.api.views import ChallengeAreaViewSet

    view = ChallengeAreaViewSet(request=Request(APIRequestFactory().get(address)), format_kwarg=None, action="list")
    data = ChallengeAreaSerializer(view.get_queryset(), many=True, context=view.get_serializer_context()).data
    return json.loads(JSONRenderer().render(data))


def test_the_list_from_rows_is_the_serializers_json(client):
    """Declarations (in the members' order, with a country), SDG targets per area, areas without either; pages."""
    areas = list(ChallengeArea.objects.order_by("order"))
    for index, name in enumerate(["Zembla", "Arcadia <&>", "Ruritania"]):
        member = MemberFactory(name=name, country="KE" if index else "")
        member_challenge_declare(member=member, area=areas[index % 2], ambition=f"Ambition {index} & <more>")
        targets = list(SDGTarget.objects.order_by("-code")[index : index + 2])
        commitment_tag(commitment=CommitmentFactory(action_plan__member=member), areas=areas[:2], sdg_targets=targets)
    listing = client.get("/api/v1/challenge-areas/?page_size=100").json()
    reference = _reference_items("/api/v1/challenge-areas/?page_size=100")
    assert listing["results"] == reference and listing["count"] == len(areas)
    assert [list(item) for item in listing["results"]] == [list(item) for item in reference]  # the keys' order
    assert [d["member"]["name"] for d in listing["results"][0]["declarations"]] == ["Ruritania", "Zembla"]
    assert len(listing["results"][1]["sdg_targets"]) == 4
    second = client.get("/api/v1/challenge-areas/?page_size=3&page=2").json()
    assert [item["slug"] for item in second["results"]] == [area.slug for area in areas[3:6]]
    assert second["results"] == reference[3:6] and second["previous"] and second["next"]
    # With a format suffix, the links keep it (as the serializer writes them).
    suffixed = client.get("/api/v1/challenge-areas.json?page_size=100").json()["results"]
    assert suffixed[0]["url"].endswith("/api/v1/challenge-areas/access-to-information.json")


def _more(index: int) -> None:
    member = MemberFactory()
    for number in range(3):
        CycleStepFactory(member=member, plan_number=number + 1, due_on=date(2026, 10, 1 + number))
    ComplianceFindingFactory(member=member)
    area = ChallengeArea.objects.order_by("order")[index % 3]
    member_challenge_declare(member=member, area=area)
    commitment = CommitmentFactory(action_plan__member=member)
    commitment_tag(commitment=commitment, areas=[area], sdg_targets=list(SDGTarget.objects.all()[: index + 1]))


LISTS = (
    "/api/v1/cycle-steps/?quarter=2026-Q4",
    "/api/v1/compliance-findings/",
    "/api/v1/challenge-areas/",
    "/api/v1/sdg-targets/",
)


def test_the_lists_answer_in_constant_queries(client, staff_user):
    client.force_login(staff_user)
    _more(0)
    few = {address: _queries(client, address)[0] for address in LISTS}
    for index in range(1, 5):
        _more(index)
    many = {address: _queries(client, address)[0] for address in LISTS}
    assert many == few, (few, many)
