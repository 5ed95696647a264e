"""The demo data shows co-creation at work on Madrid's plan in co-creation, and loading it twice adds nothing."""

from io import StringIO

import pytest
from django.core.management import call_command

from consultations.models import Comment, Consultation, Forum, ForumMeeting, Proposal, Referral, Support

pytestmark = pytest.mark.django_db


def _counts():
    return [m.objects.count() for m in (Consultation, Proposal, Support, Comment, Forum, ForumMeeting)]


def test_the_demo_has_an_open_consultation_with_a_published_response_and_a_forum(client):
    call_command("seed_demo", "--password", "demo-pass-123", stdout=StringIO())
    consultation = Consultation.objects.open_now().get(action_plan__member__slug="madrid")
    assert consultation.action_plan.status == "co_creation"
    proposals = consultation.proposals.all()
    assert proposals.count() >= 3 and Support.objects.count() >= 3 and Comment.objects.count() >= 2
    answered = proposals.get(status="merged")
    assert answered.response.is_published and answered.response.commitments.exists()
    # An institution's contact gave its opinion in the portal on a proposal referred to it.
    referral = Referral.objects.get(proposal__consultation=consultation)
    assert referral.opinion_by.email == "institution.madrid@demo.ogp.example" and referral.is_answered
    assert referral.opinion_by.institution_links.filter(institution=referral.institution).exists()
    forum = Forum.objects.get(member__slug="madrid")
    assert forum.seats.count() >= 4 and forum.meetings.filter(minutes_published=True).count() >= 2
    counts = _counts()
    call_command("seed_demo", stdout=StringIO())
    assert _counts() == counts
    page = client.get(consultation.get_absolute_url()).content.decode()
    assert "Merged into commitments" in page
