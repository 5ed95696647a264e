"""Naming an organisation at sign-up is a request, until a member of it or the support unit confirms it."""

import importlib

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from accounts.models import Organisation, User
from accounts.privacy import user_data_export
from consultations.forms.participation import ProposalForm
from consultations.models import Proposal
from consultations.services import proposal_create
from tests.factories import UserFactory
from tests.factories.accounts import OrganisationFactory
from tests.factories.consultations import ConsultationFactory

pytestmark = pytest.mark.django_db

TEXT = {"title": "Publish district agendas", "problem": "Too late.", "solution": "A week ahead."}


@pytest.fixture
def organisation(db):
    return OrganisationFactory(name="Vecinos de Lavapiés")


@pytest.fixture
def member_of_it(organisation):
    return UserFactory(full_name="Amina Bello", member_of=organisation, language="fr")


def _signup(client, organisation_name, email="intruder@example.org", full_name="Ivan Truder"):
    client.post(
        reverse("account_signup"),
        {
            "email": email,
            "password1": "a-strong-passphrase-42",
            "password2": "a-strong-passphrase-42",
            "full_name": full_name,
            "organisation_name": organisation_name,
        },
    )
    return User.objects.get(email=email)


def test_typing_an_organisations_name_at_sign_up_does_not_let_anyone_speak_for_it(
    client, organisation, member_of_it, plan, mailoutbox, django_capture_on_commit_callbacks
):
    """The new account asks to join; it cannot submit in the organisation's name, on the page or the API."""
    with django_capture_on_commit_callbacks(execute=True):
        intruder = _signup(client, "vecinos de lavapiés")
    assert intruder.organisation == organisation and intruder.organisation_pending
    assert intruder.confirmed_organisation is None
    consultation = ConsultationFactory(action_plan=plan)
    assert "on_behalf" not in ProposalForm(consultation=consultation, user=intruder).fields
    with pytest.raises(ValidationError, match="your own organisation"):
        proposal_create(consultation=consultation, author=intruder, organisation=organisation, **TEXT)

    intruder.emailaddress_set.update(verified=True)
    client.force_login(intruder)
    create = client.get(reverse("consultations:proposal-create", args=[consultation.pk]))
    key = create.context["form"].initial["submission_key"]
    data = {**TEXT, "expected_results": "", "website": "", "submission_key": key, "on_behalf": "on"}
    client.post(reverse("consultations:proposal-create", args=[consultation.pk]), data)
    proposal = Proposal.objects.get()
    client.post(reverse("consultations:proposal-submit", args=[proposal.pk]))
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.SUBMITTED and proposal.organisation is None
    client.logout()
    assert organisation.name not in client.get(proposal.get_absolute_url()).content.decode()
    api = client.get(f"/api/v1/proposals/{proposal.pk}/").json()
    assert api["author"] == "Ivan Truder"

    # The organisation's confirmed member is asked, in their language.
    asked = [m for m in mailoutbox if m.to == [member_of_it.email]]
    assert len(asked) == 1 and asked[0].body.startswith("Bonjour Amina,")
    assert "intruder@example.org" in asked[0].body and "/accounts/profile/organisation/" in asked[0].body


def test_a_new_organisation_waits_for_the_support_unit(
    client, staff_user, mailoutbox, django_capture_on_commit_callbacks
):
    """Nobody confirms themselves: the founder of a new organisation is confirmed by the support unit."""
    with django_capture_on_commit_callbacks(execute=True):
        founder = _signup(client, "Open Kaduna")
    assert founder.organisation.name == "Open Kaduna" and founder.organisation_pending
    assert [m.to for m in mailoutbox if "Open Kaduna" in m.subject] == [[staff_user.email]]


def test_a_confirmed_member_confirms_a_request_and_the_person_is_told(
    client, organisation, member_of_it, mailoutbox, django_capture_on_commit_callbacks
):
    requester = UserFactory(asking_to_join=organisation, language="fr", full_name="Nadia Roux")
    client.force_login(member_of_it)
    page = client.get(reverse("profile-organisation")).content.decode()
    assert requester.email in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("profile-organisation-decide", args=[requester.pk]), {"decision": "confirm"})
    assert response.status_code == 302
    requester.refresh_from_db()
    assert requester.confirmed_organisation == organisation and requester.organisation_confirmed_by == member_of_it
    assert [m.to for m in mailoutbox] == [[requester.email]] and mailoutbox[0].body.startswith("Bonjour Nadia,")
    assert requester.email not in client.get(reverse("profile-organisation")).content.decode()


def test_a_refused_request_leaves_no_organisation_and_the_person_is_told(
    client, organisation, member_of_it, mailoutbox, django_capture_on_commit_callbacks
):
    requester = UserFactory(asking_to_join=organisation)
    client.force_login(member_of_it)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("profile-organisation-decide", args=[requester.pk]), {"decision": "refuse"})
    requester.refresh_from_db()
    assert requester.organisation is None and requester.confirmed_organisation is None
    assert [m.to for m in mailoutbox] == [[requester.email]] and organisation.name in mailoutbox[0].body


@pytest.mark.parametrize("who", ["the requester", "a pending member", "a member of another organisation", "anyone"])
def test_only_a_confirmed_member_of_that_organisation_decides(client, organisation, who):
    requester = UserFactory(asking_to_join=organisation)
    deciders = {
        "the requester": requester,
        "a pending member": UserFactory(asking_to_join=organisation),
        "a member of another organisation": UserFactory(member_of=OrganisationFactory()),
        "anyone": UserFactory(),
    }
    client.force_login(deciders[who])
    assert requester.email not in client.get(reverse("profile-organisation")).content.decode()
    response = client.post(reverse("profile-organisation-decide", args=[requester.pk]), {"decision": "confirm"})
    assert response.status_code == 404
    requester.refresh_from_db()
    assert requester.organisation_pending


def test_staff_confirm_in_the_admin(admin_client, organisation, mailoutbox, django_capture_on_commit_callbacks):
    requester = UserFactory(asking_to_join=organisation)
    changelist = reverse("admin:accounts_user_changelist")
    assert requester.email in admin_client.get(changelist, {"membership": "pending"}).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(changelist, {"action": "confirm_memberships", "_selected_action": [requester.pk]})
    requester.refresh_from_db()
    assert requester.confirmed_organisation == organisation and requester.organisation_confirmed_by.is_superuser
    assert [m.to for m in mailoutbox] == [[requester.email]]


def test_an_organisation_chosen_by_staff_in_the_admin_is_confirmed(admin_client, organisation):
    person = UserFactory()
    url = reverse("admin:accounts_user_change", args=[person.pk])
    form = admin_client.get(url).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None and name != "password"}
    data.update({"organisation": organisation.pk, "groups": [], "user_permissions": [], "date_joined_0": "2026-01-01"})
    data.update(
        {"date_joined_1": "00:00:00", "full_name": person.full_name, "email": person.email, "role": "participant"}
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    person.refresh_from_db()
    assert person.confirmed_organisation == organisation


def test_the_data_download_lists_the_membership_and_its_state(organisation):
    pending = user_data_export(user=UserFactory(asking_to_join=organisation))
    confirmed = user_data_export(user=UserFactory(member_of=organisation))
    assert [(m["organisation"], m["status"]) for m in pending["memberships"]] == [
        ("Vecinos de Lavapiés", "awaiting confirmation")
    ]
    assert [(m["organisation"], m["status"]) for m in confirmed["memberships"]] == [
        ("Vecinos de Lavapiés", "confirmed")
    ]
    assert confirmed["memberships"][0]["confirmed_at"]


def test_memberships_recorded_before_confirmation_existed_stay_confirmed(organisation):
    """They were set by the support unit and the demo data before the launch."""
    from django.apps import apps

    migration = importlib.import_module("accounts.migrations.0006_organisation_membership")
    earlier = UserFactory(asking_to_join=organisation)
    User.objects.filter(pk=earlier.pk).update(organisation_requested_at=None)
    migration.confirm_existing_memberships(apps, None)
    earlier.refresh_from_db()
    assert earlier.confirmed_organisation == organisation and earlier.organisation_requested_at
    assert Organisation.objects.count() == 1 and earlier.organisation_confirmed_at <= timezone.now()


def test_the_requests_page_costs_the_same_queries_whatever_the_number_of_requests(client, organisation, member_of_it):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(member_of_it)

    def queries() -> int:
        with CaptureQueriesContext(connection) as context:
            assert client.get(reverse("profile-organisation")).status_code == 200
        return len(context)

    UserFactory(asking_to_join=organisation)
    one = queries()
    UserFactory.create_batch(6, asking_to_join=organisation)
    assert queries() == one
