"""Consultations: created on running plans, dates that follow the rules, closed early or cancelled with a reason."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from consultations import services
from consultations.models import Consultation
from tests.factories import ActionPlanFactory
from tests.factories.consultations import ConsultationFactory

pytestmark = pytest.mark.django_db


def _dates(opens_in=-1, closes_in=20):
    now = timezone.now()
    return {"opens_at": now + timedelta(days=opens_in), "closes_at": now + timedelta(days=closes_in)}


def test_a_consultation_gets_a_default_response_deadline(plan, point_of_contact):
    consultation = services.consultation_create(
        action_plan=plan, created_by=point_of_contact, title="Ideas", description="Send them.", **_dates()
    )
    assert consultation.is_open
    expected = timezone.localdate(consultation.closes_at) + timedelta(days=30)
    assert consultation.response_due_on == expected


def test_dates_are_checked(plan):
    with pytest.raises(ValidationError, match="close after it opens"):
        services.consultation_create(action_plan=plan, title="x", description="y", **_dates(5, 2))
    with pytest.raises(ValidationError, match="in the future"):
        services.consultation_create(action_plan=plan, title="x", description="y", **_dates(-10, -2))
    with pytest.raises(ValidationError, match="cannot be due before"):
        services.consultation_create(
            action_plan=plan, title="x", description="y", response_due_on=timezone.localdate(), **_dates(1, 10)
        )
    assert not Consultation.objects.exists()


def test_a_completed_plan_is_not_consulted_on(member):
    plan = ActionPlanFactory(member=member, completed=True)
    with pytest.raises(ValidationError, match="cannot be consulted"):
        services.consultation_create(action_plan=plan, title="x", description="y", **_dates())


def test_an_opened_consultation_keeps_its_opening_date(consultation):
    with pytest.raises(ValidationError, match="opening date cannot change"):
        services.consultation_update(consultation=consultation, opens_at=timezone.now())
    extended = services.consultation_update(consultation=consultation, closes_at=consultation.closes_at + timedelta(7))
    assert extended.closes_at > consultation.closes_at


def test_closing_early_needs_a_reason_and_stops_participation(consultation):
    with pytest.raises(ValidationError, match="Give the reason"):
        services.consultation_end(consultation=consultation, reason="")
    closed = services.consultation_end(consultation=consultation, reason="Enough proposals received.")
    assert closed.state == Consultation.State.CLOSED and closed.ended_at <= timezone.now()
    with pytest.raises(ValidationError, match="already closed"):
        services.consultation_end(consultation=closed, reason="Again", cancel=True)
    with pytest.raises(ValidationError, match="closing date cannot change"):
        services.consultation_update(consultation=closed, closes_at=timezone.now() + timedelta(days=3))


def test_an_upcoming_consultation_is_cancelled_not_closed(plan):
    consultation = ConsultationFactory(action_plan=plan, upcoming=True)
    with pytest.raises(ValidationError, match="cancel it instead"):
        services.consultation_end(consultation=consultation, reason="Postponed")
    cancelled = services.consultation_end(consultation=consultation, reason="Postponed", cancel=True)
    assert cancelled.state == Consultation.State.CANCELLED
    with pytest.raises(ValidationError, match="was cancelled"):
        services.consultation_update(consultation=cancelled, title="Revived")


def test_state_follows_the_dates():
    assert ConsultationFactory.build(upcoming=True).state == "upcoming"
    assert ConsultationFactory.build().state == "open"
    assert ConsultationFactory.build(closed=True).state == "closed"
    assert ConsultationFactory.build(cancelled=True).state == "cancelled"
