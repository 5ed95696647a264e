"""One instance's prefetch_related() lookups kept as statements per language (common.compiled_prefetches): the
objects the ORM would store, where it would store them, without compiling the lookups again; lookups that
cannot be kept stay the ORM's."""

import itertools

import pytest
from django.db import connection
from django.db.models import Prefetch
from django.db.models.sql.compiler import SQLCompiler
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from commitments.models import Commitment, Milestone, PolicyArea, ProgressUpdate
from common.compiled_models import CompiledModels
from common.content_translations import translation_save
from common.translations import page_translations
from consultations.models import Proposal
from tests.factories import (
    ActionPlanFactory,
    CommitmentFactory,
    InstitutionContactFactory,
    InstitutionFactory,
    MilestoneFactory,
    OrganisationFactory,
    PolicyAreaFactory,
    ProgressUpdateFactory,
    UserFactory,
)
from tests.factories.consultations import ProposalFactory, ResponseFactory

pytestmark = pytest.mark.django_db


def _page(pk):
    milestones = Milestone.objects.order_by(*Milestone.ORDER).prefetch_related(page_translations(Milestone))
    return (
        Commitment.objects.filter(pk=pk)
        .prefetch_related(
            "policy_areas",
            "supporting_organisations",
            Prefetch("milestones", queryset=milestones),
            Prefetch("progress_updates", queryset=ProgressUpdate.objects.select_related("author")),
            page_translations(Commitment),
        )
        .order_by()
    )


def _shown(commitment) -> dict:
    """What a page reads of the prefetched lists."""
    return {
        "areas": [a.name for a in commitment.policy_areas.all()],
        "organisations": [o.name for o in commitment.supporting_organisations.all()],
        "milestones": [
            (m.description, [t.description_translated for t in m.shown_translations])
            for m in commitment.milestones.all()
        ],
        "updates": [(u.text, u.author.email) for u in commitment.progress_updates.all()],
        "translations": [t.title_translated for t in commitment.shown_translations],
    }


@pytest.fixture
def commitments():
    return made_commitments()


def made_commitments() -> list:
    """Four commitments; the last with policy areas, an organisation, two milestones, an update, French texts."""
    made = [CommitmentFactory() for _ in range(4)]
    last = made[-1]
    last.policy_areas.add(PolicyAreaFactory(name="Water"), PolicyAreaFactory(name="Budget"))
    last.supporting_organisations.add(OrganisationFactory(name="Open Data Hub"))
    consult = MilestoneFactory(commitment=last, description="Consult", order=1)
    MilestoneFactory(commitment=last, description="Publish the data", order=2)
    MilestoneFactory(commitment=made[0], description="Another commitment's", order=1)
    ProgressUpdateFactory(commitment=last, text="Half done", author=UserFactory(email="reporter@example.org"))
    translation_save(last, language="fr", texts={"title": "Eau potable pour tous"}, translated_by=None)
    translation_save(consult, language="fr", texts={"description": "Consulter"}, translated_by=None)
    return made


def _warm(compiled, pks, language) -> None:
    """Calls enough for the instance's statement, then its lookups', to be kept in this language."""
    with translation.override(language):
        for pk in pks:
            compiled(pk)


def _compiling(monkeypatch) -> list:
    """The models whose queries the ORM compiles from now on."""
    compiled = []
    as_sql = SQLCompiler.as_sql

    def noted(self, *args, **kwargs):
        compiled.append(self.query.model)
        return as_sql(self, *args, **kwargs)

    monkeypatch.setattr(SQLCompiler, "as_sql", noted)
    return compiled


def test_an_instances_lookups_are_kept_and_store_what_the_orm_stores(
    commitments, monkeypatch, django_assert_num_queries
):
    compiled = CompiledModels(_page)
    _warm(compiled, [c.pk for c in commitments[:3]], "fr")
    target = commitments[-1]
    with translation.override("fr"):
        expected = _shown(_page(target.pk).get())
        compiling = _compiling(monkeypatch)
        with django_assert_num_queries(7):  # as many as through the ORM
            compiled(target.pk)
        # The milestones' translations, nested in a lookup's queryset: a statement written once per number of them
        # (in this process: maybe by an earlier test), then never again.
        assert set(compiling) <= {Milestone.translations.rel.related_model}
        compiling.clear()
        with django_assert_num_queries(7):
            (got,) = compiled(target.pk)
        assert compiling == []
        with django_assert_num_queries(0):
            assert _shown(got) == expected
            assert all(m.commitment is got for m in got.milestones.all())  # each milestone's commitment set
    assert expected["areas"] == ["Budget", "Water"] and expected["translations"] == ["Eau potable pour tous"]
    assert expected["milestones"] == [("Consult", ["Consulter"]), ("Publish the data", [])]
    # The managers' cached querysets are still their relation's: a filter reads this commitment's rows only.
    assert [m.description for m in got.milestones.filter(order=2)] == ["Publish the data"]
    assert list(got.policy_areas.filter(name="Water").values_list("name", flat=True)) == ["Water"]


def test_statements_are_kept_per_language_and_read_the_pages_language(commitments):
    compiled = CompiledModels(_page)
    pks = [c.pk for c in commitments[:3]]
    _warm(compiled, pks, "en")
    _warm(compiled, pks, "fr")
    target = commitments[-1].pk
    with translation.override("en"):
        (english,) = compiled(target)
    with translation.override("fr"):
        (french,) = compiled(target)
    with translation.override("es"):  # not seen yet: recorded through the ORM
        (spanish,) = compiled(target)
    assert {language for _place, language in compiled.prefetches.state} == {"en", "fr", "es"}
    assert _shown(english)["translations"] == [] and _shown(spanish)["translations"] == []
    assert _shown(french)["translations"] == ["Eau potable pour tous"]
    assert _shown(french)["milestones"][0] == ("Consult", ["Consulter"])


def test_a_reverse_many_to_many_relation_is_kept_under_its_own_name(django_assert_num_queries):
    area, other = PolicyAreaFactory(), PolicyAreaFactory()
    for commitment in (CommitmentFactory(title="Open budgets"), CommitmentFactory(title="Open contracts")):
        commitment.policy_areas.add(area)
    CommitmentFactory(title="Elsewhere").policy_areas.add(other)
    spare = [PolicyAreaFactory().pk for _ in range(3)]
    compiled = CompiledModels(
        lambda pk: PolicyArea.objects.filter(pk=pk).prefetch_related(
            Prefetch("commitments", queryset=Commitment.objects.order_by("-title"))
        )
    )
    _warm(compiled, spare, "en")
    assert compiled.prefetches.kept() == {("commitments", "en")}
    with translation.override("en"):
        (got,) = compiled(area.pk)
    with django_assert_num_queries(0):  # stored where the area's manager reads it
        assert [c.title for c in got.commitments.all()] == ["Open contracts", "Open budgets"]


def test_lookups_that_cannot_be_kept_stay_the_orms(commitments):
    calls = itertools.count()

    def build(pk):  # a parameter of its own at each call: never the same statement twice
        return Commitment.objects.filter(pk=pk).prefetch_related(
            Prefetch("milestones", queryset=Milestone.objects.exclude(order=1000 + next(calls)), to_attr="listed"),
            "action_plan",  # a foreign key: read by the plan's id, not the instance's
            "action_plan__member",  # through another relation
            Prefetch("progress_updates", queryset=ProgressUpdate.objects.none()),  # no statement at all
            "policy_areas",
            "policy_areas",  # named twice: the ORM skips the second
        )

    compiled = CompiledModels(build)
    _warm(compiled, [c.pk for c in commitments[1:]], "en")
    assert compiled.prefetches.kept() == {("policy_areas", "en")}
    assert set(compiled.prefetches.state) == {("listed", "en"), ("progress_updates", "en"), ("policy_areas", "en")}
    with translation.override("en"):
        (got,) = compiled(commitments[0].pk)
    assert [m.description for m in got.listed] == ["Another commitment's"]
    assert got.action_plan.member.name == commitments[0].action_plan.member.name
    assert list(got.progress_updates.all()) == []


def test_querysets_chained_from_a_recorded_lookup_are_built_as_any_other(commitments):
    """The first calls run the ORM with a queryset that notes its statement: what a page chains from the
    manager's cached queryset afterwards (an ordering, an empty queryset) is an ordinary query."""
    compiled = CompiledModels(_page)
    target = commitments[-1]
    with translation.override("en"):
        compiled(commitments[0].pk)  # the instance's statement kept
        (recorded,) = compiled(target.pk)  # its lookups noted
    assert [m.description for m in recorded.milestones.order_by("-order")] == ["Publish the data", "Consult"]
    assert list(recorded.policy_areas.none()) == []
    assert recorded.milestones.all()._iterable_class.__name__ == "ModelIterable"


def test_lookups_of_an_object_read_with_the_instance_are_kept_by_that_objects_id(django_assert_num_queries):
    """A lookup through the commitment's plan (read by select_related()) is keyed by the plan; through a lead
    institution the commitment lacks, or a member not read, it stays the ORM's."""
    plans = [CommitmentFactory(title=f"{n} first").action_plan for n in range(4)]
    for n, plan in enumerate(plans):
        CommitmentFactory(action_plan=plan, title=f"{n} second")
    led = CommitmentFactory(action_plan=plans[3], title="3 led", lead_institution=InstitutionFactory())
    contact = InstitutionContactFactory(institution=led.lead_institution)

    def build(pk):
        return (
            Commitment.objects.filter(pk=pk)
            .select_related("action_plan", "lead_institution")
            .prefetch_related(
                Prefetch("action_plan__commitments", queryset=Commitment.objects.order_by("-title"), to_attr="listed"),
                "lead_institution__contacts",
                "action_plan__member__local_members",  # the member not read with the commitment
            )
        )

    compiled = CompiledModels(build)
    _warm(compiled, [plan.commitments.order_by("title").first().pk for plan in plans[:3]], "en")
    assert compiled.prefetches.kept() == {("action_plan__listed", "en")}
    with translation.override("en"):
        (got,) = compiled(led.pk)  # a lead institution: its contacts are noted
    with django_assert_num_queries(0):
        assert [c.title for c in got.action_plan.listed] == ["3 second", "3 led", "3 first"]
        assert [c.user_id for c in got.lead_institution.contacts.all()] == [contact.user_id]
        assert list(got.action_plan.member.local_members.all()) == []  # fetched by the ORM


def test_a_lookup_through_a_one_to_one_the_instance_may_lack(django_assert_num_queries):
    """A proposal's response (a reverse one-to-one, read with it) and the commitments it names: kept by the
    response's id; a proposal without a response has none to read."""
    answered = [ResponseFactory() for _ in range(3)]
    for response in answered:
        response.commitments.add(CommitmentFactory(title=f"Named by {response.pk}"))
    unanswered = ProposalFactory()
    compiled = CompiledModels(
        lambda pk: Proposal.objects.filter(pk=pk).select_related("response").prefetch_related("response__commitments")
    )
    with translation.override("en"):
        compiled(answered[0].proposal_id)  # the proposal's statement kept
        compiled(answered[1].proposal_id)  # the response's lookup noted, and a stand-in's compiled
        assert compiled.prefetches.kept() == {("response__commitments", "en")}
        (got,) = compiled(answered[2].proposal_id)
        (without,) = compiled(unanswered.pk)
    with django_assert_num_queries(0):
        assert [c.title for c in got.response.commitments.all()] == [f"Named by {answered[2].pk}"]
        assert not hasattr(without, "response")  # Django's "no response", as the ORM leaves it


@pytest.mark.parametrize("same_ids", [False, True])
def test_a_lookup_whose_query_follows_the_pages_key_is_never_kept(same_ids):
    """The stand-in's lookups are built for another key: a query reading the page's own key (here, every
    commitment of the plan but the page's) is told apart from one that only follows its owner, even when the
    first commitment and its plan have the same id (both move by one in the stand-in)."""
    plan = ActionPlanFactory(pk=4_000_000) if same_ids else None
    first = CommitmentFactory(title="A", **({"pk": plan.pk, "action_plan": plan} if same_ids else {}))
    plan = first.action_plan
    others = [CommitmentFactory(action_plan=plan, title=title) for title in ("B", "C", "D")]
    compiled = CompiledModels(
        lambda pk: (
            Commitment.objects.filter(pk=pk)
            .select_related("action_plan")
            .prefetch_related(
                Prefetch("action_plan__commitments", queryset=Commitment.objects.exclude(pk=pk), to_attr="others")
            )
        )
    )
    shown = {}
    with translation.override("en"):
        # The first call goes through the ORM, the second records the lookups: the one whose id may be its plan's.
        for commitment in [others[0], first, *others[1:]]:
            (got,) = compiled(commitment.pk)
            shown[got.title] = sorted(c.title for c in got.action_plan.others)
    assert compiled.prefetches.kept() == set()
    assert shown == {"A": ["B", "C", "D"], "B": ["A", "C", "D"], "C": ["A", "B", "D"], "D": ["A", "B", "C"]}


def test_the_first_calls_send_the_queries_the_orm_sends(commitments):
    """Noting a lookup's statement, and a stand-in's (compiled, not run), costs no query: a page's count does
    not change from its first call to its kept ones."""
    compiled = CompiledModels(_page)
    counts, by_orm = [], []
    with translation.override("en"):
        for commitment in commitments:
            for built, counted in ((compiled, counts), (lambda pk: list(_page(pk)), by_orm)):
                with CaptureQueriesContext(connection) as queries:
                    built(commitment.pk)
                counted.append(len(queries))
    assert compiled.prefetches.kept() and counts == by_orm
