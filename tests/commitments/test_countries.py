"""Members whose country is outside ISO 3166 (Kosovo, XK) or unknown: every page, filter, API and download."""

import csv
import io
import json

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from tests.factories import CommitmentFactory, MemberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def kosovo_commitment():
    kosovo = MemberFactory(name="Kosovo", slug="kosovo", country="XK")
    return CommitmentFactory(action_plan__member=kosovo, title="Open assembly data")


@pytest.fixture
def codeless_commitment():
    """A territory without any country code: an OGP member of kind "other"."""
    territory = MemberFactory(name="Territory", slug="territory", kind="other", country="")
    return CommitmentFactory(action_plan__member=territory, title="Open territorial budget")


def test_api_lists_answer_with_kosovo_code_and_name(kosovo_commitment):
    """The cached API answers Kosovo's code and name instead of a server error."""
    api = APIClient()
    for _attempt in range(2):  # a miss, then a hit of the cache
        members = api.get("/api/v1/members/")
        assert members.status_code == 200
        row = members.json()["results"][0]
        assert (row["country"], row["country_name"]) == ("XK", "Kosovo")
        commitments = api.get("/api/v1/commitments/")
        assert commitments.status_code == 200
        assert commitments.json()["results"][0]["member"]["country"] == "XK"


def test_api_filters_by_kosovo(kosovo_commitment):
    CommitmentFactory(action_plan__member__country="FR")
    api = APIClient()
    commitments = api.get("/api/v1/commitments/", {"country": "XK"})
    assert commitments.status_code == 200
    assert [c["id"] for c in commitments.json()["results"]] == [kosovo_commitment.pk]
    members = api.get("/api/v1/members/", {"country": "XK"})
    assert [m["name"] for m in members.json()["results"]] == ["Kosovo"]


def test_a_member_without_country_answers_an_empty_code(codeless_commitment):
    api = APIClient()
    row = api.get("/api/v1/members/").json()["results"][0]
    assert (row["country"], row["country_name"]) == ("", "")
    assert api.get("/api/v1/commitments/").json()["results"][0]["member"]["country"] == ""


def test_pages_show_kosovo_and_offer_it_in_the_country_filters(client, kosovo_commitment):
    members = client.get(reverse("commitments:member-list"), {"country": "XK"})
    assert members.status_code == 200
    assert [m.name for m in members.context["members"]] == ["Kosovo"]
    assert '<option value="XK" selected>Kosovo</option>' in members.content.decode()
    commitments = client.get(reverse("commitments:commitment-list"), {"country": "XK"})
    assert commitments.status_code == 200 and "Open assembly data" in commitments.content.decode()
    assert '<option value="XK" selected>Kosovo</option>' in commitments.content.decode()
    detail = client.get(kosovo_commitment.action_plan.member.get_absolute_url())
    assert detail.status_code == 200 and "Kosovo" in detail.content.decode()


def test_open_data_gives_the_codes(client, kosovo_commitment, codeless_commitment):
    raw = b"".join(client.get(reverse("commitments:open-data-csv")).streaming_content).decode()
    countries = {row["member"]: row["country"] for row in csv.DictReader(io.StringIO(raw))}
    assert countries == {"Kosovo": "XK", "Territory": ""}
    raw = b"".join(client.get(reverse("commitments:open-data-json")).streaming_content).decode()
    assert {row["member"]: row["country"] for row in json.loads(raw)} == {"Kosovo": "XK", "Territory": ""}


def test_admin_saves_a_member_of_kosovo(admin_client):
    from commitments.models import Member

    member = MemberFactory(name="Kosovo", slug="kosovo", country="XK")
    page = admin_client.get(reverse("admin:commitments_member_change", args=[member.pk]))
    assert page.status_code == 200
    assert '<option value="XK" selected>Kosovo</option>' in page.content.decode()
    listing = admin_client.get(reverse("admin:commitments_member_changelist"))
    assert listing.status_code == 200 and "Kosovo" in listing.content.decode()
    assert Member.objects.get(pk=member.pk).country.name == "Kosovo"


def test_the_irm_report_of_a_member_of_kosovo_renders_as_a_pdf():
    from irm_reports.pdf import report_pdf_bytes
    from tests.factories.irm_reports import complete_results_report

    kosovo = MemberFactory(name="Kosovo", slug="kosovo", country="XK")
    report = complete_results_report(commitments=2, action_plan__member=kosovo)
    assert report_pdf_bytes(report, "fr").startswith(b"%PDF")


def test_a_member_without_country_is_not_counted_as_a_country():
    from commitments.selectors import headline_figures

    MemberFactory(country="XK")
    MemberFactory(country="FR")
    MemberFactory(kind="other", country="")
    assert headline_figures()["countries"] == 2
