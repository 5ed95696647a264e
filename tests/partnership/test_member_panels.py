"""A member's page: its open consultations, the next steps of its cycle and the challenge it took up, each read by a
statement kept once per process (the moment and the day read by the database's clock), the same for every member."""

from datetime import timedelta

import pytest
from django.db.models.sql.compiler import SQLCompiler
from django.utils import timezone, translation

from common.compiled_models import _UNCOMPILED
from common.translations import shown_in
from consultations import panel_selectors
from consultations.forum_selectors import _SEATS_BY_SECTOR, forum_balance
from consultations.models import Consultation, ConsultationTranslation
from cycle import selectors
from cycle.models import ChallengeArea, CycleStep, MemberChallenge
from tests.factories import ActionPlanFactory, MemberFactory, UserFactory
from tests.factories.consultations import ConsultationFactory, ForumFactory, ForumSeatFactory
from tests.factories.cycle import CycleStepFactory

pytestmark = pytest.mark.django_db


def _kept(compiled) -> bool:
    return compiled.compiled not in (None, _UNCOMPILED)


def _never_compiled(monkeypatch):
    def compiled_again(*args, **kwargs):
        raise AssertionError("compiled again")

    monkeypatch.setattr(SQLCompiler, "as_sql", compiled_again)


def test_the_open_consultations_closing_first_in_the_pages_language(monkeypatch, django_assert_num_queries):
    member, others = MemberFactory(), [MemberFactory(), MemberFactory()]
    plans = [ActionPlanFactory(member=member), ActionPlanFactory(member=member)]
    now = timezone.now()
    open_ones = [
        ConsultationFactory(action_plan=plans[i % 2], title=f"Open {i}", closes_at=now + timedelta(days=30 - i))
        for i in range(12)
    ]
    ConsultationFactory(action_plan=plans[0], title="Upcoming", upcoming=True)
    ConsultationFactory(action_plan=plans[0], title="Closed", closed=True)
    ConsultationFactory(action_plan=plans[1], title="Cancelled", cancelled=True)
    for other in others:
        ConsultationFactory(action_plan=ActionPlanFactory(member=other), title=f"Open at {other.slug}")
    ConsultationTranslation.objects.create(
        master=open_ones[11], language_code="fr", title_translated="Ouverte, la première à fermer",
        description_translated="Texte", machine_translated=True,
    )  # fmt: skip
    translator = UserFactory()
    by_a_person = ConsultationTranslation.objects.create(
        master=open_ones[5], language_code="fr", title_translated="Traduite", translated_by=translator
    )
    with translation.override("fr"):
        for other in others:  # the statement and its translations' are written for the first members
            assert [c.title for c in panel_selectors.member_open_consultations(member=other)] == [
                f"Open at {other.slug}"
            ]
        assert _kept(panel_selectors._MEMBER_OPEN_CONSULTATIONS)
        panel_selectors.member_open_consultations(member=member)  # the translations' statement for ten, written
        _never_compiled(monkeypatch)
        with django_assert_num_queries(2):  # the consultations, their French titles
            shown = panel_selectors.member_open_consultations(member=member)
        monkeypatch.undo()
        by_orm = Consultation.objects.open_now().filter(action_plan__member=member).order_by("closes_at")[:10]
        assert [c.pk for c in shown] == [c.pk for c in by_orm] == [c.pk for c in open_ones[:1:-1]]
        titles = {c.pk: (t.title_translated, t.machine_translated) for c in shown for t in c.shown_translations}
        assert titles == {
            open_ones[11].pk: ("Ouverte, la première à fermer", True), open_ones[5].pk: ("Traduite", False)
        }  # fmt: skip
        with django_assert_num_queries(0):  # the translations as the ORM's prefetch gives them, each with its master
            (read,) = next(c for c in shown if c.pk == open_ones[5].pk).shown_translations
            assert (read.pk, read.translated_by_id) == (by_a_person.pk, translator.pk)
            assert read.translated_at == by_a_person.translated_at and read.master.pk == open_ones[5].pk
            assert shown_in(read.master).person_translated
        assert {c.action_plan.member_id for c in shown} == {member.pk}  # the plan read with them
    with translation.override("en"):
        assert all(c.shown_translations == [] for c in panel_selectors.member_open_consultations(member=member))


@pytest.mark.parametrize("zone", ["Pacific/Kiritimati", "Pacific/Pago_Pago", "UTC"])
def test_the_next_steps_start_today_in_the_portals_time_zone(settings, zone, monkeypatch, django_assert_num_queries):
    """UTC+14 and UTC-11 are never on the same day: a step due today in one is yesterday's or tomorrow's in the
    other, and the list follows the portal's zone, not the database's (UTC)."""
    settings.TIME_ZONE = zone
    today = timezone.localdate()
    member, others = MemberFactory(), [MemberFactory(), MemberFactory()]
    steps = [CycleStepFactory(member=member, plan_number=n + 3, due_on=today + timedelta(days=n)) for n in range(-2, 7)]
    CycleStepFactory(member=others[0], due_on=today)
    for other in others:
        selectors.member_upcoming_steps(member=other)
    assert _kept(selectors._UPCOMING_STEPS)
    _never_compiled(monkeypatch)
    with django_assert_num_queries(1):
        shown = selectors.member_upcoming_steps(member=member)
    assert [step.due_on for step in shown] == [step.due_on for step in steps[2:7]]  # today first, five of them
    assert all(isinstance(step, CycleStep) and step.member_id == member.pk for step in shown)


def test_the_challenges_a_member_took_up_in_the_areas_order(monkeypatch, django_assert_num_queries):
    member, other, third = MemberFactory(), MemberFactory(), MemberFactory()
    areas = list(ChallengeArea.objects.order_by("order")[:4])
    for area in (areas[3], areas[0], areas[2]):
        MemberChallenge.objects.create(member=member, area=area, declared_on=timezone.localdate())
    MemberChallenge.objects.create(member=other, area=areas[1], declared_on=timezone.localdate())
    assert [c.area for c in selectors.member_challenges(member=other)] == [areas[1]]
    assert selectors.member_challenges(member=third) == []
    assert _kept(selectors._MEMBER_CHALLENGES)
    _never_compiled(monkeypatch)
    with django_assert_num_queries(1):
        shown = selectors.member_challenges(member=member)
        assert [c.area.name for c in shown] == [areas[0].name, areas[2].name, areas[3].name]  # the areas read with them


@pytest.mark.parametrize("zone", ["Pacific/Kiritimati", "Pacific/Pago_Pago"])
def test_the_forums_balance_counts_the_seats_held_today_in_the_portals_time_zone(settings, zone):
    """A seat that ended yesterday or starts tomorrow, in the portal's zone, is not held today."""
    settings.TIME_ZONE = zone
    today = timezone.localdate()
    forum, other = ForumFactory(), ForumFactory()
    for since, until, sector in [
        (None, None, "government"), (today, None, "government"), (None, today, "civil_society"),
        (today - timedelta(days=9), today + timedelta(days=9), "other"),
        (today + timedelta(days=1), None, "civil_society"), (None, today - timedelta(days=1), "other"),
    ]:  # fmt: skip
        ForumSeatFactory(forum=forum, since=since, until=until, sector=sector)
    ForumSeatFactory(forum=other, sector="other")
    assert forum_balance(forum=other)["other"] == 1
    assert forum_balance(forum=ForumFactory())["total"] == 0
    assert _SEATS_BY_SECTOR.compiled["default"] is not None  # kept: the same statement every day
    assert forum_balance(forum=forum) == {
        "government": 2, "civil_society": 1, "other": 1, "total": 4, "non_government": 2,
    }  # fmt: skip


def test_a_new_time_zone_writes_the_statements_of_the_day_again(settings):
    """The zone's name is a parameter of a kept statement of the day: changed (by a test), it is not kept."""
    member = MemberFactory()
    for zone in ("Pacific/Kiritimati", "Pacific/Pago_Pago"):
        settings.TIME_ZONE = zone
        CycleStepFactory(member=member, plan_number=len(zone), due_on=timezone.localdate())
        for other in (MemberFactory(), MemberFactory()):
            selectors.member_upcoming_steps(member=other)
        assert _kept(selectors._UPCOMING_STEPS)
        assert [step.due_on for step in selectors.member_upcoming_steps(member=member)][0] == timezone.localdate()
