"""Institution contacts: set by the member's point of contact, they post progress on their institutions'
commitments, and lose the rights the moment the link is removed."""

import pytest
from django.test import Client
from django.urls import reverse

from commitments import privacy
from commitments.models import InstitutionContact
from tests.factories import (
    ActionPlanFactory,
    CommitmentFactory,
    InstitutionContactFactory,
    InstitutionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

PROGRESS = {"reported_on": "2025-02-01", "completion": "substantial", "text": "Tender published."}


@pytest.fixture
def institution(member):
    return InstitutionFactory(member=member, name="Ministry of Finance")


@pytest.fixture
def led(member, institution):
    return CommitmentFactory(
        action_plan=ActionPlanFactory(member=member, implementing=True), lead_institution=institution
    )


def _contacts_url(member):
    return reverse("commitments:workspace-institution-contacts", args=[member.slug])


def test_the_point_of_contact_adds_a_contact_and_sees_it_listed(poc_client, member, institution, point_of_contact):
    person = UserFactory(email="ana@finance.example", full_name="Ana Ruiz")
    response = poc_client.post(
        _contacts_url(member), {"institution_name": "ministry of finance", "email": person.email}
    )
    assert response.status_code == 302
    contact = InstitutionContact.objects.get()
    assert (contact.institution, contact.user, contact.added_by) == (institution, person, point_of_contact)
    page = poc_client.get(_contacts_url(member)).content.decode()
    assert "Ana Ruiz" in page and "Ministry of Finance" in page
    assert contact.history.count() == 1


def test_an_unknown_address_or_a_second_link_is_refused_on_the_form(poc_client, member, institution):
    response = poc_client.post(_contacts_url(member), {"institution_name": institution.name, "email": "nobody@x.org"})
    assert response.status_code == 200 and "No active account uses this e-mail address" in response.content.decode()
    contact = InstitutionContactFactory(institution=institution)
    response = poc_client.post(
        _contacts_url(member), {"institution_name": institution.name, "email": contact.user.email}
    )
    assert response.status_code == 200 and "already a contact of this institution" in response.content.decode()
    assert InstitutionContact.objects.count() == 1


def test_the_contacts_page_costs_the_same_whatever_the_number_of_contacts(
    poc_client, member, institution, django_assert_max_num_queries
):
    InstitutionContactFactory(institution=institution)
    with django_assert_max_num_queries(30) as few:
        poc_client.get(_contacts_url(member))
    for _ in range(4):
        InstitutionContactFactory(institution=InstitutionFactory(member=member))
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert poc_client.get(_contacts_url(member)).status_code == 200


def test_a_contact_posts_progress_on_led_and_supported_commitments_until_removed(poc_client, member, led):
    contact = InstitutionContactFactory(institution=led.lead_institution)
    client = Client()
    supported = CommitmentFactory(action_plan=led.action_plan, number="2")
    supported.supporting_organisations.add(led.lead_institution)
    other = CommitmentFactory(
        action_plan=led.action_plan, number="3", lead_institution=InstitutionFactory(member=member)
    )
    client.force_login(contact.user)
    for commitment in (led, supported):
        url = reverse("commitments:workspace-progressupdate-create", args=[commitment.pk])
        response = client.post(url, PROGRESS)
        # The contact has no workspace: back to the commitment's public page.
        assert response.status_code == 302 and response.url == commitment.get_absolute_url()
        assert commitment.progress_updates.get().author == contact.user
    url = reverse("commitments:workspace-progressupdate-create", args=[other.pk])
    assert client.post(url, PROGRESS).status_code == 403
    assert client.get(led.action_plan.get_workspace_url()).status_code == 403

    poc_client.post(reverse("commitments:workspace-institution-contact-remove", args=[contact.pk]))
    assert not InstitutionContact.objects.exists()
    url = reverse("commitments:workspace-progressupdate-create", args=[led.pk])
    assert client.post(url, PROGRESS).status_code == 403
    assert led.progress_updates.count() == 1


def test_a_contact_posts_nothing_on_a_plan_that_is_not_being_implemented(client, member, institution):
    commitment = CommitmentFactory(action_plan=ActionPlanFactory(member=member), lead_institution=institution)
    client.force_login(InstitutionContactFactory(institution=institution).user)
    url = reverse("commitments:workspace-progressupdate-create", args=[commitment.pk])
    assert client.post(url, PROGRESS).status_code == 403


def test_another_members_point_of_contact_cannot_remove_a_contact(client, other_point_of_contact, institution):
    contact = InstitutionContactFactory(institution=institution)
    client.force_login(other_point_of_contact)
    assert (
        client.post(reverse("commitments:workspace-institution-contact-remove", args=[contact.pk])).status_code == 403
    )
    assert InstitutionContact.objects.filter(pk=contact.pk).exists()


def test_the_data_download_lists_the_links_and_deletion_removes_them(institution):
    contact = InstitutionContactFactory(institution=institution)
    exported = privacy.user_export(contact.user)["institution_contacts"]
    assert [row["institution"] for row in exported] == ["Ministry of Finance"]
    privacy.user_erase(contact.user)
    assert not InstitutionContact.objects.exists()


def test_a_contact_lists_the_commitments_its_institutions_lead_or_support_once_each(member, institution, led):
    from commitments.contact_selectors import contact_commitments

    contact = InstitutionContactFactory(institution=institution)
    implementing = led.action_plan
    supported = CommitmentFactory(action_plan=implementing, lead_institution=InstitutionFactory(member=member))
    supported.supporting_organisations.add(institution)
    both = CommitmentFactory(action_plan=implementing, lead_institution=institution)
    both.supporting_organisations.add(institution)
    CommitmentFactory(action_plan=implementing)  # neither led nor supported by the contact's institution
    drafting = CommitmentFactory(action_plan=ActionPlanFactory(member=member), lead_institution=institution)
    listed = list(contact_commitments(user=contact.user))
    assert sorted(c.pk for c in listed) == sorted([led.pk, supported.pk, both.pk])
    assert drafting not in listed
    assert list(contact_commitments(user=UserFactory())) == []
