"""The rows of the commitment list are kept in the cache one by one (commitments.rows.listed_rows): a row one page
showed is read with the others in one call by every other page that lists it (another filter, another page), and
it always shows what the data says now, in the reader's language. A plan's page keeps its rows as one fragment."""

import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from commitments.models import CommitmentTranslation
from tests.factories import PolicyAreaFactory
from tests.factories.commitments import ActionPlanFactory, CommitmentFactory, MemberFactory, MilestoneFactory

pytestmark = pytest.mark.django_db
LIST = reverse("commitments:commitment-list")


@pytest.fixture
def plan():
    plan = ActionPlanFactory(member=MemberFactory(name="Ghana", country="GH"))
    area = PolicyAreaFactory(slug="row-cache-area", name="Row cache area", name_fr="Domaine du cache")
    for i in range(6):
        commitment = CommitmentFactory(action_plan=plan, number=str(i + 1), title=f"Publish contracts {i}")
        commitment.policy_areas.add(area)
        MilestoneFactory(commitment=commitment, completed=i % 2 == 0)
    return plan


def _rows(html: str) -> list[str]:
    return re.findall(r'<li class="card commitment-card".*?\n</li>', html, flags=re.S)


def _read(client, url, **params):
    """The page's rows, and the tables its queries read (but the page's own row's hints: an EXISTS each, which
    common.hints reads with the plan)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    read = [q["sql"] for q in queries if '"hint_' not in q["sql"]]
    tables = {table for sql in read for table in re.findall(r'FROM "(\w+)"', sql)}
    return _rows(response.content.decode()), tables


def test_a_row_shown_once_is_not_read_from_the_database_again(client, plan):
    first, tables = _read(client, LIST, country="GH")
    assert len(first) == 6 and "commitments_commitment_policy_areas" in tables
    # Another filter that lists the same commitments: its rows come from the cache, the same bytes.
    again, tables = _read(client, LIST, member=plan.member.pk)
    assert again == first
    assert (
        not {"commitments_commitment_policy_areas", "commitments_commitmenttranslation", "commitments_milestone"}
        & tables
    )


def test_the_plan_page_keeps_its_rows_until_the_data_changes(client, plan):
    listed, _tables = _read(client, LIST, country="GH")
    on_plan, tables = _read(client, plan.get_absolute_url())
    assert "commitments_commitment_policy_areas" in tables  # the plan page's rows (no plan link) are not the list's
    assert all("Ghana" in row for row in listed) and not any("Ghana" in row for row in on_plan)
    again, tables = _read(client, plan.get_absolute_url())
    assert (
        again == on_plan and not {"commitments_commitment_policy_areas", "commitments_commitmenttranslation"} & tables
    )
    commitment = plan.commitments.get(number="3")
    commitment.title = "Open every budget"
    commitment.save()
    changed, tables = _read(client, plan.get_absolute_url())
    assert "commitments_commitment_policy_areas" in tables and sum("Open every budget" in row for row in changed) == 1


def test_a_row_shows_every_change_at_once(client, plan):
    commitment = plan.commitments.get(number="2")
    before, _tables = _read(client, LIST, country="GH")
    commitment.title = "Open every budget"
    commitment.save()
    milestone = commitment.milestones.get()
    milestone.status, milestone.completed_on = milestone.Status.COMPLETED, date(2025, 6, 1)
    milestone.save()
    area = commitment.policy_areas.get()
    area.name = "Public procurement"
    area.save()
    after, _tables = _read(client, LIST, country="GH", page_size="x")  # another address: the page is not cached
    changed = next(row for row in after if f'id="commitment-{commitment.pk}"' in row)
    assert "Open every budget" in changed and "1 of 1 milestones completed" in changed
    assert all("Public procurement" in row for row in after)
    assert after != before


def test_each_language_has_its_rows(client, plan):
    commitment = plan.commitments.get(number="1")
    CommitmentTranslation.objects.create(master=commitment, language_code="fr", title_translated="Publier les marchés")
    english, _tables = _read(client, LIST, country="GH")
    client.cookies["django_language"] = "fr"
    french, _tables = _read(client, LIST, policy_area="row-cache-area")
    assert any("Publier les marchés" in row for row in french)
    assert not any("Publier les marchés" in row for row in english)
    assert all("Domaine du cache" in row for row in french) and all("Row cache area" in row for row in english)


def test_a_list_reads_the_same_queries_however_many_rows_it_shows(client, plan):
    def count(**params):
        with CaptureQueriesContext(connection) as queries:
            client.get(LIST, params)
        return len(queries)

    cold = count(country="GH")
    warm = count(country="GH", completion="")
    for i in range(20):
        CommitmentFactory(action_plan=plan, number=str(100 + i))
    assert count(country="GH", search="") == cold  # after the writes nothing is cached
    assert count(country="GH", member="") == warm
    assert warm <= cold - 3  # not the rows, their policy areas, their translations
