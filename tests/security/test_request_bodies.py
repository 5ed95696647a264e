"""Request bodies are refused by size before they are read: small for everyone, larger only where uploads go."""

import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from consultations.models import Proposal
from tests.consultations.files import pdf_bytes
from tests.factories import UserFactory
from tests.factories.consultations import ConsultationFactory, ProposalFactory

pytestmark = pytest.mark.django_db

MB = 1024 * 1024


def _padded_pdf(size: int) -> SimpleUploadedFile:
    """A valid PDF of about `size` bytes (a long subject in its metadata)."""
    return SimpleUploadedFile("large.pdf", pdf_bytes(padding=size), content_type="application/pdf")


def test_an_anonymous_post_claiming_a_gigabyte_is_refused_before_it_is_read(client):
    """The login page answers 413 with the portal's page at once: the body is never read nor spooled."""
    response = client.generic(
        "POST",
        "/accounts/login/",
        b"login=a",
        content_type="application/x-www-form-urlencoded",
        CONTENT_LENGTH=str(2**30),
    )
    assert response.status_code == 413
    page = response.content.decode()
    assert "Request too large" in page and "1.0\xa0GB" in page and "1.0\xa0MB" in page


def test_an_anonymous_multipart_body_over_the_small_limit_is_refused(client):
    response = client.post("/accounts/login/", {"login": "a@example.org", "file": _padded_pdf(2 * MB)})
    assert response.status_code == 413


def test_a_body_without_declared_length_is_refused_not_dropped(client):
    """Chunked transfer without Content-Length would reach the form as an empty body: 411 instead."""
    response = client.generic("POST", "/accounts/login/", b"", HTTP_TRANSFER_ENCODING="chunked")
    assert response.status_code == 411


def test_a_signed_in_participant_sends_attachments_larger_than_the_small_limit(client):
    """The proposal form takes several attachments: its limit comes from their size and number."""
    consultation = ConsultationFactory()
    client.force_login(UserFactory())
    url = reverse("consultations:proposal-create", args=[consultation.pk])
    page = client.get(url)
    data = {
        "submission_key": page.context["form"].initial["submission_key"],
        "title": "Open the district budgets",
        "problem": "Budgets are opaque.",
        "solution": "Publish them monthly.",
        "attachments": [_padded_pdf(int(1.5 * MB)), _padded_pdf(int(1.5 * MB))],
    }
    response = client.post(url, data)
    assert response.status_code == 302
    assert Proposal.objects.get().attachments.count() == 2


def test_the_upload_limit_is_only_for_those_who_may_upload(client):
    """Anonymous visitors get the small limit on the proposal form, and participants on forms without files."""
    consultation = ConsultationFactory()
    proposal = ProposalFactory(consultation=consultation)

    def post(url):
        return client.post(url, {"body": "x", "file": _padded_pdf(2 * MB)}).status_code

    assert post(reverse("consultations:proposal-create", args=[consultation.pk])) == 413
    client.force_login(UserFactory())
    assert post(reverse("consultations:comment-create", args=[proposal.pk])) == 413
    assert post(reverse("admin:irm_reports_importrun_add")) == 413


def test_staff_send_an_import_sheet_larger_than_the_small_limit(client, staff_user):
    client.force_login(staff_user)
    data = {"file": SimpleUploadedFile("sheet.csv", b"a,b\n" + b"1,2\n" * (MB // 2)), "dry_run": "on"}
    response = client.post(reverse("admin:irm_reports_importrun_add"), data)
    assert response.status_code != 413


def test_api_bodies_over_the_limit_get_the_api_error_format(client):
    response = client.post("/api/v1/proposals/", b"{" + b" " * (2 * MB) + b"}", content_type="application/json")
    assert response.status_code == 413
    assert response.json()["code"] == "request_too_large"
    assert "at most 1.0\xa0MB" in response.json()["detail"]


def test_the_largest_limit_fits_the_web_server():
    """nginx takes at most 60 MB (client_max_body_size 60m): no limit of the portal is above it."""
    limits = [
        django_settings.REQUEST_BODY_MAX_BYTES,
        django_settings.REQUEST_BODY_UPLOAD_MAX_BYTES,
        django_settings.REQUEST_BODY_IMPORT_MAX_BYTES,
    ]
    assert max(limits) <= 60 * MB
    assert django_settings.REQUEST_BODY_UPLOAD_MAX_BYTES >= (
        django_settings.CONSULTATION_ATTACHMENT_MAX_BYTES * django_settings.CONSULTATION_ATTACHMENT_MAX_COUNT
    )


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("application/json", b'{"title": "' + b"a" * (3 * MB) + b'"}'),
        ("application/x-www-form-urlencoded", b"title=" + b"a" * (3 * MB)),
    ],
    ids=["json", "form"],
)
def test_api_fields_over_django_s_memory_limit_get_a_json_413(client, settings, participant, content_type, body):
    """Above DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB of fields) the API answers in its own format, saying why."""
    settings.REQUEST_BODY_MAX_BYTES = 10 * MB
    client.force_login(participant)
    response = client.generic("POST", "/api/v1/proposals/", body, content_type=content_type)
    assert response.status_code == 413
    error = response.json()
    assert error["code"] == "request_too_large" and "2.5\xa0MB" in error["detail"]


def test_api_requests_django_cannot_read_get_a_json_400(client):
    """Too many form fields (DATA_UPLOAD_MAX_NUMBER_FIELDS): a 400 in the API's error format, not an HTML page."""
    body = "&".join(f"f{i}=1" for i in range(2000)).encode()
    response = client.generic("POST", "/api/v1/proposals/", body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400
    assert response.json()["code"] == "bad_request"


def test_web_form_fields_over_django_s_memory_limit_get_the_413_page(client, settings):
    settings.REQUEST_BODY_MAX_BYTES = 10 * MB
    response = client.post("/accounts/login/", {"login": "a" * (3 * MB), "password": "x"})
    assert response.status_code == 413
    assert "Request too large" in response.content.decode()
