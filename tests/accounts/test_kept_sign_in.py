"""A signed-in request reads its session and its person by statements written once (accounts/sessions.py,
accounts/backends.py): what a person notices is that signing in, staying signed in and being signed out work as
before, including across the change of the backends' names."""

from datetime import timedelta

import pytest
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts import backends, sessions
from common import compiled_models
from tests.factories import UserFactory
from tests.factories.accounts import DEFAULT_PASSWORD

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("sign_in_slate")]
FOLLOWS = "/api/v1/commitment-follows/"  # answers a signed-in person only


def _signed_in_client(user) -> Client:
    """Signed in by force_login: its session names the backend, as a sign-in writes it."""
    client = Client()
    client.force_login(user)
    return client


def test_the_web_sign_in_form_signs_in_for_the_next_requests():
    user = UserFactory()
    client = Client()
    client.post("/accounts/login/", {"login": user.email, "password": DEFAULT_PASSWORD})
    assert client.session[BACKEND_SESSION_KEY].startswith("accounts.backends.")
    for _ in range(3):
        response = client.get(FOLLOWS)
        assert response.status_code == 200
    assert client.get(FOLLOWS).wsgi_request.user == user


def test_session_and_person_are_read_by_kept_statements_with_the_same_queries(monkeypatch):
    for kept in (sessions._BY_KEY, backends._BY_ID):  # as in a new process
        monkeypatch.setattr(kept, "compiled", compiled_models._UNCOMPILED)
        monkeypatch.setattr(kept, "first", None)
    clients = [_signed_in_client(UserFactory()) for _ in range(3)]
    for client in clients:
        assert client.get(FOLLOWS).status_code == 200
    assert sessions._BY_KEY.compiled not in (None, compiled_models._UNCOMPILED)
    assert backends._BY_ID.compiled not in (None, compiled_models._UNCOMPILED)
    with CaptureQueriesContext(connection) as queries:
        response = clients[0].get(FOLLOWS)
    assert response.status_code == 200
    reads = [q["sql"] for q in queries.captured_queries if "django_session" in q["sql"] or "accounts_user" in q["sql"]]
    assert len(reads) == 2  # the session, then the person: one query each, as through the ORM
    if connection.vendor == "postgresql":
        assert all(sql.startswith("EXECUTE ") for sql in reads)


def test_an_expired_session_signs_out():
    user = UserFactory()
    client = _signed_in_client(user)
    assert client.get(FOLLOWS).status_code == 200
    Session.objects.filter(session_key=client.session.session_key).update(
        expire_date=timezone.now() - timedelta(seconds=1)
    )
    assert client.get(FOLLOWS).status_code in (401, 403)


def test_a_deleted_session_signs_out():
    client = _signed_in_client(UserFactory())
    assert client.get(FOLLOWS).status_code == 200
    Session.objects.all().delete()
    assert client.get(FOLLOWS).status_code in (401, 403)


def test_a_deactivated_person_is_signed_out_at_the_next_request():
    user = UserFactory()
    client = _signed_in_client(user)
    assert client.get(FOLLOWS).status_code == 200
    assert backends.ModelBackend().get_user(user.pk) == user
    user.is_active = False
    user.save(update_fields=["is_active"])
    assert backends.ModelBackend().get_user(user.pk) is None
    assert backends.AuthenticationBackend().get_user(user.pk) is None
    assert client.get(FOLLOWS).status_code in (401, 403)


def test_a_changed_password_signs_out_the_other_sessions():
    user = UserFactory()
    client = _signed_in_client(user)
    assert client.get(FOLLOWS).status_code == 200
    user.set_password("another-long-password")
    user.save(update_fields=["password"])
    assert client.get(FOLLOWS).status_code in (401, 403)


def _session_of(user, backend: str) -> str:
    store = SessionStore()
    store[SESSION_KEY], store[BACKEND_SESSION_KEY] = str(user.pk), backend
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    return store.session_key


def test_sessions_opened_under_the_replaced_backends_stay_signed_in():
    user, other = UserFactory(), UserFactory()
    keys = {
        _session_of(user, "django.contrib.auth.backends.ModelBackend"): user,
        _session_of(other, "allauth.account.auth_backends.AuthenticationBackend"): other,
    }
    for key, person in keys.items():
        client = Client()
        client.cookies["sessionid"] = key
        for _ in range(2):
            response = client.get(FOLLOWS)
            assert response.status_code == 200 and response.wsgi_request.user == person
    named = {sessions.SessionStore(key).load()[BACKEND_SESSION_KEY] for key in keys}
    assert named == {"accounts.backends.ModelBackend", "accounts.backends.AuthenticationBackend"}
