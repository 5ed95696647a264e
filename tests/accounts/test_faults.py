"""Faults: the database connection dies in the middle of a request."""

import pytest
from django.db import connection
from django.urls import reverse

from accounts.models import Organisation
from commitments.models import Commitment
from commitments.services import plans as services  # commitment writes look organisations up here
from tests.conftest import raw_postgres, require
from tests.factories import ActionPlanFactory, MemberFactory, UserFactory

pytestmark = pytest.mark.integration


def _kill_this_connection():
    """Terminate the request's own database session from another connection, as a failover would."""
    pid = connection.connection.get_backend_pid()
    killer = raw_postgres()
    with killer.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
    killer.close()


def test_a_lost_connection_gives_a_503_writes_nothing_and_the_next_request_works(transactional_db, client, monkeypatch):
    require(connection.vendor == "postgresql", "needs PostgreSQL (set DATABASE_URL)")
    member = MemberFactory()
    plan = ActionPlanFactory(member=member)
    client.force_login(UserFactory(point_of_contact_of=member))
    original = services.organisation_for_name

    def lead_then_failover(**kwargs):
        organisation = original(**kwargs)  # written in the request's transaction...
        _kill_this_connection()  # ...which the database then loses
        return organisation

    monkeypatch.setattr(services, "organisation_for_name", lead_then_failover)
    response = client.post(
        reverse("commitments:workspace-commitment-create", args=[plan.pk]),
        {"number": "1", "title": "Lost in failover", "lead_institution_name": "Ministry of Half-Writes"},
    )
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "briefly unavailable" in response.content.decode()

    monkeypatch.setattr(services, "organisation_for_name", original)
    assert not Commitment.objects.filter(title="Lost in failover").exists()
    assert not Organisation.objects.filter(name="Ministry of Half-Writes").exists()
    assert client.get(plan.get_absolute_url()).status_code == 200


def test_the_api_answers_503_in_its_own_format(transactional_db, client, monkeypatch):
    require(connection.vendor == "postgresql", "needs PostgreSQL (set DATABASE_URL)")
    from commitments import selectors

    original = selectors.member_api_rows

    def failing():
        _kill_this_connection()
        return original()

    monkeypatch.setattr(selectors, "member_api_rows", failing)
    response = client.get("/api/v1/members/")
    assert response.status_code == 503 and response.json()["code"] == "unavailable"
    monkeypatch.setattr(selectors, "member_api_rows", original)
    assert client.get("/api/v1/members/").status_code == 200
