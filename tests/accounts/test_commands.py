import csv
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from accounts.models import User
from commitments.models import ActionPlan, Commitment, Member, Milestone, ProgressUpdate

pytestmark = pytest.mark.django_db
LOCAL_MEMBERS = Path(__file__).resolve().parents[2] / "partnership" / "data" / "local_members.csv"


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


def test_seed_demo_loads_every_member_and_is_idempotent():
    _run("seed_demo", "--password", "demo-pass-123")
    counts = [
        Member.objects.count(),
        ActionPlan.objects.count(),
        Commitment.objects.count(),
        Milestone.objects.count(),
        ProgressUpdate.objects.count(),
        User.objects.count(),
    ]
    _run("seed_demo")
    assert [
        Member.objects.count(),
        ActionPlan.objects.count(),
        Commitment.objects.count(),
        Milestone.objects.count(),
        ProgressUpdate.objects.count(),
        User.objects.count(),
    ] == counts

    with open(LOCAL_MEMBERS, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    local = Member.objects.filter(kind="local")
    assert local.count() == len(rows) == 103
    assert set(local.values_list("name_fr", flat=True)) == {r["name_fr"] for r in rows}
    for name in ("Tbilissi", "Makhanda", "Montevideo"):
        member = local.get(name_fr=name)
        assert member.parent is not None and member.parent.country == member.country
    assert Member.objects.get(slug="hungary").status == "withdrawn"
    assert Member.objects.filter(kind="national", status="active").count() >= 75

    madrid = Member.objects.get(slug="madrid")
    assert madrid.action_plans.filter(status="co_creation").exists()
    assert Commitment.objects.filter(title__icontains="lobbyists", action_plan__member=madrid).exists()
    assert Commitment.objects.filter(title__icontains="Kaduna Citizen Feedback").exists()
    contact = User.objects.get(email="contact.madrid@demo.ogp.example")
    assert contact.member == madrid and contact.check_password("demo-pass-123")
