"""analytics.tables writes the figures' tables and the member options: the same bytes as the reference templates
(analytics/_figures_table.html with _share.html, the page's former option loop) on the same rows, in every
language."""

import pytest
from django.template import Context, Template
from django.template.loader import render_to_string
from django.utils import translation

from analytics.figures import FigureRow
from analytics.tables import figures_table, member_options
from commitments.models import Member
from tests.factories.commitments import MemberFactory

ROWS = [
    FigureRow(
        "a",
        "Côte d'Ivoire & <Test>",
        17,
        completion_assessed=8,
        completed=3,
        impact_assessed=6,
        transformative=1,
        starred=2,
    ),  # fmt: skip
    FigureRow(
        "b",
        "Kenya",
        1234,
        completion_assessed=1000,
        completed=125,
        impact_assessed=3,
        transformative=3,
        opened_government=1,
        diog_assessed=7,
        label_language="en",
    ),  # fmt: skip
    FigureRow(group="c", label="Zambie", label_language="fr", commitments=0),
]


def _reference(rows, caption, group_label) -> str:
    context = {"rows": rows, "caption": caption, "group_label": group_label}
    return render_to_string("analytics/_figures_table.html", context)


@pytest.mark.parametrize("language", ["en", "fr", "es"])
@pytest.mark.parametrize("rows", [ROWS, ROWS[:1], []], ids=["three", "one", "none"])
def test_figures_table_is_the_templates_markup(language, rows):
    with translation.override(language):
        written = figures_table(rows, "Region & <kind>", "Who")
        assert written == _reference(rows, "Region & <kind>", "Who")
    assert "&lt;Test&gt;" in written or not rows  # the label escaped, as {{ }} escapes it
    if language == "fr" and len(rows) > 1:
        assert "12,5 %" in written  # 125 of 1,000 in the page's number format
        assert '<span lang="en">Kenya</span>' in written  # a name kept in another language than the page's


OPTIONS = Template(
    '{% for m in members %}<option value="{{ m.slug }}"{% if member and m.slug == member.slug %} selected{% endif %}>'
    "{{ m.display_name }}</option>{% endfor %}"
)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_member_options_are_the_templates_markup(language):
    MemberFactory(name="Côte d'Ivoire & <Test>", name_fr="Côte d'Ivoire (fr)", slug="cote-divoire")
    MemberFactory(name="Kenya", name_es="Kenia", slug="kenya")
    MemberFactory(name="Zambia", slug="zambia")
    members = Member.objects.order_by("name")
    rows = list(members.values("slug", "name", "name_fr", "name_es"))
    chosen = members.get(slug="kenya")
    with translation.override(language):
        for member in (chosen, None):
            reference = OPTIONS.render(Context({"members": members, "member": member}))
            assert member_options(rows, member.slug if member else None) == reference
    assert reference.count("selected") == 0
