"""The pages: the request form, the request's page and its file, the staff queue, the member's page."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from support.models import SupportAttachment, SupportRequest
from tests.factories import UserFactory
from tests.factories.support import ServiceOfferFactory, SupportRequestFactory

pytestmark = pytest.mark.django_db


def test_the_menu_lists_services_by_cycle_step_in_the_visitors_language(client, drafting):
    ServiceOfferFactory(name="Retired", is_active=False)
    page = client.get(reverse("support:service-list"), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "Asistencia para redactar compromisos" in page and "Retired" not in page
    assert "<td>Talleres y asesoría para diseñar buenos compromisos" in page


def test_a_description_not_yet_translated_is_shown_in_english_and_marked_so(client):
    ServiceOfferFactory(name="Peer exchange", description="Study visits and webinars.")
    page = client.get(reverse("support:service-list"), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert '<td lang="en">Study visits and webinars.</td>' in page


def test_a_point_of_contact_sends_the_form_and_lands_on_the_request(client, member, point_of_contact, drafting):
    client.force_login(point_of_contact)
    url = reverse("support:request-create", args=[member.slug])
    form = client.get(url + "?service=drafting-commitments").content.decode()
    assert f'value="{drafting.pk}" selected' in form
    response = client.post(url, {"service": drafting.pk, "description": "Two workshops", "is_public": "on"})
    request = SupportRequest.objects.get()
    assert response.status_code == 302 and response["Location"] == request.get_absolute_url()
    page = client.get(request.get_absolute_url()).content.decode()
    assert "Two workshops" in page and "Received" in page
    assert "Move the request on" not in page  # decisions are the support unit's


def test_the_request_form_is_rate_limited(client, member, point_of_contact, drafting, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "support.request": {"user": (1, 3600), "ip": (20, 3600)}}
    client.force_login(point_of_contact)
    url = reverse("support:request-create", args=[member.slug])
    client.post(url, {"service": drafting.pk, "description": "First"})
    response = client.post(url, {"service": drafting.pk, "description": "Second"})
    assert response.status_code == 200 and SupportRequest.objects.count() == 1


def test_staff_move_a_request_and_the_history_shows_it(client, member, point_of_contact, representative):
    request = SupportRequestFactory(member=member, requester=point_of_contact, representative=representative)
    client.force_login(representative)
    url = reverse("support:request-transition", args=[request.pk])
    client.post(url, {"to_status": "accepted", "due_date": "2030-03-01"})
    refused = client.post(url, {"to_status": "declined"}, follow=True).content.decode()  # no reason
    assert "Say why the request is declined." in refused
    request.refresh_from_db()
    assert request.status == "accepted" and str(request.due_date) == "2030-03-01"
    assert [h.status for h in request.history.order_by("history_date")] == ["received", "accepted"]


def test_an_attachment_is_served_to_the_request_team_only(client, member, point_of_contact, other_point_of_contact):
    request = SupportRequestFactory(member=member, requester=point_of_contact)
    attachment = SupportAttachment.objects.create(
        request=request, file=ContentFile(b"%PDF-1.4", name="a.pdf"), original_name="a.pdf",
        content_type="application/pdf", size=8,
    )  # fmt: skip
    url = reverse("support:attachment", args=[attachment.pk])
    client.force_login(other_point_of_contact)
    assert client.get(url).status_code == 403
    client.force_login(point_of_contact)
    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"%PDF-1.4"


def test_the_queue_filters_and_costs_the_same_queries_at_any_size(
    client, member, other_member, representative, django_assert_max_num_queries
):
    client.force_login(representative)
    url = reverse("support:queue")
    SupportRequestFactory(member=member, representative=representative)
    with django_assert_max_num_queries(12) as few:
        client.get(url)
    SupportRequestFactory.create_batch(15, member=other_member)
    SupportRequestFactory(member=member, delivered=True)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(url).content.decode()
    assert page.count('scope="row"') == 16  # open requests only
    mine = client.get(url + "?representative=me").content.decode()
    assert mine.count('scope="row"') == 1
    delivered = client.get(url + "?status=delivered").content.decode()
    assert delivered.count('scope="row"') == 1


def test_the_member_page_lists_public_support_received_only(client, member):
    SupportRequestFactory(member=member, delivered=True, is_public=True, outcome="Forum workshops held")
    SupportRequestFactory(member=member, delivered=True, is_public=False, outcome="Private advice")
    SupportRequestFactory(member=member, is_public=True, description="Still open")
    page = client.get(member.get_absolute_url()).content.decode()
    assert "Forum workshops held" in page and "Private advice" not in page and "Still open" not in page


def test_my_requests_lists_mine_and_my_members(client, member, point_of_contact, cso_member):
    SupportRequestFactory(member=member, requester=cso_member, description="x")
    SupportRequestFactory(requester=UserFactory())
    client.force_login(point_of_contact)
    assert client.get(reverse("support:request-mine")).content.decode().count('scope="row"') == 1


def test_the_download_has_the_requests_and_notes(member, point_of_contact, representative):
    from accounts.privacy import user_data_export
    from support.services import support_note_add

    request = SupportRequestFactory(member=member, requester=point_of_contact, description="Draft help")
    support_note_add(request=request, author=point_of_contact, body="Tuesday suits us")
    data = user_data_export(user=point_of_contact)
    (exported,) = data["support_requests"]
    assert exported["description"] == "Draft help" and exported["notes"][0]["body"] == "Tuesday suits us"
    assert user_data_export(user=representative)["support_notes"] == []


@pytest.mark.parametrize("model", ["serviceoffer", "representative", "supportrequest", "partner", "engagement"])
def test_staff_manage_the_support_models_in_the_admin_with_filters(client, representative, member, model):
    SupportRequestFactory(member=member)
    client.force_login(representative)
    response = client.get(reverse(f"admin:support_{model}_changelist") + "?q=a")
    assert response.status_code == 200 and 'id="changelist-filter"' in response.content.decode()
