"""A participant's data: “Download my data”, and deleting the account without losing what was made public."""

import json
import os

import pytest
from allauth.account.models import EmailAddress
from django.apps import apps
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.urls import reverse
from knox.models import AuthToken

from accounts.models import User
from accounts.privacy import user_delete_account
from common.models import OutgoingEmail
from consultations.models import Follow, Proposal, ProposalAttachment, Support
from tests.factories import OrganisationFactory, UserFactory
from tests.factories.accounts import DEFAULT_PASSWORD
from tests.factories.consultations import CommentFactory, ConsultationFactory, FlagFactory, ProposalFactory

pytestmark = pytest.mark.django_db

NAME = "Zebulon Quackenbush"
EMAIL = "zebulon.quackenbush@example.org"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def person(db):
    return UserFactory(
        email=EMAIL, full_name=NAME, organisation=OrganisationFactory(name="Residents of Lavapiés"), language="es"
    )


@pytest.fixture
def footprint(person, plan):
    """Everything a participant leaves: a public proposal, a draft with an upload, a comment, a support,
    a follow, a flag, an API token, an e-mail in the outbox and a line about them in the admin's log."""
    consultation = ConsultationFactory(action_plan=plan)
    public = ProposalFactory(consultation=consultation, author=person, draft=True, title="Open the district budgets")
    public.status, public.submitted_at = Proposal.Status.SUBMITTED, public.created_at
    public.save()
    draft = ProposalFactory(consultation=consultation, author=person, draft=True, title="Half-written idea")
    ProposalAttachment.objects.create(
        proposal=draft,
        file=SimpleUploadedFile("notes.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf"),
        original_name="notes.pdf",
        content_type="application/pdf",
        size=15,
    )
    others = ProposalFactory(consultation=consultation, title="Someone else's idea")
    CommentFactory(proposal=others, author=person, body="I agree with this entirely.")
    Support.objects.create(proposal=others, user=person)
    Proposal.objects.filter(pk=others.pk).update(support_count=1)
    Follow.objects.create(proposal=others, user=person)
    FlagFactory(proposal=others, user=person, note="Looks like spam to me.")
    AuthToken.objects.create(user=person)
    OutgoingEmail.objects.create(to=[EMAIL], subject="Welcome", body_text=f"Hello {NAME}")
    LogEntry.objects.create(  # support staff changed the account in the admin
        user=UserFactory(staff=True),
        content_type=ContentType.objects.get_for_model(User),
        object_id=str(person.pk),
        object_repr=str(person),
        action_flag=CHANGE,
    )
    return {"public": public, "draft": draft, "others": others}


def test_download_my_data_returns_everything_about_the_person(client, person, footprint):
    """A JSON file with the account, organisation, proposals with drafts and uploads, comments,
    supports, follows and flags; another person's data is not in it."""
    ProposalFactory(consultation=footprint["public"].consultation, title="Not mine at all")
    assert client.get(reverse("profile-data")).status_code == 302  # sign in first
    client.force_login(person)
    assert reverse("profile-data") in client.get(reverse("profile")).content.decode()
    response = client.get(reverse("profile-data"))
    assert response.status_code == 200 and response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["account"]["email"] == EMAIL and data["account"]["full_name"] == NAME
    assert data["account"]["api_token_created_at"] and data["account"]["language_of_emails"] == "es"
    assert data["account"]["api_token_scope"] == "read_write"  # a token made before scopes, as this one
    assert [a["email"] for a in data["email_addresses"]] == [EMAIL]
    assert [o["name"] for o in data["organisations"]] == ["Residents of Lavapiés"]
    by_title = {p["title"]: p for p in data["proposals"]}
    assert set(by_title) == {"Open the district budgets", "Half-written idea"}
    assert by_title["Half-written idea"]["status"] == "draft"
    assert by_title["Half-written idea"]["uploads"][0]["file_name"] == "notes.pdf"
    assert [c["body"] for c in data["comments"]] == ["I agree with this entirely."]
    assert [s["proposal"] for s in data["supports"]] == ["Someone else's idea"]
    assert [f["proposal"] for f in data["follows"]] == ["Someone else's idea"]
    assert [f["details"] for f in data["flags"]] == ["Looks like spam to me."]
    assert "Not mine at all" not in response.content.decode()


def _rows_mentioning(text: str) -> list[str]:
    """Every row of every table (history included) with `text` in a text, e-mail or JSON column."""
    found = []
    for model in apps.get_models():
        fields = [
            f.name
            for f in model._meta.concrete_fields
            if isinstance(f, models.CharField | models.TextField | models.JSONField)
        ]
        if not fields:
            continue
        query = models.Q()
        for name in fields:
            query |= models.Q(**{f"{name}__icontains": text})
        found += [
            f"{model._meta.label} #{pk}" for pk in model._default_manager.filter(query).values_list("pk", flat=True)
        ]
    return found


def _assert_public_work_shows_a_deleted_participant(client, footprint) -> None:
    """The pages, the API and the open data show the person's public work without their name or address."""
    public = footprint["public"]
    detail = client.get(public.get_absolute_url()).content.decode()
    assert "Open the district budgets" in detail and "Deleted participant" in detail
    others_page = client.get(footprint["others"].get_absolute_url()).content.decode()
    assert "I agree with this entirely." in others_page and "Deleted participant" in others_page
    api = client.get(reverse("api:proposal-detail", args=[public.pk])).json()
    assert api["author"] == "Deleted participant"
    comments = client.get(reverse("api:proposal-comments", args=[footprint["others"].pk])).json()
    assert [c["author"] for c in comments["results"]] == ["Deleted participant"]
    for url in (
        reverse("consultations:proposal-list"),
        reverse("api:proposal-list"),
        reverse("commitments:open-data-json"),
        reverse("commitments:open-data-csv"),
    ):
        body = client.get(url)
        text = b"".join(body.streaming_content) if body.streaming else body.content
        assert NAME.encode() not in text and EMAIL.encode() not in text


def test_deleting_the_account_keeps_public_work_under_a_deleted_participant(
    client, person, footprint, django_capture_on_commit_callbacks
):
    """After confirming with the password: signed out, unable to sign in again; the submitted proposal
    and the comment stay, as by a “Deleted participant”, in the pages and the API; no table keeps the
    old name or e-mail address (history included); drafts, uploads, supports, follows, flags, e-mail
    addresses, tokens and sessions are gone."""
    other_device = type(client)()
    assert (
        other_device.post(reverse("account_login"), {"login": EMAIL, "password": DEFAULT_PASSWORD}).status_code == 302
    )
    assert other_device.get(reverse("profile")).status_code == 200
    client.force_login(person)
    page = client.get(reverse("profile-delete"))
    assert page.status_code == 200 and 'name="password"' in page.content.decode()
    assert f'href="{reverse("profile-data")}"' in page.content.decode()  # a copy can be kept first
    attachment_path = footprint["draft"].attachments.get().file.path

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("profile-delete"), {"password": DEFAULT_PASSWORD})

    assert response.status_code == 302 and response.url == reverse("home")
    assert client.get(reverse("profile")).status_code == 302  # signed out here…
    assert other_device.get(reverse("profile")).status_code == 302  # …and everywhere else
    assert not [s for s in Session.objects.all() if s.get_decoded().get("_auth_user_id") == str(person.pk)]
    person.refresh_from_db()
    assert not person.is_active and person.deleted_at and not person.has_usable_password()
    assert person.email.endswith("@deleted.invalid") and person.full_name == ""

    _assert_public_work_shows_a_deleted_participant(client, footprint)
    assert _rows_mentioning(EMAIL) == [] and _rows_mentioning(NAME) == []
    assert not Proposal.objects.filter(pk=footprint["draft"].pk).exists()
    assert not Proposal.history.filter(id=footprint["draft"].pk).exists()
    assert not Proposal.history.filter(title="Half-written idea").exists()
    assert list(Proposal.history.filter(id=footprint["public"].pk).values_list("status", flat=True)) == ["submitted"]
    assert User.history.filter(id=person.pk).exclude(email=person.email).count() == 0
    for model in (Support, Follow, EmailAddress, AuthToken):
        assert not model.objects.filter(user=person).exists()
    assert not person.flags.exists()
    footprint["others"].refresh_from_db()
    assert footprint["others"].support_count == 0
    assert not ProposalAttachment.objects.filter(proposal_id=footprint["draft"].pk).exists()
    assert not os.path.exists(attachment_path)
    again = client.post(reverse("account_login"), {"login": EMAIL, "password": DEFAULT_PASSWORD})
    assert again.status_code == 200 and client.get(reverse("profile")).status_code == 302


def test_a_wrong_password_deletes_nothing(client, person):
    client.force_login(person)
    response = client.post(reverse("profile-delete"), {"password": "not-my-password"})
    assert response.status_code == 200 and "This is not your password." in response.content.decode()
    person.refresh_from_db()
    assert person.is_active and person.email == EMAIL


@pytest.mark.parametrize("role", ["point_of_contact", "researcher", "staff"])
def test_points_of_contact_researchers_and_staff_hand_over_before_deleting(client, member, role):
    """They are told to ask the support unit to change their role; a forced POST changes nothing."""
    user = {
        "point_of_contact": lambda: UserFactory(point_of_contact_of=member),
        "researcher": lambda: UserFactory(researcher=True),
        "staff": lambda: UserFactory(staff=True),
    }[role]()
    client.force_login(user)
    page = client.get(reverse("profile-delete")).content.decode()
    assert "ask the support unit to change your role" in page and 'name="password"' not in page
    response = client.post(reverse("profile-delete"), {"password": DEFAULT_PASSWORD})
    assert response.status_code == 200 and "ask the support unit to change your role" in response.content.decode()
    user.refresh_from_db()
    assert user.is_active and user.deleted_at is None


def test_deleting_twice_changes_nothing(person):
    first = user_delete_account(user=person)
    again = user_delete_account(user=person)
    assert again.email == first.email and again.deleted_at == first.deleted_at
