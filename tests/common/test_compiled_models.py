"""Model queries of a detail page's panels, compiled once: the same instances as the ORM's, related objects and
prefetched lists included, in one query and without compiling again; queries that cannot be kept stay the ORM's."""

from datetime import date
from decimal import Decimal

import pytest
from django.db.models import F, Prefetch
from django.db.models.sql.compiler import SQLCompiler
from django.utils import translation

from commitments import selectors
from commitments.models import Commitment, Member, Milestone
from common import compiled_models
from common.compiled_models import CompiledModels
from common.content_translations import translation_save
from common.translations import page_translations
from tests.factories import (
    CommitmentFactory,
    InstitutionFactory,
    MilestoneFactory,
    PolicyAreaFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def _fields(commitment) -> tuple:
    plan = commitment.action_plan
    return (
        commitment.pk, commitment.title, commitment.start_date, commitment.budget, commitment.end_date,
        plan.pk, plan.start_date, plan.member.name, getattr(commitment.lead_institution, "name", None),
    )  # fmt: skip


def _rows(pk):
    return (
        Commitment.objects.filter(pk=pk)
        .select_related("action_plan__member", "lead_institution")
        .annotate(plan_title=F("action_plan__title"))
    )


@pytest.fixture
def commitments():
    made = [
        CommitmentFactory(
            start_date=date(2024, 3, 1), end_date=date(2026, 6, 30), budget=Decimal("1250.50"), budget_currency="EUR"
        ),
        CommitmentFactory(lead_institution=InstitutionFactory()),
        CommitmentFactory(),
        CommitmentFactory(title="Budget ouvert"),
    ]
    return [c.pk for c in made]


def test_instances_are_the_orms_with_their_related_objects_read_in_one_query(
    commitments, django_assert_num_queries, monkeypatch
):
    compiled = CompiledModels(_rows)
    for pk in commitments[:2]:
        compiled(pk)  # through the ORM: the statement is kept at the first (compared with a neighbouring id's)
    assert compiled.compiled is not None

    def not_again(*args, **kwargs):
        raise AssertionError("compiled again")

    monkeypatch.setattr(SQLCompiler, "as_sql", not_again)
    for pk in commitments:
        with django_assert_num_queries(1):
            (got,) = compiled(pk)
            assert _fields(got) and got.plan_title == got.action_plan.title  # related objects read with it
        monkeypatch.undo()
        (expected,) = _rows(pk)
        monkeypatch.setattr(SQLCompiler, "as_sql", not_again)
        assert _fields(got) == _fields(expected)
        assert got._state.adding is False and got._state.db == "default"
    assert compiled(max(commitments) + 100) == []


def test_deferred_fields_and_prefetched_lists_are_those_of_the_orm(commitments, django_assert_num_queries):
    first, second, third = (Commitment.objects.get(pk=pk) for pk in commitments[:3])
    area = PolicyAreaFactory()
    third.policy_areas.add(area)
    MilestoneFactory(commitment=third, description="Publish the data", order=2)
    MilestoneFactory(commitment=third, description="Consult", order=1)

    def build(pk):
        milestones = Milestone.objects.order_by(*Milestone.ORDER)
        return (
            Commitment.objects.filter(pk=pk)
            .only("title", "action_plan_id")
            .prefetch_related("policy_areas", Prefetch("milestones", queryset=milestones))
        )

    compiled = CompiledModels(build)
    compiled(first.pk), compiled(second.pk)
    assert compiled.compiled is not None
    with django_assert_num_queries(3):  # the commitment, then the two lists of the prefetch
        (got,) = compiled(third.pk)
    with django_assert_num_queries(0):
        assert got.title == third.title
        assert [a.pk for a in got.policy_areas.all()] == [area.pk]
        assert [m.description for m in got.milestones.all()] == ["Consult", "Publish the data"]
    assert got.get_deferred_fields() >= {"objective", "budget"}


def test_the_translation_prefetched_follows_the_language_of_each_page(commitments):
    """The lookups of prefetch_related() are built at each call: a French page after English ones reads French."""
    translated = Commitment.objects.get(pk=commitments[2])
    translation_save(translated, language="fr", texts={"title": "Eau potable pour tous"}, translated_by=None)
    compiled = CompiledModels(
        lambda pk: Commitment.objects.filter(pk=pk).prefetch_related(page_translations(Commitment))
    )
    with translation.override("en"):
        compiled(commitments[0]), compiled(commitments[1])
        (english,) = compiled(translated.pk)
    with translation.override("fr"):
        (french,) = compiled(translated.pk)
    assert compiled.compiled is not None
    assert [t.title_translated for t in french.shown_translations] == ["Eau potable pour tous"]
    assert english.shown_translations == []


def test_queries_that_cannot_be_kept_go_through_the_orm(commitments):
    def by_language(pk):
        return Commitment.objects.filter(pk=pk, action_plan__language__in=[translation.get_language()])

    in_a_language = CompiledModels(by_language)
    values = CompiledModels(lambda pk: Commitment.objects.filter(pk=pk).values("title"))
    with translation.override("en"):
        in_a_language(commitments[0])  # a neighbouring id's compiled in French: two parameters differ, not kept
    values(commitments[0]), values(commitments[1])
    assert in_a_language.compiled is None and values.compiled is None
    assert values(commitments[3]) == [{"title": "Budget ouvert"}]


def test_a_query_of_the_day_is_not_kept(commitments, postgres):
    """The day is read when the query is built, never a constant of the code: refused where the driver is given
    dates as they are (PostgreSQL's; SQLite's are written as text first)."""
    on_a_day = CompiledModels(lambda pk: Commitment.objects.filter(pk=pk, created_at__date__lte=date.today()))
    on_a_day(commitments[0]), on_a_day(commitments[1])
    assert on_a_day.compiled is None
    assert [c.pk for c in on_a_day(commitments[3])] == [commitments[3]]


def test_the_commitment_page_shows_each_commitment_and_answers_404_for_an_unknown_one(commitments, client, monkeypatch):
    from partnership import selectors as partnership

    page = CompiledModels(partnership._COMMITMENT_PAGE.build)
    monkeypatch.setattr(partnership, "_COMMITMENT_PAGE", page)
    assert client.get(f"/commitments/{10**20}/").status_code == 404  # out of range: nothing learnt from it
    for pk in commitments:
        response = client.get(f"/commitments/{pk}/")
        assert response.status_code == 200
        assert Commitment.objects.get(pk=pk).title in response.content.decode()
    assert page.compiled is not None
    assert client.get(f"/commitments/{max(commitments) + 100}/").status_code == 404
    assert client.get(f"/commitments/{10**20}/").status_code == 404  # never sent as a bigint parameter


def test_followers_kept_for_visitors_are_never_a_signed_in_users(commitments, client, monkeypatch):
    from common.db import CompiledOnce

    monkeypatch.setattr(selectors, "_FOLLOWERS", CompiledOnce(selectors._FOLLOWERS.query))
    follower = UserFactory()
    followed = Commitment.objects.get(pk=commitments[2])
    followed.follows.create(user=follower)
    anonymous = type("Anonymous", (), {"is_authenticated": False, "pk": None})()
    for pk in commitments:
        counted = selectors.commitment_followers(commitment=Commitment(pk=pk), user=anonymous)
        assert counted == {"count": int(pk == followed.pk), "following": 0}
    assert selectors._FOLLOWERS.compiled["default"] is not None
    assert selectors.commitment_followers(commitment=followed, user=follower) == {"count": 1, "following": 1}
    client.force_login(follower)
    assert "You follow this commitment." in client.get(f"/commitments/{followed.pk}/").content.decode()


def test_the_apis_text_keys_find_the_proposal_and_an_out_of_range_one_answers_404(client, monkeypatch):
    """The API's proposal detail reads its key as text: never sent as a parameter of the kept statement."""
    from consultations import selectors as consultations
    from tests.factories.consultations import ProposalFactory

    page = CompiledModels(consultations._proposal_page)
    monkeypatch.setattr(consultations, "_PROPOSAL_PAGE", page)
    proposals = ProposalFactory.create_batch(3)
    for proposal in proposals[:2]:
        assert client.get(f"/proposals/{proposal.pk}/").status_code == 200
    assert page.compiled is not None
    for proposal in proposals:
        assert client.get(f"/api/v1/proposals/{proposal.pk}/").json()["title"] == proposal.title
    assert client.get(f"/api/v1/proposals/{10**20}/").status_code == 404
    assert [p.pk for p in page(str(proposals[2].pk))] == [proposals[2].pk]  # "5" for 5: through the ORM


def test_one_key_is_enough_and_a_query_of_the_language_is_found_out_at_once(commitments, django_assert_num_queries):
    """A page everyone reads (one address) keeps its statement from its first call: a neighbouring key is compiled
    (not run) in another language to compare with, so a query whose SQL follows the language is never kept."""
    hot = CompiledModels(_rows)
    with django_assert_num_queries(1):
        hot(commitments[0])
    assert hot.compiled not in (None, compiled_models._UNCOMPILED)
    (got,) = hot(commitments[0])
    assert _fields(got) == _fields(_rows(commitments[0])[0])
    by_slug = CompiledModels(lambda slug: Member.objects.filter(slug=slug))
    member = Commitment.objects.select_related("action_plan__member").get(pk=commitments[0]).action_plan.member
    assert by_slug(member.slug)[0].pk == member.pk and by_slug.compiled not in (None, compiled_models._UNCOMPILED)
    assert by_slug(member.slug)[0].pk == member.pk and by_slug("no-such-member") == []
    for language in ("en", "fr"):
        in_a_language = CompiledModels(
            lambda pk: Commitment.objects.filter(pk=pk, action_plan__language__in=[translation.get_language()])
        )
        with translation.override(language):
            in_a_language(commitments[0])
        assert in_a_language.compiled is None, language


def test_keys_without_a_neighbour_wait_for_a_second_call(commitments, settings):
    """An id given as text (its neighbour "5-" is refused by the builder) or a site in one language: nothing kept
    at the first call; the statement is compared with the second call's."""
    as_text = CompiledModels(_rows)
    assert [c.pk for c in as_text(str(commitments[0]))] == [commitments[0]]  # through the ORM, no error
    assert as_text.compiled is compiled_models._UNCOMPILED and as_text.first is not None
    settings.LANGUAGES = [("en", "English")]
    one_language = CompiledModels(_rows)
    one_language(commitments[0])
    assert one_language.compiled is compiled_models._UNCOMPILED
    one_language(commitments[1])
    assert one_language.compiled not in (None, compiled_models._UNCOMPILED)
