"""The rules of the figures: which assessment counts, what is left out, how groups are labelled."""

import pytest
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
