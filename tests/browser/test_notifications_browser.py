"""The notification centre in a browser: the header's count, the list, a notification followed, the choices."""

import pytest
from django.urls import reverse

from notifications.models import Preference
from tests.browser.test_keyboard_forms import _signed_in_page
from tests.factories import UserFactory
from tests.factories.notifications import NotificationFactory

pytestmark = [pytest.mark.browser]


def test_a_participant_reads_their_notifications_and_chooses_a_weekly_digest(browser, live_server, transactional_db):
    participant = UserFactory(full_name="Amina Bello")
    NotificationFactory(recipient=participant, title="A response to “Publish agendas”", link="/proposals/")
    NotificationFactory.create_batch(2, recipient=participant)
    page = _signed_in_page(browser, live_server, participant)
    page.goto(f"{live_server.url}/")
    link = page.get_by_role("link", name="Notifications, 3 unread")
    assert link.is_visible()
    link.click()
    page.wait_for_url(f"**{reverse('notifications')}")
    assert page.locator("li.notification-unread").count() == 3
    page.get_by_role("link", name="A response to “Publish agendas”").click()
    page.wait_for_url("**/proposals/")
    assert page.get_by_role("link", name="Notifications, 2 unread").is_visible()
    page.goto(f"{live_server.url}{reverse('notification-preferences')}")
    page.get_by_label("A response to your proposal").select_option("weekly")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(f"**{reverse('notification-preferences')}")
    assert Preference.objects.get(user=participant).email == "weekly"
    page.goto(f"{live_server.url}{reverse('notifications')}")
    page.get_by_role("button", name="Mark all read").click()
    assert page.get_by_role("link", name="Notifications", exact=True).is_visible()
    page.context.close()
