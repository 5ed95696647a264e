"""The personal-data registry: every app declares what it holds about a person, and accounts asks them all."""

import ast
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.urls import reverse

from accounts import privacy
from accounts.models import User
from accounts.services import user_set_role
from irm_reports.models import ResearcherAssignment
from tests.factories import ProgressUpdateFactory, UserFactory
from tests.factories.accounts import DEFAULT_PASSWORD
from tests.factories.irm_reports import ResearcherAssignmentFactory

pytestmark = pytest.mark.django_db

ACCOUNT_SECTIONS = ["exported_at", "account", "email_addresses", "memberships", "organisations"]
CONSULTATION_SECTIONS = [
    "proposals", "comments", "supports", "follows", "flags", "proposal_translations", "comment_translations"
]  # fmt: skip
DRAFTING_SECTIONS = [
    "paragraph_comments", "amendments", "amendment_supports", "paragraph_comment_supports", "draft_reviews",
    "paragraph_comment_flags",
]  # fmt: skip
NOTIFICATION_SECTIONS = ["notifications", "notification_preferences", "notification_digests"]


@pytest.fixture
def extra_hook(monkeypatch):
    """Register a hook for one test only."""

    def add(**kwargs):
        monkeypatch.setitem(privacy._hooks, "elsewhere", privacy.PersonalDataHook("elsewhere", **kwargs))

    return add


def test_every_foreign_key_to_the_user_model_is_declared_once():
    """A new model pointing at a user fails here until its app says, in its personal-data hook, whether
    it exports and erases it (`covers`) or why it is kept (`keeps`); a stale declaration fails too."""
    declared = privacy.declared_user_references()
    assert sorted(privacy.user_references() - declared.keys()) == [], "undeclared: add them to the app's hook"
    assert sorted(declared.keys() - privacy.user_references()) == [], "declared, but no such foreign key"
    assert {label: names for label, names in declared.items() if len(names) > 1} == {}
    reasons = {**privacy.ACCOUNT_KEEPS}
    for hook in privacy.registered_hooks():
        reasons.update(hook.keeps)
    assert all(len(reason) > 20 for reason in reasons.values())
    assert "consultations.Proposal.author" in declared  # a history table's copy follows its model


def test_accounts_imports_no_app_above_it():
    tree = ast.parse(Path(privacy.__file__).read_text())
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)} | {
        a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names
    }
    assert not {m for m in imported if m.split(".")[0] in {"commitments", "consultations", "irm_reports"}}


def test_the_download_has_the_account_sections_then_each_apps():
    data = privacy.user_data_export(user=UserFactory())
    apps = [
        *NOTIFICATION_SECTIONS, "progress_updates", "followed_commitments", "institution_contacts",
        *CONSULTATION_SECTIONS, "irm_assignments",
        "grant_applications",
        "support_requests", "support_notes", "monitoring_reports", "monitoring_flags", *DRAFTING_SECTIONS,
        "exchange_requests",
    ]  # fmt: skip
    assert list(data) == [*ACCOUNT_SECTIONS, *apps]
    assert all(data[name] == [] for name in apps)


def test_two_apps_cannot_export_the_same_section(extra_hook):
    extra_hook(export=lambda user: {"proposals": []})
    with pytest.raises(ImproperlyConfigured, match="proposals"):
        privacy.user_data_export(user=UserFactory())


def test_a_reason_given_by_an_app_stops_the_deletion(client, extra_hook):
    """The page shows the app's reason instead of the form; a forced POST deletes nothing."""
    extra_hook(blockers=lambda user: ["Your forum seat is handed over first."])
    person = UserFactory()
    client.force_login(person)
    page = client.get(reverse("profile-delete")).content.decode()
    assert "Your forum seat is handed over first." in page and 'name="password"' not in page
    response = client.post(reverse("profile-delete"), {"password": DEFAULT_PASSWORD})
    assert response.status_code == 200 and "Your forum seat is handed over first." in response.content.decode()
    with pytest.raises(ValidationError):
        privacy.user_delete_account(user=person)
    person.refresh_from_db()
    assert person.is_active and person.deleted_at is None


def test_an_app_erasure_runs_inside_the_deletion_transaction(extra_hook):
    """It sees the locked account before it is anonymised; if it fails, nothing is deleted."""
    seen = []

    def erase(user):
        seen.append((user.email, user.is_active))
        raise RuntimeError("storage down")

    extra_hook(erase=erase)
    person = UserFactory(email="kept@example.org")
    with pytest.raises(RuntimeError):
        privacy.user_delete_account(user=person)
    person.refresh_from_db()
    assert seen == [("kept@example.org", True)] and person.is_active and person.email == "kept@example.org"


def test_a_former_researcher_finds_their_work_in_the_download_and_leaves_it_unnamed(participant):
    """Progress updates they wrote and plans they were assigned to are in the download; once their role
    is changed they can delete: the assignment left behind is removed, the progress update stays public
    without their name."""
    update = ProgressUpdateFactory(author=participant, text="Budget published on time.")
    researcher = UserFactory(researcher=True, full_name="Ines Ortega")
    assignment = ResearcherAssignmentFactory(researcher=researcher)
    ProgressUpdateFactory(author=researcher)

    data = privacy.user_data_export(user=participant)
    assert [u["progress"] for u in data["progress_updates"]] == ["Budget published on time."]
    assert data["irm_assignments"] == []
    assert [a["action_plan_id"] for a in privacy.user_data_export(user=researcher)["irm_assignments"]] == [
        assignment.action_plan_id
    ]

    assert privacy.user_deletion_blockers(researcher)  # hands over first
    user_set_role(user=researcher, role=User.Role.PARTICIPANT)
    assert privacy.user_deletion_blockers(researcher) == []
    privacy.user_delete_account(user=researcher)
    assert not ResearcherAssignment.objects.filter(researcher=researcher).exists()
    researcher.refresh_from_db()
    assert researcher.progress_updates.count() == 1 and researcher.public_name == "Deleted participant"
    privacy.user_delete_account(user=participant)
    update.refresh_from_db()
    assert update.author == participant and update.text == "Budget published on time."
