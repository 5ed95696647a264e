"""Reminders to points of contact ahead of each step of the cycle: in their language, once."""

from datetime import date

import pytest

from cycle.models import CycleReminder
from cycle.services import cycle_reminders_send, member_cycle_refresh
from tests.factories import ActionPlanFactory, MemberFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def french_member():
    member = MemberFactory(name="Brittany", name_fr="Bretagne", slug="bretagne", kind="local")
    ActionPlanFactory(
        member=member, number=1, start_date=date(2025, 1, 1), end_date=date(2026, 12, 31), implementing=True
    )
    member_cycle_refresh(member=member, today=date(2026, 12, 1))
    return member


def test_the_point_of_contact_is_reminded_in_french_once(french_member, mailoutbox, django_capture_on_commit_callbacks):
    contact = UserFactory(point_of_contact_of=french_member, language="fr", full_name="Anne Le Goff")
    UserFactory(point_of_contact_of=MemberFactory())  # another member's contact hears nothing
    with django_capture_on_commit_callbacks(execute=True):
        sent = cycle_reminders_send(today=date(2026, 12, 1))
    assert sent == 1  # the plan ends on 31 December: 30 days ahead; the next plan is due the day after, further
    (mail,) = mailoutbox
    assert mail.to == [contact.email]
    assert mail.body.startswith("Bonjour Anne")
    assert "Bretagne" in mail.body and "31 décembre 2026" in mail.body  # the member's and the date's French
    assert "/members/bretagne/calendar.ics" in mail.body
    with django_capture_on_commit_callbacks(execute=True):
        assert cycle_reminders_send(today=date(2026, 12, 1)) == 0  # run again: sent once
        assert cycle_reminders_send(today=date(2026, 12, 2)) == 1  # the next plan, due on 1 January: 30 days
        assert cycle_reminders_send(today=date(2026, 12, 3)) == 0
        assert cycle_reminders_send(today=date(2026, 12, 25)) == 2  # a week before each: the second reminders
    assert len(mailoutbox) == 4
    assert CycleReminder.objects.filter(step__member=french_member).count() == 4


def test_steps_already_done_or_past_are_not_reminded(french_member, mailoutbox):
    UserFactory(point_of_contact_of=french_member, language="fr")
    assert cycle_reminders_send(today=date(2027, 6, 1)) == 0
