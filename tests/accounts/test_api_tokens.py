"""API tokens: stored as digests, expiring, replaced by a new one, and revoked whenever what they were
issued under changes (password, role, the account itself)."""

from datetime import timedelta
from io import StringIO
from unittest import mock

import pytest
from axes.utils import reset as axes_reset
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from knox.models import AuthToken
from rest_framework.test import APIClient

from accounts.models import User
from accounts.privacy import user_delete_account
from accounts.services import user_set_role
from tests.accounts.test_accounts import _link
from tests.conftest import require
from tests.factories import UserFactory
from tests.factories.accounts import DEFAULT_PASSWORD
from tests.factories.irm_reports import ReportFactory, ResearcherAssignmentFactory

pytestmark = pytest.mark.django_db
NEW_PASSWORD = "a-new-passphrase-77"


@pytest.fixture(autouse=True)
def _no_lockout():
    axes_reset()
    yield
    axes_reset()


def _token(user, password=DEFAULT_PASSWORD) -> str:
    """A read-write token: _works() writes with it."""
    credentials = {"email": user.email, "password": password, "scope": "read_write"}
    response = APIClient().post("/api/v1/auth/token/", credentials, format="json")
    assert response.status_code == 200, response.json()
    return response.json()["token"]


def _works(token: str) -> bool:
    """The token authenticates: a signed-in-only write answers 400 (bad input), not 401."""
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    status = api.post("/api/v1/proposals/", {}, format="json").status_code
    assert status in (400, 401), status
    return status == 400


def test_a_token_is_stored_only_as_a_digest_and_expires(settings):
    """Someone reading the database (a backup, an SQL injection) finds no usable token; a token stops
    working after API_TOKEN_TTL_DAYS."""
    user = UserFactory()
    token = _token(user)
    assert _works(token)
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM knox_authtoken")
        assert not any(token in str(value) for row in cursor.fetchall() for value in row)
    stored = AuthToken.objects.get(user=user)
    assert timedelta(days=29) < stored.expiry - timezone.now() <= timedelta(days=30)
    AuthToken.objects.filter(user=user).update(expiry=timezone.now() - timedelta(seconds=1))
    assert not _works(token)


def test_a_new_token_replaces_the_previous_one():
    user = UserFactory()
    first = _token(user)
    second = _token(user)
    assert first != second
    assert not _works(first) and _works(second)


def test_changing_the_password_revokes_the_tokens(client):
    user = UserFactory()
    token = _token(user)
    client.force_login(user)
    client.post(
        reverse("account_change_password"),
        {"oldpassword": DEFAULT_PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert not _works(token)


def test_resetting_the_password_by_email_revokes_the_tokens(client, mailoutbox, django_capture_on_commit_callbacks):
    user = UserFactory(email="reset-token@example.org")
    token = _token(user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_reset_password"), {"email": user.email})
    response = client.get(_link(mailoutbox[0]), follow=True)
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else _link(mailoutbox[0])
    client.post(form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert not _works(token)


def test_a_password_changed_in_the_admin_revokes_the_tokens(client):
    user = UserFactory()
    token = _token(user)
    client.force_login(User.objects.create_superuser(email="root@example.org", password=DEFAULT_PASSWORD))
    response = client.post(
        reverse("admin:auth_user_password_change", args=[user.pk]),
        {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD, "usable_password": "true"},
    )
    assert response.status_code == 302
    assert not _works(token)


def test_ensure_superuser_setting_a_new_password_revokes_the_tokens(monkeypatch):
    root = UserFactory(is_staff=True, is_superuser=True)
    token = _token(root)
    monkeypatch.setenv("DJANGO_SUPERUSER_EMAIL", root.email)
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", NEW_PASSWORD)
    call_command("ensure_superuser", stdout=StringIO())
    root.refresh_from_db()
    assert root.check_password(NEW_PASSWORD) and not _works(token)


def test_changepassword_revokes_the_tokens():
    user = UserFactory()
    token = _token(user)
    with mock.patch("getpass.getpass", return_value=NEW_PASSWORD):
        call_command("changepassword", user.email, stdout=StringIO())
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD) and not _works(token)


def test_a_password_saved_by_any_code_revokes_the_tokens_but_not_a_hash_upgraded_at_sign_in(settings):
    """set_password() or set_unusable_password() then save() is a new password; the stronger hash Django
    writes when someone signs in with an old one is the same password."""
    user = UserFactory()
    token = _token(user)
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher", *settings.PASSWORD_HASHERS]
    assert user.check_password(DEFAULT_PASSWORD)  # what signing in does: the hash is upgraded and saved
    user.refresh_from_db()
    assert user.password.startswith("pbkdf2_sha1$") and _works(token)

    user.set_password(NEW_PASSWORD)
    user.save()
    assert not _works(token)
    token = _token(user, NEW_PASSWORD)
    user.set_unusable_password()
    user.save(update_fields=["password"])
    assert not _works(token)


def test_removing_a_researchers_role_revokes_their_token():
    """A researcher's token does not outlive the role: not even the published reports' API sees them as
    a researcher again, since the token no longer signs them in."""
    researcher = UserFactory(researcher=True)
    report = ReportFactory()
    ResearcherAssignmentFactory(action_plan=report.action_plan, researcher=researcher)
    token = _token(researcher)
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert api.get(f"/api/v1/reports/{report.pk}/").status_code == 200
    user_set_role(user=researcher, role=User.Role.PARTICIPANT)
    assert api.get(f"/api/v1/reports/{report.pk}/").status_code == 401
    unchanged = UserFactory(researcher=True)
    kept = _token(unchanged)
    user_set_role(user=unchanged, role=User.Role.IRM_RESEARCHER)  # saved again, same role: the token stays
    assert _works(kept)


def test_deleting_the_account_revokes_the_tokens():
    user = UserFactory()
    token = _token(user)
    user_delete_account(user=user)
    assert not _works(token)


def test_the_upgrade_drops_the_clear_text_tokens_of_drf():
    """A database upgraded from DRF's tokens keeps no clear-text key: migration accounts 0007, run on a database
    holding DRF's table, its migration record and its content type, drops them all (in the test's transaction:
    PostgreSQL's DDL is transactional)."""
    require(connection.vendor == "postgresql", "needs PostgreSQL's transactional DDL (set DATABASE_URL)")
    from django.contrib.contenttypes.models import ContentType
    from django.db.migrations.loader import MigrationLoader

    loader = MigrationLoader(connection)
    key = ("accounts", "0007_drop_drf_authtoken")
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE authtoken_token (key varchar(40) PRIMARY KEY, user_id bigint NOT NULL)")
        cursor.execute("INSERT INTO authtoken_token VALUES ('0123456789abcdef0123456789abcdef01234567', 1)")
        cursor.execute(
            "INSERT INTO django_migrations (app, name, applied) VALUES ('authtoken', '0001_initial', %s)",
            [timezone.now()],
        )
    ContentType.objects.get_or_create(app_label="authtoken", model="token")
    state = loader.project_state(key, at_end=False)
    with connection.schema_editor(atomic=False) as editor:
        loader.get_migration(*key).apply(state, editor)
    assert "authtoken_token" not in connection.introspection.table_names()
    assert not ContentType.objects.filter(app_label="authtoken").exists()
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM django_migrations WHERE app = 'authtoken'")
        assert cursor.fetchone()[0] == 0
