from io import StringIO

import pytest
from django.core.management import call_command

from accounts.models import User

pytestmark = pytest.mark.django_db


def _run(*args, **env):
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_superuser_is_created_with_a_printed_password(monkeypatch, client):
    monkeypatch.delenv("DJANGO_SUPERUSER_EMAIL", raising=False)
    monkeypatch.delenv("DJANGO_SUPERUSER_PASSWORD", raising=False)
    output = _run("ensure_superuser")
    email, password = output.split("Superuser created: ")[1].strip().split(" / ")
    user = User.objects.get(email=email)
    assert user.is_superuser and user.check_password(password)
    response = client.post("/admin/login/?next=/admin/", {"username": email, "password": password})
    assert response.status_code == 302 and response.url == "/admin/"
    assert client.get("/admin/").status_code == 200
    assert "exists" in _run("ensure_superuser")
    assert User.objects.filter(is_superuser=True).count() == 1


def test_superuser_honours_the_environment(monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_EMAIL", "Chief@Example.org")
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "a-chosen-passphrase")
    output = _run("ensure_superuser")
    assert "a-chosen-passphrase" not in output
    assert User.objects.get(email="chief@example.org").check_password("a-chosen-passphrase")
