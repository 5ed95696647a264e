"""The whole co-creation journey through the web views, as the acceptance criteria describe it."""

import re

import pytest
from django.urls import reverse

from accounts.models import User
from consultations.models import Proposal
from tests.consultations.files import pdf_upload
from tests.factories import CommitmentFactory, UserFactory

pytestmark = pytest.mark.django_db


def _link(mail) -> str:
    return re.search(r"https?://[^/\s]+(/\S+)", mail.body).group(1)


def _register(client, mailoutbox, capture) -> User:
    """A participant registers and verifies the e-mail address; she is then signed in."""
    with capture(execute=True):
        client.post(
            reverse("account_signup"),
            {
                "email": "amina@example.org",
                "password1": "a-strong-passphrase-42",
                "password2": "a-strong-passphrase-42",
                "full_name": "Amina Bello",
            },
        )
    confirm_url = _link(mailoutbox[0])
    client.post(confirm_url)
    amina = User.objects.get(email="amina@example.org")
    assert amina.emailaddress_set.get().verified and client.session["_auth_user_id"] == str(amina.pk)
    return amina


def _propose(client, consultation, author) -> Proposal:
    """The author writes a proposal with an attachment, previews it and submits it."""
    form = client.get(reverse("consultations:proposal-create", args=[consultation.pk])).context["form"]
    client.post(
        reverse("consultations:proposal-create", args=[consultation.pk]),
        {
            "submission_key": form.initial["submission_key"],
            "title": "Publish district board agendas a week ahead",
            "problem": "Residents learn about decisions too late.",
            "solution": "Publish every agenda seven days before the meeting.",
            "attachments": [pdf_upload("survey.pdf")],
            "website": "",
        },
    )
    proposal = Proposal.objects.get(author=author)
    assert "Preview of your draft" in client.get(proposal.get_absolute_url()).content.decode()
    client.post(reverse("consultations:proposal-submit", args=[proposal.pk]))
    proposal.refresh_from_db()
    return proposal


def _support_and_comment(client, proposal):
    client.post(reverse("consultations:proposal-support", args=[proposal.pk]))
    client.post(
        reverse("consultations:comment-create", args=[proposal.pk]),
        {"body": "Yes, and send them by e-mail too.", "website": ""},
    )


def _publish_response(client, proposal, commitment, capture):
    """The point of contact publishes the reasoned response, linking the commitment it fed."""
    with capture(execute=True):
        client.post(
            reverse("consultations:workspace-response", args=[proposal.pk]),
            {
                "outcome": "merged",
                "reasons": "Merged into commitment 3.1: agendas will be published seven days ahead.",
                "commitments": [commitment.pk],
                "action": "publish",
            },
        )


def test_register_propose_discuss_answer_and_read(
    client, consultation, plan, point_of_contact, mailoutbox, django_capture_on_commit_callbacks
):
    commitment = CommitmentFactory(action_plan=plan, number="3.1", title="Lobby register for district boards")
    amina = _register(client, mailoutbox, django_capture_on_commit_callbacks)
    proposal = _propose(client, consultation, amina)
    assert proposal.status == Proposal.Status.SUBMITTED and proposal.attachments.count() == 1

    # Another participant supports it and comments.
    client.logout()
    client.force_login(UserFactory(full_name="Carlos Ruiz"))
    _support_and_comment(client, proposal)
    proposal.refresh_from_db()
    assert proposal.support_count == 1 and proposal.comments.count() == 1

    client.logout()
    client.force_login(point_of_contact)
    mailoutbox.clear()
    _publish_response(client, proposal, commitment, django_capture_on_commit_callbacks)

    # The author receives the e-mail.
    assert [m.to for m in mailoutbox] == [["amina@example.org"]]
    assert "Merged into commitment 3.1" in mailoutbox[0].body and proposal.get_absolute_url() in mailoutbox[0].body

    # An anonymous visitor sees the response on the consultation, proposal and commitment pages.
    client.logout()
    consultation_page = client.get(consultation.get_absolute_url()).content.decode()
    assert "Publish district board agendas a week ahead" in consultation_page
    assert "Merged into commitment 3.1" in consultation_page and "1 of 1 answered (100%)" in consultation_page
    proposal_page = client.get(proposal.get_absolute_url()).content.decode()
    assert "Became commitment 3.1" in proposal_page and "survey.pdf" in proposal_page
    commitment_page = client.get(commitment.get_absolute_url()).content.decode()
    assert "From proposals of civil society" in commitment_page
    assert "Publish district board agendas a week ahead" in commitment_page
