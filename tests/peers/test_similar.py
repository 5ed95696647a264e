"""Similar commitments elsewhere: computed in the database, stored, shown on the commitment page and in the API."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.test import APIClient

from commitments.models import Commitment
from irm_reports.importing import OGP_SAMPLE, import_ogp_data
from peers import services, similarity
from peers.models import SimilarCommitment
from tests.factories import MemberFactory, PolicyAreaFactory
from tests.peers.conftest import commitment_of

pytestmark = pytest.mark.django_db


def _refresh_all():
    while services.similar_refresh_stale()["more"]:
        pass


def test_on_imported_ogp_data_the_panel_lists_other_members_commitments_of_the_same_area(client):
    summary = import_ogp_data(OGP_SAMPLE)
    assert summary.ok
    _refresh_all()
    with_similar = (
        Commitment.objects.filter(similar_rows__isnull=False).distinct().select_related("action_plan").order_by("pk")
    )
    assert with_similar.count() > 100  # most of the 269 imported commitments have neighbours
    for commitment in with_similar[:30]:
        areas = set(commitment.policy_areas.values_list("pk", flat=True))
        for row in SimilarCommitment.objects.filter(commitment=commitment).select_related("similar__action_plan"):
            assert row.similar.action_plan.member_id != commitment.action_plan.member_id
            assert areas & set(row.similar.policy_areas.values_list("pk", flat=True))
    commitment = with_similar.first()
    rows = list(SimilarCommitment.objects.filter(commitment=commitment).order_by("rank"))
    assert [r.score for r in rows] == sorted((r.score for r in rows), reverse=True)
    page = client.get(commitment.get_absolute_url()).content.decode()
    assert "Similar commitments elsewhere" in page
    for row in rows:
        assert row.similar.get_absolute_url() in page
        assert row.similar.action_plan.member.get_absolute_url() in page
    data = APIClient().get(reverse("api:commitment-detail", args=[commitment.pk])).json()
    assert data["similar"] == [r.similar_id for r in rows]


def test_close_titles_of_other_members_come_first_and_own_member_never(madrid, paris, area):
    other_area = PolicyAreaFactory(slug="elsewhere-area", name="Elsewhere")
    mine = commitment_of(madrid, "Publish all public procurement contracts as open data", area)
    own_member = commitment_of(madrid, "Publish all public procurement contracts as open data", area)
    close = commitment_of(paris, "Publish public procurement contracts in open data format", area)
    far = commitment_of(MemberFactory(), "Procurement portal for municipal tenders", area)
    unrelated_area = commitment_of(paris, "Publish all public procurement contracts as open data", other_area)
    found = services.similar_refresh(commitment_id=mine.pk)
    ids = [pk for pk, _score in found]
    assert ids[0] == close.pk
    assert own_member.pk not in ids and unrelated_area.pk not in ids and mine.pk not in ids
    assert far.pk in ids or len(ids) == 1  # below the minimum score it is left out


def test_words_fallback_ranks_by_shared_title_words(madrid, paris, area):
    """The embedded database's way (same policy area, shared words), run here through the ORM."""
    mine = commitment_of(madrid, "Open budget data for citizens", area)
    two = commitment_of(paris, "Citizens budget published yearly", area)
    one = commitment_of(paris, "Budget hearings in parliament", area)
    commitment_of(paris, "Water quality monitoring", area)
    source = similarity.source_of(mine.pk)
    assert [pk for pk, _ in similarity._nearest_words(source, 5)] == [two.pk, one.pk]


def test_a_saved_commitment_is_refreshed_after_commit(madrid, paris, area, django_capture_on_commit_callbacks):
    mine = commitment_of(madrid, "Beneficial ownership register", area)
    other = commitment_of(paris, "Public beneficial ownership register of companies", area)
    with django_capture_on_commit_callbacks(execute=True):
        mine.title = "A public register of beneficial ownership"
        mine.save()
    assert list(SimilarCommitment.objects.filter(commitment=mine).values_list("similar_id", flat=True)) == [other.pk]
    # The run refreshes every stale commitment: the other one, never computed, lists this one too.
    assert list(SimilarCommitment.objects.filter(commitment=other).values_list("similar_id", flat=True)) == [mine.pk]
    assert services.stale_commitments(limit=10) == []


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_the_panel_and_the_api_detail_cost_the_same_queries_with_1_or_5_similar(client, madrid, area):
    mine = commitment_of(madrid, "Open contracting data standard for all tenders", area)
    commitment_of(MemberFactory(), "Open contracting data standard adoption", area)
    services.similar_refresh(commitment_id=mine.pk)
    api = APIClient()
    detail = reverse("api:commitment-detail", args=[mine.pk])
    small = (_count(client, mine.get_absolute_url()), _count(api, detail))
    for i in range(6):
        commitment_of(MemberFactory(), f"Open contracting data standard, phase {i}", area)
    services.similar_refresh(commitment_id=mine.pk)
    assert SimilarCommitment.objects.filter(commitment=mine).count() == similarity.LIMIT
    assert (_count(client, mine.get_absolute_url()), _count(api, detail)) == small


def test_a_commitment_tagged_after_its_save_is_refreshed_with_its_new_area(madrid, paris, area):
    """Policy areas are added after the commitment's save (forms, the demo, the import): its list follows them."""
    other = commitment_of(paris, "Open contracting portal for public works", area)
    mine = commitment_of(madrid, "Open contracting portal for roads", PolicyAreaFactory(slug="elsewhere"))
    _refresh_all()
    assert not SimilarCommitment.objects.filter(commitment=mine).exists()
    mine.policy_areas.add(area)
    assert mine.pk in services.stale_commitments(limit=10)
    _refresh_all()
    assert list(SimilarCommitment.objects.filter(commitment=mine).values_list("similar_id", flat=True)) == [other.pk]


def _listed(commitment) -> list[int]:
    return list(SimilarCommitment.objects.filter(commitment=commitment).values_list("similar_id", flat=True))


def test_a_new_title_refreshes_the_lists_it_leaves_and_those_it_enters(madrid, paris, area):
    """Neither Paris nor Rome is saved: their lists follow Madrid's new title through the task's next run."""
    mine = commitment_of(madrid, "Beneficial ownership register of companies", area)
    register = commitment_of(paris, "Public beneficial ownership register", area)
    water = commitment_of(MemberFactory(), "Water quality monitoring stations", area)
    _refresh_all()
    assert mine.pk in _listed(register) and mine.pk not in _listed(water)
    mine.title = "Water quality monitoring of rivers"
    mine.save()
    first = services.similar_refresh_stale()
    assert first["more"]  # neighbours were marked: the task queues its next run
    _refresh_all()
    assert mine.pk not in _listed(register) and _listed(water)[0] == mine.pk
    assert services.stale_commitments(limit=10) == []


def test_a_save_that_changes_neither_title_nor_areas_leaves_the_neighbours_alone(madrid, paris, area):
    mine = commitment_of(madrid, "Beneficial ownership register of companies", area)
    register = commitment_of(paris, "Public beneficial ownership register", area)
    _refresh_all()
    computed = register.similarity_mark.computed_at
    mine.objective = "Another objective"
    mine.save()
    assert services.similar_refresh_stale() == {"refreshed": 1, "more": False}
    register.similarity_mark.refresh_from_db()
    assert register.similarity_mark.computed_at == computed


def test_neighbours_refreshed_after_a_change_are_bounded(monkeypatch, madrid, area):
    """A commitment listed by many: at most NEIGHBOURS_MAX of their lists are marked, the closest first."""
    mine = commitment_of(madrid, "Open contracting data for tenders", area)
    others = [commitment_of(MemberFactory(), f"Open contracting data for tenders {i}", area) for i in range(4)]
    _refresh_all()
    monkeypatch.setattr(services, "NEIGHBOURS_MAX", 2)
    area_two = PolicyAreaFactory(slug="second-area", name="Second")
    mine.policy_areas.add(area_two)  # a change of areas counts like a change of title
    assert services.stale_commitments(limit=10) == [mine.pk]
    services.similar_refresh_stale()
    assert len(services.stale_commitments(limit=10)) == 2
    assert set(services.stale_commitments(limit=10)) <= {o.pk for o in others}


@pytest.mark.parametrize("language", ["en", "fr", "es"])
@pytest.mark.parametrize("signed_in", [False, True], ids=["visitor", "point of contact"])
def test_the_panel_reads_only_what_it_shows_and_shows_the_same(
    rf, madrid, paris, area, madrid_poc, language, signed_in
):
    """The panel's rows read a few columns (`peers.selectors.similar_of`); it shows what every column would:
    each member's name in the page's language, the IRM's ratings of each similar commitment, the exchange links."""
    from django.contrib.auth.models import AnonymousUser
    from django.db.models import Prefetch
    from django.template.loader import render_to_string
    from django.utils import translation

    from irm_reports.models import CommitmentAssessment
    from peers.templatetags.peers_tags import peers_similar_panel
    from tests.factories.irm_reports import CommitmentAssessmentFactory, ReportFactory

    paris.name_fr, paris.name_es = "Paris (ville)", "París"
    paris.save()
    mine = commitment_of(madrid, "Open contracting data standard for all tenders", area)
    rated = commitment_of(paris, "Open contracting data standard adoption", area)
    commitment_of(MemberFactory(name="Tbilisi"), "Open contracting data standard, phase two", area)
    CommitmentAssessmentFactory(
        report=ReportFactory(action_plan=rated.action_plan), commitment=rated, is_latest=True, starred=True,
        completion="substantial", potential_impact="moderate",
    )  # fmt: skip
    services.similar_refresh(commitment_id=mine.pk)
    request = rf.get(mine.get_absolute_url())
    request.user = madrid_poc if signed_in else AnonymousUser()
    with translation.override(language):
        fast = render_to_string("peers/includes/_similar_panel.html", peers_similar_panel({"request": request}, mine))
        latest = CommitmentAssessment.objects.filter(is_latest=True)
        reference_rows = list(
            SimilarCommitment.objects.filter(commitment=mine)
            .select_related("similar__action_plan__member")
            .prefetch_related(Prefetch("similar__irm_assessments", queryset=latest, to_attr="latest_assessments"))
            .order_by("rank")
        )
        context = peers_similar_panel({"request": request}, mine)
        context["rows"] = reference_rows
        for row in reference_rows:
            row.assessment = row.similar.latest_assessments[0] if row.similar.latest_assessments else None
            row.can_ask = signed_in
        reference = render_to_string("peers/includes/_similar_panel.html", context)
    assert fast == reference
    assert {"en": "Paris", "fr": "Paris (ville)", "es": "París"}[language] in fast and "Tbilisi" in fast
    assert fast.count("<tr>") == 3  # the header and two similar commitments
    assert fast.count(f"/commitments/{rated.pk}/exchange/") == (1 if signed_in else 0)
