"""The rules of the figures: which assessment counts, what is left out, how groups are labelled."""

import pytest
from django.db.models import Q
from django.utils import translation

from analytics.figures import breakdown_rows, total_row
from irm_reports.models import Report
from tests.factories import ActionPlanFactory, CommitmentFactory, MemberFactory, PolicyAreaFactory
from tests.factories.analytics import MID_TERM, assess

pytestmark = pytest.mark.django_db


def totals(**kwargs):
    row = total_row(label="All", **kwargs)
    return {k: v for k, v in row.as_dict().items() if k not in ("group", "label")}


def test_the_end_of_term_rating_wins_and_the_mid_term_one_stands_without_it():
    both = CommitmentFactory()
    assess(both, report_type=MID_TERM, completion="limited", potential_impact="transformative")
    assess(both, completion="complete", potential_impact="transformative", diog_overall="major")
    mid_only = CommitmentFactory()
    assess(mid_only, report_type=MID_TERM, completion="substantial", potential_impact="moderate")
    assess(mid_only, completion=None, potential_impact="moderate", diog_overall="not_reviewed")
    assert totals() == {
        "commitments": 2,
        "completion_assessed": 2,
        "completed": 2,
        "impact_assessed": 2,
        "transformative": 1,
        "starred": 1,
        "opened_government": 1,
    }


def test_sentinels_and_unpublished_reports_are_left_out():
    assess(completion="not_reviewed", potential_impact="not_reviewed", diog_overall="too_early")
    assess(completion="limited", status=Report.Status.DRAFT)  # a report being written
    CommitmentFactory()  # never assessed
    row = total_row(label="All")
    assert (row.commitments, row.completion_assessed, row.impact_assessed, row.diog_assessed) == (1, 0, 0, 0)
    assert row.completed_share is None


def test_breakdowns_group_by_region_kind_year_member_and_every_policy_area():
    africa = MemberFactory(name="Kenya", slug="kenya", region="africa_middle_east")
    city = MemberFactory(name="Ciudad", slug="ciudad", kind="local", region="americas")
    budget, justice = PolicyAreaFactory(name="Budget", name_fr="Budget FR"), PolicyAreaFactory(name="Justice")
    tagged = CommitmentFactory(action_plan=ActionPlanFactory(member=africa))
    tagged.policy_areas.set([budget, justice])
    assess(tagged, completion="complete")
    assess(CommitmentFactory(action_plan=ActionPlanFactory(member=city, start_date="2016-01-01")), completion="limited")
    regions = {row.group: (row.label, row.commitments, row.completed) for row in breakdown_rows(by="region")}
    assert regions == {"africa_middle_east": ("Africa and the Middle East", 1, 1), "americas": ("Americas", 1, 0)}
    assert [(r.group, r.commitments) for r in breakdown_rows(by="kind")] == [("local", 1), ("national", 1)]
    assert [(r.label, r.commitments) for r in breakdown_rows(by="start_year")] == [("2016", 1), ("2024", 1)]
    assert [r.label for r in breakdown_rows(by="member")] == ["Ciudad", "Kenya"]
    assert [(r.label, r.completed) for r in breakdown_rows(by="policy_area")] == [("Budget", 1), ("Justice", 1)]
    assert [(r.group, r.commitments) for r in breakdown_rows(by="region", member=city)] == [("americas", 1)]
    with translation.override("fr"):
        areas = breakdown_rows(by="policy_area")
        assert [(r.label, r.display_language) for r in areas] == [("Budget FR", None), ("Justice", "en")]
        assert breakdown_rows(by="region")[0].label == "Afrique et Moyen-Orient"


def test_a_member_beside_the_partnership():
    mine = MemberFactory(slug="mine")
    assess(CommitmentFactory(action_plan=ActionPlanFactory(member=mine)), completion="complete")
    assess(completion="limited")
    assert total_row(label="Mine", member=mine).completed_share == 100
    assert total_row(label="All").completed_share == 50


def test_a_members_figures_written_once_give_what_the_orm_gives_for_every_member(django_assert_num_queries):
    """A member's counts send the SQL the ORM wrote for the first member, with the member changed: the same
    figures as the ORM's query for each member (ratings of both reports, sentinels, none at all), one query."""
    from analytics import selectors

    members = [MemberFactory(slug=f"member-{i}") for i in range(4)]
    first, second, third, _never = (CommitmentFactory(action_plan=ActionPlanFactory(member=m)) for m in members)
    assess(first, report_type=MID_TERM, completion="limited", potential_impact="transformative")
    assess(first, completion="complete", diog_overall="major")
    assess(second, completion="not_reviewed", potential_impact="moderate", diog_overall="too_early")
    assess(CommitmentFactory(action_plan=second.action_plan))  # starred
    assess(third, completion="substantial", status=Report.Status.DRAFT)
    for member in [*members, *members]:  # the second round from the SQL kept by the first
        with django_assert_num_queries(1):
            fast = selectors.figures_total(member=member)
        assert fast == selectors.assessed_commitments(member=member).aggregate(**selectors._counts())
    assert [selectors.figures_total(member=m)["commitments"] for m in members] == [1, 2, 0, 0]
    assert selectors._MEMBER_TOTAL.compiled["default"] is not None  # the kept statement, not the ORM each time


def test_a_query_that_cannot_be_kept_goes_through_the_orm_each_time(django_assert_num_queries):
    """Two statements, a key written into the SQL, a statement whose shape follows the key: every call asks the
    ORM and gives its answer. A query kept after two keys sends one statement a call."""
    from commitments.models import Commitment
    from common.db import CompiledOnce

    first, second, third = CommitmentFactory.create_batch(3)

    def two_statements(key):
        return {"all": Commitment.objects.count(), "mine": Commitment.objects.filter(pk=key).count()}

    def key_in_the_text(key):
        return {"n": Commitment.objects.extra(where=[f"id <> {int(key)}"]).count()}  # noqa: S610 (an int)

    def shape_follows_the_key(key):  # [first, first] is written IN (%s), [first, second] IN (%s, %s)
        return {"n": Commitment.objects.filter(pk__in=[first.pk, key]).count()}

    def follows_the_key(key):  # key + 1 beside the key: not the key, never replaced by the next call's
        return {"n": Commitment.objects.filter(pk__gte=key, pk__lte=key + 1).count()}

    def kept_query(key):
        return {"n": Commitment.objects.filter(pk__gte=key).count()}

    def key_twice(key):  # one place left with an earlier key would count 0 or several
        return {"n": Commitment.objects.filter(pk__gte=key, pk__lte=key).count()}

    def bool_of_the_key(key):  # False and True equal 0 and 1: a key written as a boolean is not the key
        return {"n": Commitment.objects.filter(Q(pk=key) | Q(access_to_information=bool(key))).count()}

    for query in (two_statements, key_in_the_text, shape_follows_the_key, follows_the_key):
        once = CompiledOnce(query)
        assert [once(c.pk) for c in (first, second, third, first)] == [
            query(c.pk) for c in (first, second, third, first)
        ]
        assert once.compiled["default"] is None
    once = CompiledOnce(kept_query)
    assert [once(first.pk), once(second.pk)] == [{"n": 3}, {"n": 2}]
    assert once.compiled["default"] is not None
    with django_assert_num_queries(1):
        assert once(third.pk) == {"n": 1}
    twice = CompiledOnce(key_twice)  # the key in two places: both take each call's key
    assert [twice(first.pk), twice(second.pk)] == [{"n": 1}, {"n": 1}]
    assert len(twice.compiled["default"][2]) == 2
    with django_assert_num_queries(1):
        assert twice(third.pk) == {"n": 1}
    as_bool = CompiledOnce(bool_of_the_key)
    as_bool(0), as_bool(1)
    assert as_bool.compiled["default"] is None


def test_the_partnerships_figures_written_once_follow_the_data(django_assert_num_queries, monkeypatch):
    """The partnership's counts (no key) send the SQL the ORM wrote at the first call: after new assessments they
    give what the ORM gives, in one query."""
    from analytics import selectors
    from common.db import CompiledOnce

    monkeypatch.setattr(selectors, "_PARTNERSHIP_TOTAL", CompiledOnce(selectors._PARTNERSHIP_TOTAL.query, keyed=False))
    assess(completion="complete", potential_impact="transformative")
    for completion in ("limited", "complete", "not_reviewed"):
        with django_assert_num_queries(1):
            fast = selectors.figures_total()
        assert fast == selectors.assessed_commitments().aggregate(**selectors._counts())
        assess(completion=completion, diog_overall="major")
    assert selectors.figures_total()["commitments"] == 4
    assert selectors._PARTNERSHIP_TOTAL.compiled["default"] is not None


def test_every_breakdown_written_once_gives_what_the_orm_gives(django_assert_num_queries):
    """Each breakdown of the partnership, of a member and of a challenge area sends the SQL the ORM wrote at its
    first call, with the member's or the area's key changed: the ORM's rows for every breakdown and key (groups,
    names in three languages, counts), one query each, and the new rows after new assessments."""
    from analytics import selectors
    from cycle.models import ChallengeArea

    areas = list(ChallengeArea.objects.order_by("pk")[:2])
    members = [MemberFactory(slug=f"member-{i}", name=f"Member {i}", name_fr=f"Membre {i}") for i in range(3)]
    budget = PolicyAreaFactory(slug="budget", name="Budget", name_es="Presupuesto")
    for i, member in enumerate(members[:2]):
        commitment = CommitmentFactory(action_plan=ActionPlanFactory(member=member, start_date=f"201{i}-07-01"))
        commitment.policy_areas.add(budget)
        commitment.challenge_areas.add(areas[i])
        assess(commitment, completion=["complete", "limited"][i], potential_impact="transformative")
    assess(CommitmentFactory(action_plan=ActionPlanFactory(member=members[0])), completion="not_reviewed")

    def orm(by, member=None, area=None):
        return list(selectors._breakdown(selectors.assessed_commitments(member=member, challenge_area=area), by))

    for _round in range(2):
        for by in selectors.BREAKDOWNS:
            for member, area in [(None, None), *((m, None) for m in members), *((None, a) for a in areas)]:
                with django_assert_num_queries(1):
                    fast = selectors.figures_by(by=by, member=member, challenge_area=area)
                assert fast == orm(by, member, area), (by, member, area)
        assess(CommitmentFactory(action_plan=ActionPlanFactory(member=members[2])), completion="substantial")
    kept = [*selectors._PARTNERSHIP_BY.values(), *selectors._MEMBER_BY.values(), *selectors._CHALLENGE_BY.values()]
    assert all(q.statement is not None for q in selectors._PARTNERSHIP_BY.values())
    assert all(q.compiled[1] is not None for q in kept[len(selectors.BREAKDOWNS) :])
    assert selectors.figures_by(by="member", member=members[2])[0]["group"] == "member-2"
    assert selectors.figures_by(by="region", member=members[0].pk) == orm("region", members[0])  # an id, as the ORM's
    assert selectors.figures_by(by="member", challenge_area=areas[1].pk) == orm("member", area=areas[1])
    years = [row["group"] for row in selectors.figures_by(by="start_year")]
    assert {2010, 2011} <= set(years) and all(type(year) is int for year in years)
