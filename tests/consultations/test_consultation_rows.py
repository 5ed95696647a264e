"""The consultation lists (the list page, a member's open consultations, a plan's consultations) write their rows in
Python (consultations.rows): the same bytes as templates/consultations/includes/_consultation_row.html, in every
language and state, with the member's link or without."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.template.defaultfilters import date
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import conditional_escape
from django.utils.timezone import template_localtime
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from consultations import panel_selectors, selectors
from consultations.models import Consultation, ConsultationTranslation
from consultations.rows import _day, consultation_rows
from consultations.views.public import ConsultationListView
from tests.factories import ActionPlanFactory, MemberFactory
from tests.factories.consultations import ConsultationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def consultations():
    member = MemberFactory(name="Côte d'Ivoire", name_fr="Côte d’Ivoire", slug="cote-divoire")
    plan = ActionPlanFactory(member=member)
    now = timezone.now()
    made = [
        ConsultationFactory(action_plan=plan, title="Open <budget> & contracts", proposal_count=0),
        ConsultationFactory(action_plan=plan, title="Upcoming", upcoming=True, proposal_count=1),
        ConsultationFactory(
            action_plan=plan, title="Closed, some unanswered", closed=True, proposal_count=1234, answered_count=17
        ),
        ConsultationFactory(
            action_plan=plan, title="Closed, all answered", closed=True, proposal_count=3, answered_count=3
        ),
        ConsultationFactory(action_plan=plan, title="Cancelled", cancelled=True, kind=Consultation.Kind.DRAFT_REVIEW),
        # Closed early: its end is the day it was closed, not its planned close.
        ConsultationFactory(
            action_plan=plan,
            title="Ended early",
            status=Consultation.Status.CLOSED_EARLY,
            opens_at=now - timedelta(days=20, hours=-23),
            status_changed_at=now - timedelta(days=2, minutes=1),
            status_reason="Enough proposals",
            proposal_count=2,
            answered_count=1,
        ),
        ConsultationFactory(title="Another member's", proposal_count=5, answered_count=5),
    ]
    ConsultationTranslation.objects.create(
        master=made[0], language_code="fr", title_translated="Budget <ouvert>", description_translated="Texte",
        machine_translated=True,
    )  # fmt: skip
    ConsultationTranslation.objects.create(
        master=made[2], language_code="es", title_translated="Cerrada", description_translated="Texto"
    )
    return made


def _reference(rows, show_plan: bool) -> str:
    context = {"show_plan": True} if show_plan else {}
    return "".join(
        render_to_string("consultations/includes/_consultation_row.html", {"consultation": c, **context}) for c in rows
    )


@pytest.mark.parametrize("language", ["en", "fr", "es"])
@pytest.mark.parametrize("show_plan", [True, False])
def test_the_rows_are_those_of_the_template(consultations, language, show_plan):
    with translation.override(language):
        rows, _filter = selectors.consultation_list(filters={})
        rows = list(rows)
        assert len(rows) == len(consultations)
        written = consultation_rows(rows, show_plan=show_plan)
        assert written == _reference(rows, show_plan)
    assert ("Côte" in written) == show_plan
    if language == "fr":
        assert "Budget &lt;ouvert&gt;" in written and "badge-machine" in written
    if language == "en":
        assert "Open &lt;budget&gt; &amp; contracts" in written
        assert re.search(r"1,?234 proposals · 17 answered", written)
        assert written.count("Closed with proposals still unanswered") == 2


def test_the_dates_are_those_of_the_portals_time_zone(settings):
    """Late in the evening in UTC is the next day in Kiribati: the row shows the local day, as the template does."""
    settings.TIME_ZONE = "Pacific/Kiritimati"  # UTC+14
    opens = datetime(2026, 3, 1, 20, 0, tzinfo=UTC)
    consultation = ConsultationFactory(
        title="Local days", opens_at=opens, closes_at=opens + timedelta(days=14), proposal_count=0
    )
    rows, _filter = selectors.consultation_list(filters={})
    with translation.override("en"):
        written = consultation_rows([c for c in rows if c.pk == consultation.pk])
        assert written == _reference([consultation], show_plan=False)
    assert "2 Mar 2026 to 16 Mar 2026" in written


def test_the_pages_show_the_written_rows(client, consultations):
    """The list page, the member's page (open consultations) and the plan's page render them."""
    listing = client.get(reverse("consultations:consultation-list"), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Budget &lt;ouvert&gt;" in listing and "Côte d’Ivoire" in listing
    member = consultations[0].action_plan.member
    page = client.get(member.get_absolute_url()).content.decode()
    with translation.override("en"):
        assert consultation_rows(panel_selectors.member_open_consultations(member=member)) in page
        plan = consultations[0].action_plan
        assert (
            consultation_rows(panel_selectors.plan_consultations(plan=plan))
            in client.get(plan.get_absolute_url()).content.decode()
        )
    empty = client.get(reverse("consultations:consultation-list") + "?search=nothing-like-this").content.decode()
    assert "No consultation matches these filters." in empty


@pytest.mark.parametrize("query", ["", "?state=closed", "?search=Consultation"])
def test_the_list_reads_a_page_by_its_ids_in_the_lists_order_at_the_same_cost_on_every_page(
    client, monkeypatch, django_assert_num_queries, query
):
    """A numbered page reads its ids first, then their rows: the rows of every page are those of the list's order,
    and a deep page costs the same queries as the first."""
    monkeypatch.setattr(ConsultationListView, "paginate_by", 4)
    for i in range(11):
        ConsultationFactory(title=f"Consultation {i}", closed=i % 2 == 0, proposal_count=i)
    filters = dict(part.split("=") for part in query[1:].split("&") if part)
    expected = [c.pk for c in selectors.consultation_list(filters=filters)[0]]
    assert len(expected) > 4
    url = reverse("consultations:consultation-list") + (query + "&" if query else "?")
    shown, counts = [], []
    client.get(f"{url}page=1")  # the filter's options: read once per content version (common.widgets), then kept
    for number in range(1, (len(expected) + 3) // 4 + 1):
        with django_assert_num_queries(counts[0] if counts else 20, exact=bool(counts)) as queries:
            page = client.get(f"{url}page={number}")
        counts.append(len(queries.captured_queries))
        shown += [
            int(pk) for pk in re.findall(r'class="card-title" href="/consultations/(\d+)/"', page.content.decode())
        ]
    assert shown == expected
    assert client.get(f"{url}page={number + 1}").status_code == 404


@hypothesis_settings(max_examples=200, deadline=None)
@given(
    moment=st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30), timezones=st.just(UTC)),
    language=st.sampled_from(["en", "fr", "es", None]),
    zone=st.sampled_from(["UTC", "Pacific/Kiritimati", "America/Los_Angeles"]),
)
def test_a_day_is_written_as_the_date_filter_writes_it(moment, language, zone):
    """Every day, month and year (years before 1000 on four digits), in each language and none, in the portal's
    time zone: what {{ value|date:"j M Y" }} writes."""
    with timezone.override(zone), translation.override(language):
        assert _day(moment) == conditional_escape(date(template_localtime(moment), "j M Y"))
