"""What the notification centre holds about a person is in their download and goes with their account."""

import json

import pytest
from django.urls import reverse

from accounts.privacy import user_delete_account
from notifications.models import Delivery, Digest, Notification, Preference
from tests.factories.notifications import NotificationFactory

pytestmark = pytest.mark.django_db


def test_the_download_carries_notifications_and_choices(client, participant):
    NotificationFactory(recipient=participant, title="Your proposal was answered")
    Preference.objects.create(user=participant, kind="consultations.proposal_response", email=Delivery.WEEKLY)
    client.force_login(participant)
    response = client.get(reverse("profile-data"))
    data = json.loads(response.content)
    assert [n["title"] for n in data["notifications"]] == ["Your proposal was answered"]
    assert data["notification_preferences"] == [
        {"kind": "consultations.proposal_response", "label": "A response to your proposal", "email": "weekly"}
    ]


def test_deleting_the_account_erases_them(participant):
    NotificationFactory.create_batch(2, recipient=participant)
    Preference.objects.create(user=participant, kind="consultations.proposal_response", email=Delivery.DAILY)
    Digest.objects.create(user=participant, period="daily", period_start="2026-12-01")
    user_delete_account(user=participant)
    assert not Notification.objects.exists() and not Preference.objects.exists() and not Digest.objects.exists()
