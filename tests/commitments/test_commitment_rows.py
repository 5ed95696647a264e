"""commitments.rows writes the rows of the commitment lists: the same bytes as the reference templates
(_commitment_row.html with _progress.html) on the same rows, in every language."""

import re

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from commitments import row_selectors
from commitments.models import Commitment, CommitmentTranslation
from commitments.rows import commitment_rows, listed_rows, progress
from common.translations import page_translations
from tests.factories import OrganisationFactory, PolicyAreaFactory
from tests.factories.commitments import ActionPlanFactory, CommitmentFactory, MemberFactory, MilestoneFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan():
    member = MemberFactory(name="Côte d'Ivoire & <Test>", name_fr="Côte d'Ivoire (fr)")
    plan = ActionPlanFactory(member=member)
    areas = [
        PolicyAreaFactory(slug="open-contracting", name="Open contracting", name_fr="Contrats ouverts"),
        PolicyAreaFactory(slug="fiscal", name="Fiscal openness", name_fr="Ouverture budgétaire"),
    ]
    lead = OrganisationFactory(name="Ministère des Finances & du Budget")
    for i in range(7):
        commitment = CommitmentFactory(
            action_plan=plan,
            title=f"Publish <contracts> & budgets {i}",
            lead_institution=lead if i % 2 else None,
            completion=["", "limited", "substantial", "complete"][i % 4],
        )
        commitment.policy_areas.set(areas[: i % 3])
        if i % 3 == 1:  # a French title, by a person or (marked) by the machine
            CommitmentTranslation.objects.create(
                master=commitment,
                language_code="fr",
                title_translated=f"Publier <marchés> {i}",
                machine_translated=i > 3,
            )
        if i == 5:  # only the objective in French, by the machine
            CommitmentTranslation.objects.create(
                master=commitment, language_code="fr", objective_translated="Publier", machine_translated=True
            )
        for j in range(i % 4):
            MilestoneFactory(commitment=commitment, completed=j % 2 == 0)
    return plan


def _instances(ids: list[int]) -> list:
    """The reference: model instances of these commitments, in this order, as the template reads them."""
    queryset = (
        Commitment.objects.filter(pk__in=ids)
        .select_related("action_plan__member", "lead_institution")
        .prefetch_related("policy_areas", page_translations(Commitment))
        .with_milestone_progress()
    )
    by_id = {c.pk: c for c in queryset}
    return [by_id[pk] for pk in ids]


def _reference(rows, **context) -> str:
    return "".join(
        render_to_string("commitments/includes/_commitment_row.html", {"commitment": c, **context}) for c in rows
    )


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_the_rows_written_in_python_are_the_templates(plan, language):
    with translation.override(language):
        on_plan = row_selectors.action_plan_commitment_rows(plan=plan)
        in_plan_order = list(plan.commitments.order_by("sort_key", "id").values_list("id", flat=True))
        assert [row["id"] for row in on_plan] == in_plan_order
        assert commitment_rows(on_plan) == _reference(_instances(in_plan_order))
        newest_first = list(plan.commitments.order_by("-id").values_list("id", flat=True))
        by_id = {row["id"]: row for row in row_selectors.listed_commitment_rows(ids=newest_first)}
        listed = [by_id[pk] for pk in newest_first]
        expected = _reference(_instances(newest_first), show_plan=True)
        assert commitment_rows(listed, show_plan=True) == expected
        assert listed_rows(newest_first) == expected
    assert "&lt;contracts&gt; &amp; budgets" in _reference(_instances(in_plan_order))
    with translation.override("fr"):
        french = commitment_rows(row_selectors.action_plan_commitment_rows(plan=plan))
    assert (
        "Publier &lt;marchés&gt; 1</a>\n" in french
        and 'Publier &lt;marchés&gt; 4</a> <span class="badge badge-machine">' in french
    )
    # Only the objective translated: the original title, but the row is marked as the translation's (no lang).
    assert re.search(r'class="card-title">Publish &lt;contracts&gt; &amp; budgets 5</a> <span class="badge', french)


def test_the_plan_page_shows_its_commitments_or_says_there_is_none(plan, client):
    html = client.get(plan.get_absolute_url()).content.decode()
    assert html.count('class="card commitment-card"') == 7 and "No commitment yet." not in html
    empty = ActionPlanFactory(member=plan.member)
    assert "No commitment yet." in client.get(empty.get_absolute_url()).content.decode()


@pytest.mark.parametrize("language", ["en", "fr", "es"])
@pytest.mark.parametrize(("done", "total"), [(0, 0), (0, 3), (2, 3), (1234, 1234)])
def test_the_progress_bar_is_the_templates(language, done, total):
    with translation.override(language):
        expected = render_to_string("includes/_progress.html", {"done": done, "total": total})
        assert progress(done, total) == expected


def test_a_members_page_shows_the_progress_of_each_plan(plan, client):
    html = client.get(plan.member.get_absolute_url()).content.decode()
    assert html.count('class="progress"') == 1 and "milestones completed" in html
