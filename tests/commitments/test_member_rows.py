"""commitments.rows writes the member list's rows: the same bytes as includes/_member_row.html on the same members
(with their counts, as the list reads them), in every language."""

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from commitments.member_counts import with_member_counts
from commitments.models import Member, Region
from commitments.rows import member_rows
from partnership.selectors import member_list
from tests.factories.commitments import ActionPlanFactory, CommitmentFactory, MemberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def members():
    national = MemberFactory(
        name="Côte d'Ivoire & <Test>", name_fr="Côte d'Ivoire", country="CI", region=Region.AFRICA_MIDDLE_EAST
    )
    MemberFactory(name="Kosovo", country="XK", kind=Member.Kind.LOCAL, parent=national, status=Member.Status.SUSPENDED)
    MemberFactory(name="Partnership body", name_es="Organismo", country="", kind=Member.Kind.OTHER, region="")
    MemberFactory(name="Spain", name_fr="Espagne", name_es="España", country="ES", status=Member.Status.WITHDRAWN)
    MemberFactory(name="Same", name_fr="Same", name_es="", country="FR", status=Member.Status.UNDER_REVIEW)
    plan = ActionPlanFactory(member=national)
    CommitmentFactory.create_batch(3, action_plan=plan)
    ActionPlanFactory(member=national)


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_the_rows_written_in_python_are_the_templates(members, language):
    with translation.override(language):
        rows = with_member_counts(list(member_list()[0]))
        expected = "".join(render_to_string("commitments/includes/_member_row.html", {"member": m}) for m in rows)
        assert member_rows(rows) == expected
    assert len(rows) == 5 and "Côte d&#x27;Ivoire &amp; &lt;Test&gt;" in member_rows(rows)


def test_the_member_list_shows_its_rows_or_says_there_is_none(members, client):
    html = client.get(reverse("commitments:member-list")).content.decode()
    assert html.count('<th scope="row">') == 5 and "No member matches these filters." not in html
    assert '<td class="num">2</td>\n  <td class="num">3</td>' in html  # the national member's plans, commitments
    empty = client.get(reverse("commitments:member-list"), {"search": "nothing like this"}).content.decode()
    assert "No member matches these filters." in empty and '<th scope="row">' not in empty
