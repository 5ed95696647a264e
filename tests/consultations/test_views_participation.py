"""Participants through the web forms: write, preview, submit, edit, withdraw; support, follow, comment, flag."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from consultations.models import Comment, Consultation, Flag, Proposal, Support
from tests.consultations.files import camera_jpeg, fake_pdf_upload, pdf_bytes, pdf_upload, png_claiming, png_upload
from tests.factories import UserFactory
from tests.factories.consultations import CommentFactory, ConsultationFactory, ProposalFactory

pytestmark = pytest.mark.django_db


def _form(client, consultation) -> dict:
    """The fields of a freshly rendered proposal form, with its one-time key."""
    response = client.get(reverse("consultations:proposal-create", args=[consultation.pk]))
    assert response.status_code == 200
    return {
        "submission_key": response.context["form"].initial["submission_key"],
        "title": "Publish district agendas a week ahead",
        "problem": "Residents learn about decisions too late.",
        "solution": "Publish every agenda **seven days** before the meeting.",
        "expected_results": "",
        "website": "",
    }


@pytest.fixture
def author_client(client, author):
    client.force_login(author)
    return client


def test_write_preview_then_submit(author_client, consultation, author):
    data = _form(author_client, consultation)
    response = author_client.post(reverse("consultations:proposal-create", args=[consultation.pk]), data)
    proposal = Proposal.objects.get()
    assert response.status_code == 302 and response.url == proposal.get_absolute_url()
    assert proposal.status == Proposal.Status.DRAFT and proposal.author == author
    preview = author_client.get(proposal.get_absolute_url()).content.decode()
    assert "Preview of your draft" in preview and "<strong>seven days</strong>" in preview
    author_client.post(reverse("consultations:proposal-submit", args=[proposal.pk]))
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.SUBMITTED


def test_a_form_sent_twice_creates_one_proposal(author_client, consultation):
    """A double click: the two requests carry the same one-time key."""
    data = _form(author_client, consultation)
    url = reverse("consultations:proposal-create", args=[consultation.pk])
    first = author_client.post(url, data)
    second = author_client.post(url, data)
    assert Proposal.objects.count() == 1
    assert first.url == second.url == Proposal.objects.get().get_absolute_url()


def test_a_proposal_with_attachments(author_client, consultation):
    data = {**_form(author_client, consultation), "attachments": [pdf_upload(), png_upload()]}
    author_client.post(reverse("consultations:proposal-create", args=[consultation.pk]), data)
    proposal = Proposal.objects.get()
    assert sorted(proposal.attachments.values_list("content_type", flat=True)) == ["application/pdf", "image/png"]
    page = author_client.get(proposal.get_absolute_url()).content.decode()
    assert reverse("consultations:proposal-attachment", args=[proposal.attachments.first().pk]) in page


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"title": "", "problem": "  "}, "This field is required."),
        ({"attachments": [fake_pdf_upload()]}, "neither a PDF document nor an image"),
        ({"problem": "Look <script>alert('x')</script>"}, "Scripts, embedded content"),
        ({"website": "http://spam.example"}, "filled in automatically"),
    ],
)
def test_bad_input_is_explained_and_nothing_is_saved(author_client, consultation, change, message):
    data = {**_form(author_client, consultation), **change}
    response = author_client.post(reverse("consultations:proposal-create", args=[consultation.pk]), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Proposal.objects.exists()


def test_an_oversized_attachment_is_explained(author_client, consultation, settings):
    settings.CONSULTATION_ATTACHMENT_MAX_BYTES = 100
    data = {**_form(author_client, consultation), "attachments": [pdf_upload()]}
    response = author_client.post(reverse("consultations:proposal-create", args=[consultation.pk]), data)
    assert "attachments are limited to 100" in response.content.decode()
    assert not Proposal.objects.exists()


def test_a_refused_attachment_is_explained_and_the_text_is_kept(author_client, consultation):
    """A hollow PDF and a 144-megapixel image: each gets its message on the form, the text written stays
    in the form, and nothing is saved."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    files = [
        SimpleUploadedFile("empty.pdf", pdf_bytes(pages=0), content_type="application/pdf"),
        SimpleUploadedFile("bomb.png", png_claiming(12_000, 12_000), content_type="image/png"),
    ]
    data = {**_form(author_client, consultation), "attachments": files}
    response = author_client.post(reverse("consultations:proposal-create", args=[consultation.pk]), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "“empty.pdf” is a PDF document without any page." in page
    assert "“bomb.png” is 12000 × 12000 pixels; images are limited to 25 megapixels." in page
    assert "Publish district agendas a week ahead" in page and "Residents learn about decisions too late." in page
    assert not Proposal.objects.exists()


def test_a_photo_is_published_without_its_gps_position(author_client, consultation):
    from django.core.files.uploadedfile import SimpleUploadedFile

    photo = SimpleUploadedFile("street.jpg", camera_jpeg(), content_type="image/jpeg")
    data = {**_form(author_client, consultation), "attachments": [photo]}
    author_client.post(reverse("consultations:proposal-create", args=[consultation.pk]), data)
    attachment = Proposal.objects.get().attachments.get()
    served = attachment.file.read()
    assert attachment.content_type == "image/jpeg" and attachment.size == len(served)
    assert b"PhoneMaker" not in served and b"Madrid" not in served and b"GPS" not in served


def test_a_closed_consultation_sends_the_visitor_back_with_a_message(author_client, plan):
    consultation = ConsultationFactory(action_plan=plan, closed=True)
    response = author_client.get(reverse("consultations:proposal-create", args=[consultation.pk]), follow=True)
    assert response.redirect_chain[-1][0] == consultation.get_absolute_url()
    assert "does not accept proposals" in response.content.decode()


def test_the_consultation_closing_while_writing_is_explained_on_the_form(author_client, consultation):
    """The form was opened in time and sent after the close: a message, the text kept, nothing saved."""
    data = _form(author_client, consultation)
    Consultation.objects.filter(pk=consultation.pk).update(closes_at=timezone.now() - timedelta(minutes=1))
    response = author_client.post(reverse("consultations:proposal-create", args=[consultation.pk]), data)
    page = response.content.decode()
    assert response.status_code == 200 and "This consultation is closed" in page and data["title"] in page
    assert not Proposal.objects.exists()


def test_a_comment_sent_after_the_close_keeps_its_text(client, proposal, participant):
    client.force_login(participant)
    Consultation.objects.filter(pk=proposal.consultation_id).update(closes_at=timezone.now() - timedelta(minutes=1))
    response = client.post(
        reverse("consultations:comment-create", args=[proposal.pk]), {"body": "My late thoughts", "website": ""}
    )
    page = response.content.decode()
    assert "This consultation is closed" in page and "My late thoughts</textarea>" in page
    assert not Comment.objects.exists()


def test_the_rate_limit_explains_itself(author_client, consultation, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "consultations.proposal": {"user": (1, 3600), "ip": (50, 3600)}}
    url = reverse("consultations:proposal-create", args=[consultation.pk])
    author_client.post(url, _form(author_client, consultation))
    response = author_client.post(url, {**_form(author_client, consultation), "title": "A second one"})
    assert response.status_code == 200 and "too many times in a short while" in response.content.decode()
    assert Proposal.objects.count() == 1


def test_the_author_edits_and_withdraws(author_client, proposal):
    response = author_client.post(
        reverse("consultations:proposal-update", args=[proposal.pk]),
        {"title": "A clearer title", "problem": proposal.problem, "solution": proposal.solution, "website": ""},
    )
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.title == "A clearer title"
    withdraw_url = reverse("consultations:proposal-withdraw", args=[proposal.pk])
    response = author_client.post(withdraw_url, {"withdrawal_reason": "other"})
    assert "Explain why you withdraw the proposal." in response.content.decode()
    author_client.post(withdraw_url, {"withdrawal_reason": "under_way", "withdrawal_note": ""})
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.WITHDRAWN
    assert (
        "Withdrawn by its author: It is already under way."
        in author_client.get(proposal.get_absolute_url()).content.decode()
    )


def test_a_draft_is_deleted_by_its_author(author_client, consultation, author):
    draft = ProposalFactory(consultation=consultation, author=author, draft=True)
    response = author_client.post(reverse("consultations:proposal-delete", args=[draft.pk]))
    assert response.status_code == 302 and not Proposal.objects.filter(pk=draft.pk).exists()


def test_my_proposals_lists_drafts_and_submitted_ones(author_client, consultation, author):
    ProposalFactory(consultation=consultation, author=author, draft=True, title="My draft")
    ProposalFactory(consultation=consultation, title="Someone else's")
    page = author_client.get(reverse("consultations:proposal-mine")).content.decode()
    assert "My draft" in page and "Someone else" not in page


def test_support_follow_and_unsupport(client, proposal, participant):
    client.force_login(participant)
    client.post(reverse("consultations:proposal-support", args=[proposal.pk]))
    client.post(reverse("consultations:proposal-support", args=[proposal.pk]))
    assert Support.objects.filter(proposal=proposal).count() == 1
    page = client.get(proposal.get_absolute_url()).content.decode()
    assert "You support this proposal." in page
    client.post(reverse("consultations:proposal-follow", args=[proposal.pk]))
    assert proposal.follows.filter(user=participant).exists()
    client.post(reverse("consultations:proposal-unsupport", args=[proposal.pk]))
    proposal.refresh_from_db()
    assert proposal.support_count == 0


def test_comments_and_replies(client, proposal, participant):
    client.force_login(participant)
    response = client.post(
        reverse("consultations:comment-create", args=[proposal.pk]), {"body": "Good idea", "website": ""}
    )
    comment = Comment.objects.get()
    assert response.status_code == 302 and response.url.endswith(f"?comments=1#comment-{comment.pk}")
    client.force_login(UserFactory())
    client.post(
        reverse("consultations:comment-create", args=[proposal.pk]),
        {"body": "Agreed", "parent": comment.pk, "website": ""},
    )
    assert comment.replies.count() == 1


def test_a_refused_comment_keeps_its_text(client, proposal, participant):
    client.force_login(participant)
    response = client.post(
        reverse("consultations:comment-create", args=[proposal.pk]),
        {"body": "Hi <iframe src=x></iframe> there", "website": ""},
    )
    page = response.content.decode()
    assert response.status_code == 200 and "Scripts, embedded content" in page and "there</textarea>" in page
    assert not Comment.objects.exists()


def test_replying_to_a_reply_is_refused(client, proposal, participant):
    comment = CommentFactory(proposal=proposal)
    reply = CommentFactory(proposal=proposal, parent=comment)
    client.force_login(participant)
    response = client.post(
        reverse("consultations:comment-create", args=[proposal.pk]), {"body": "Deep", "parent": reply.pk, "website": ""}
    )
    assert response.status_code == 200 and Comment.objects.count() == 2


def test_the_comment_author_edits_within_the_window(client, proposal, participant):
    comment = CommentFactory(proposal=proposal, author=participant, body="Typo")
    client.force_login(participant)
    client.post(reverse("consultations:comment-update", args=[comment.pk]), {"body": "Fixed"})
    comment.refresh_from_db()
    assert comment.body == "Fixed" and comment.edited_at


def test_flagging_a_proposal_and_a_comment(client, proposal, participant):
    comment = CommentFactory(proposal=proposal)
    client.force_login(participant)
    client.post(reverse("consultations:proposal-flag", args=[proposal.pk]), {"reason": "spam", "note": ""})
    client.post(reverse("consultations:comment-flag", args=[comment.pk]), {"reason": "abuse", "note": "Insults"})
    assert Flag.objects.filter(user=participant).count() == 2
    assert "You reported this proposal." in client.get(proposal.get_absolute_url()).content.decode()


def test_the_first_comment_can_be_written_on_a_proposal_without_comments(client, proposal, participant):
    client.force_login(participant)
    page = client.get(proposal.get_absolute_url()).content.decode()
    assert "No comment yet." in page and 'name="body"' in page
