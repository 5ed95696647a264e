"""Each person's files, all apps together, stay within UPLOAD_QUOTA_BYTES_PER_USER (common.uploads)."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from common import uploads
from consultations import services
from consultations.models import Proposal, ProposalAttachment
from grants import services as grants
from grants.models import ApplicationAttachment
from support import services as support
from support.models import SupportAttachment
from tests.consultations.files import MINIMAL_PDF, pdf_upload
from tests.factories import UserFactory
from tests.factories.consultations import ConsultationFactory
from tests.factories.grants import GrantCallFactory
from tests.factories.support import ServiceOfferFactory

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


GRANT = {"title": "Consultations", "summary": "Meetings.", "amount_requested": Decimal("6000")}


@pytest.fixture
def person_with_two_files(consultation):
    """A confirmed member of a civil-society organisation of a member, with a proposal attachment and a monitoring
    report's evidence: their quota (two files) is full."""
    from monitoring.models import ReportEvidence
    from tests.factories import MemberFactory, OrganisationFactory
    from tests.factories.monitoring import MonitoringReportFactory

    person = UserFactory(member_of=OrganisationFactory(member=MemberFactory()))
    services.proposal_create(consultation=consultation, author=person, attachments=[pdf_upload()], **TEXT)
    report = MonitoringReportFactory(author=person)
    ReportEvidence.objects.create(
        report=report, file="evidence.pdf", original_name="evidence.pdf", content_type="application/pdf", size=PDF_SIZE
    )
    return person


def test_one_registry_counts_the_files_of_every_app(person_with_two_files):
    assert {source.model for source in uploads.sources()} >= {
        "consultations.ProposalAttachment",
        "monitoring.ReportEvidence",
        "grants.ApplicationAttachment",
        "support.SupportAttachment",
    }
    assert uploads.stored_bytes(person_with_two_files) == 2 * PDF_SIZE


def test_a_grant_or_support_file_beyond_the_quota_of_other_apps_files_is_refused(person_with_two_files):
    person = person_with_two_files
    call = GrantCallFactory()
    lines = [("All", Decimal("6000"))]
    with pytest.raises(ValidationError, match="each participant may store at most") as error:
        grants.application_create(call=call, applicant=person, budget_lines=lines, attachments=[pdf_upload()], **GRANT)
    assert "attachments" in error.value.message_dict and not ApplicationAttachment.objects.exists()
    member = person.confirmed_organisation.member
    with pytest.raises(ValidationError, match="each participant may store at most"):
        support.support_request_create(
            member=member,
            service=ServiceOfferFactory(),
            requester=person,
            description="Help.",
            attachments=[pdf_upload()],
        )
    assert not SupportAttachment.objects.exists()
    # A colleague of the same organisation has room of their own; the files they send count against theirs.
    colleague = UserFactory(member_of=person.confirmed_organisation)
    application = grants.application_create(
        call=call, applicant=colleague, budget_lines=lines, attachments=[pdf_upload()], **GRANT
    )
    assert application.attachments.get().uploaded_by == colleague
    with pytest.raises(ValidationError, match="each participant may store at most"):
        grants.application_update(application=application, uploader=person, attachments=[pdf_upload()])
    assert application.attachments.count() == 1
