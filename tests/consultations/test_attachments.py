"""Proposal attachments are private files: served by a view that checks who may see the proposal."""

import re
from urllib.parse import quote

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from consultations.models import ProposalAttachment
from tests.consultations.files import MINIMAL_PDF
from tests.factories import UserFactory
from tests.factories.consultations import ProposalFactory

pytestmark = pytest.mark.django_db


def _attach(proposal, name="evidence.pdf") -> ProposalAttachment:
    return ProposalAttachment.objects.create(
        proposal=proposal,
        file=ContentFile(MINIMAL_PDF, name=name),
        original_name=name,
        content_type="application/pdf",
        size=len(MINIMAL_PDF),
    )


def _as(client, user):
    client.logout()
    if user is not None:
        client.force_login(user)
    return client


def _download(client, attachment):
    return client.get(reverse("consultations:proposal-attachment", args=[attachment.pk]))


def _people(proposal, point_of_contact, other_point_of_contact) -> dict:
    return {
        "anonymous": None,
        "author": proposal.author,
        "participant": UserFactory(),
        "poc": point_of_contact,
        "other_poc": other_point_of_contact,
        "staff": UserFactory(staff=True),
    }


def test_a_public_proposals_attachment_downloads_from_its_page_for_anyone(client, proposal):
    """The link on the proposal's page leads to the file for an anonymous visitor (not to /media/)."""
    attachment = _attach(proposal)
    page = client.get(proposal.get_absolute_url()).content.decode()
    href = re.search(r'<a href="([^"]+)"[^>]*>evidence\.pdf</a>', page).group(1)
    assert "/media/" not in page and attachment.file.name not in page
    response = client.get(href)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == MINIMAL_PDF
    assert "private" in response["Cache-Control"]


@pytest.mark.parametrize(
    ("state", "allowed"),
    [
        ({"draft": True}, {"author"}),
        ({"is_hidden": True}, {"author", "poc", "staff"}),
    ],
    ids=["draft", "hidden"],
)
def test_a_non_public_proposals_attachment_is_refused_to_whoever_may_not_see_the_proposal(
    client, consultation, author, point_of_contact, other_point_of_contact, state, allowed
):
    """A draft's attachment is its author's; a hidden proposal's is its author's and the moderators'.
    Everyone else gets a 404, as for a file that does not exist."""
    proposal = ProposalFactory(consultation=consultation, author=author, **state)
    attachment = _attach(proposal)
    for role, user in _people(proposal, point_of_contact, other_point_of_contact).items():
        response = _download(_as(client, user), attachment)
        if role in allowed:
            assert response.status_code == 200, role
            assert b"".join(response.streaming_content) == MINIMAL_PDF, role
        else:
            assert response.status_code == 404, role
            assert MINIMAL_PDF not in response.content, role


def test_behind_nginx_the_file_is_handed_to_nginx_only_after_the_check(client, consultation, author, settings):
    """With PRIVATE_FILES_ACCEL_PREFIX, an allowed request gets an X-Accel-Redirect to the internal
    location (nginx streams the file); a refused one gets a 404 without it."""
    settings.PRIVATE_FILES_ACCEL_PREFIX = "/_private/"
    draft = ProposalFactory(consultation=consultation, author=author, draft=True)
    attachment = _attach(draft, name="budget annex.pdf")
    refused = _download(client, attachment)
    assert refused.status_code == 404 and "X-Accel-Redirect" not in refused
    allowed = _download(_as(client, author), attachment)
    assert allowed.status_code == 200 and allowed.content == b""
    assert allowed["X-Accel-Redirect"] == "/_private/" + quote(attachment.file.name)
    assert allowed["Content-Type"] == "application/pdf"
    assert "budget annex.pdf" in allowed["Content-Disposition"]


def test_a_missing_file_is_a_404_not_an_error(client, proposal, settings):
    attachment = _attach(proposal)
    attachment.file.storage.delete(attachment.file.name)
    assert _download(client, attachment).status_code == 404
    settings.PRIVATE_FILES_ACCEL_PREFIX = "/_private/"
    assert _download(client, attachment).status_code == 404
