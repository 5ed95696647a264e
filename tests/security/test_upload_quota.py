"""Each participant's attachments, over all their proposals, stay within UPLOAD_QUOTA_BYTES_PER_USER."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from consultations import services
from consultations.models import Proposal, ProposalAttachment
from tests.consultations.files import MINIMAL_PDF, pdf_upload
from tests.factories import UserFactory
from tests.factories.consultations import ConsultationFactory

pytestmark = pytest.mark.django_db

TEXT = {"title": "Open the district budgets", "problem": "Budgets are opaque.", "solution": "Publish them monthly."}
PDF_SIZE = len(MINIMAL_PDF)


@pytest.fixture(autouse=True)
def small_quota(settings, tmp_path):
    """Room for two minimal PDFs per participant; files go to a temporary folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.UPLOAD_QUOTA_BYTES_PER_USER = 2 * PDF_SIZE + 10


@pytest.fixture
def consultation(db):
    return ConsultationFactory()


def test_the_quota_counts_every_proposal_of_the_participant_and_saves_nothing_beyond_it(consultation):
    """Two files fit; a third one on another proposal is refused with the quota in the message, and no row is left."""
    author = UserFactory()
    services.proposal_create(consultation=consultation, author=author, attachments=[pdf_upload()], **TEXT)
    services.proposal_create(consultation=consultation, author=author, attachments=[pdf_upload()], **TEXT)
    with pytest.raises(ValidationError) as error:
        services.proposal_create(consultation=consultation, author=author, attachments=[pdf_upload()], **TEXT)
    message = error.value.message_dict["attachments"][0]
    assert "each participant may store at most" in message
    assert Proposal.objects.filter(author=author).count() == 2
    assert ProposalAttachment.objects.filter(proposal__author=author).count() == 2


def test_the_quota_is_per_participant(consultation):
    """Someone else's files do not use up a participant's room."""
    services.proposal_create(consultation=consultation, author=UserFactory(), attachments=[pdf_upload()] * 2, **TEXT)
    other = UserFactory()
    proposal = services.proposal_create(
        consultation=consultation, author=other, attachments=[pdf_upload(), pdf_upload()], **TEXT
    )
    assert proposal.attachments.count() == 2


def test_removing_an_attachment_frees_room_in_the_same_edit(consultation):
    """Replacing a file by another in one edit fits; adding one without removing does not."""
    author = UserFactory()
    proposal = services.proposal_create(
        consultation=consultation, author=author, attachments=[pdf_upload(), pdf_upload()], **TEXT
    )
    with pytest.raises(ValidationError, match="each participant may store at most"):
        services.proposal_update(proposal=proposal, attachments=[pdf_upload()])
    old = proposal.attachments.first()
    services.proposal_update(proposal=proposal, attachments=[pdf_upload("new.pdf")], remove_attachments=[old])
    assert sorted(proposal.attachments.values_list("original_name", flat=True)) == ["evidence.pdf", "new.pdf"]


def test_the_form_explains_the_quota_and_keeps_the_text(client, consultation):
    """On the web form the refusal is shown next to the attachments field; the proposal is not created."""
    author = UserFactory()
    services.proposal_create(consultation=consultation, author=author, attachments=[pdf_upload()] * 2, **TEXT)
    client.force_login(author)
    url = reverse("consultations:proposal-create", args=[consultation.pk])
    form = client.get(url).context["form"]
    data = {"submission_key": form.initial["submission_key"], **TEXT, "website": "", "attachments": [pdf_upload()]}
    response = client.post(url, data)
    assert response.status_code == 200
    assert "each participant may store at most" in response.content.decode()
    assert response.context["form"].errors["attachments"]
    assert "Publish them monthly." in response.content.decode()
    assert Proposal.objects.filter(author=author).count() == 1
