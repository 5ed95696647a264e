"""Assistance requests: who may ask, the states, notes and attachments, and the e-mails in each language."""

import pytest
from django.core.exceptions import ValidationError

from common.models import OutgoingEmail
from support import services
from support.models import SupportRequest
from tests.consultations.files import pdf_bytes
from tests.factories import OrganisationFactory, UserFactory
from tests.factories.support import ServiceOfferFactory, SupportRequestFactory

pytestmark = pytest.mark.django_db


def _ask(member, user, service, **kwargs):
    return services.support_request_create(
        member=member, service=service, requester=user, description="Help us draft measurable commitments", **kwargs
    )


def test_a_point_of_contact_asks_and_the_representative_and_requester_are_told_in_their_language(
    member, point_of_contact, drafting, representative
):
    point_of_contact.language = "en"
    point_of_contact.save()
    request = _ask(member, point_of_contact, drafting)
    assert request.status == SupportRequest.Status.RECEIVED
    assert request.representative == representative and request.organisation is None
    mails = {m.to[0]: m for m in OutgoingEmail.objects.all()}
    assert "was received" in mails[point_of_contact.email].subject
    assert mails[representative.email].subject.endswith(f"n° {request.pk}")  # in French, the representative's
    # The representative reads French: the service's name comes in French (the catalogues follow at merge).
    assert "Assistance à la rédaction des engagements" in mails[representative.email].body_text


def test_a_verified_civil_society_organisation_asks_on_behalf_of_its_organisation(member, cso_member, drafting):
    request = _ask(member, cso_member, drafting)
    assert request.organisation == cso_member.organisation
    (mail,) = OutgoingEmail.objects.filter(to=[cso_member.email])
    assert "Asistencia para redactar compromisos" in mail.body_text


def test_others_may_not_ask(member, other_member, participant, drafting):
    unconfirmed = UserFactory(asking_to_join=OrganisationFactory(member=member))
    elsewhere = UserFactory(member_of=OrganisationFactory(member=other_member))
    for user in (participant, unconfirmed, elsewhere):
        with pytest.raises(ValidationError):
            _ask(member, user, drafting)
    assert not SupportRequest.objects.exists()


def test_civil_society_cannot_ask_for_a_service_kept_for_points_of_contact(member, cso_member, point_of_contact):
    service = ServiceOfferFactory(contacts_only=True)
    with pytest.raises(ValidationError):
        _ask(member, cso_member, service)
    assert _ask(member, point_of_contact, service).pk


def test_the_request_moves_through_its_states_with_a_due_date_and_an_outcome(
    member, point_of_contact, drafting, representative
):
    request = _ask(member, point_of_contact, drafting)
    request = services.support_request_transition(
        request=request, to_status="accepted", actor=representative, due_date="2030-01-31"
    )
    assert str(request.due_date) == "2030-01-31" and request.decided_at
    request = services.support_request_transition(request=request, to_status="in_progress", actor=representative)
    with pytest.raises(ValidationError) as error:
        services.support_request_transition(request=request, to_status="delivered", actor=representative)
    assert "outcome" in error.value.message_dict
    request = services.support_request_transition(
        request=request, to_status="delivered", actor=representative, outcome="Five commitments rewritten"
    )
    assert request.status == "delivered" and request.delivered_at
    assert OutgoingEmail.objects.filter(to=[point_of_contact.email], subject__contains="new status").count() == 3
    with pytest.raises(ValidationError):
        services.support_request_transition(request=request, to_status="accepted", actor=representative)


def test_declining_needs_a_reason(member, point_of_contact, drafting, representative):
    request = _ask(member, point_of_contact, drafting)
    with pytest.raises(ValidationError):
        services.support_request_transition(request=request, to_status="declined", actor=representative)
    request = services.support_request_transition(
        request=request, to_status="declined", actor=representative, reason="Out of scope this year"
    )
    assert request.decline_reason == "Out of scope this year"
    assert [h.status for h in request.history.order_by("history_date")] == ["received", "declined"]


def test_attachments_are_checked_by_content_and_a_bad_one_saves_nothing(member, point_of_contact, drafting):
    from django.core.files.uploadedfile import SimpleUploadedFile

    good = SimpleUploadedFile("draft.pdf", pdf_bytes(), content_type="application/pdf")
    fake = SimpleUploadedFile("notes.pdf", b"MZ not a pdf at all", content_type="application/pdf")
    with pytest.raises(ValidationError) as error:
        _ask(member, point_of_contact, drafting, attachments=[good, fake])
    assert "attachments" in error.value.message_dict
    assert not SupportRequest.objects.exists()
    good.seek(0)
    request = _ask(member, point_of_contact, drafting, attachments=[good])
    (attachment,) = request.attachments.all()
    assert attachment.content_type == "application/pdf" and attachment.uploaded_by == point_of_contact


def test_a_note_reaches_the_other_side_and_closed_requests_take_no_more(member, point_of_contact, representative):
    request = SupportRequestFactory(member=member, requester=point_of_contact, representative=representative)
    services.support_note_add(request=request, author=point_of_contact, body="Our forum meets on Tuesday")
    assert OutgoingEmail.objects.filter(to=[representative.email]).count() == 1
    services.support_note_add(request=request, author=representative, body="I will attend")
    assert OutgoingEmail.objects.filter(to=[point_of_contact.email]).count() == 1
    SupportRequest.objects.filter(pk=request.pk).update(status="delivered", outcome="Done")
    with pytest.raises(ValidationError):
        services.support_note_add(request=request, author=point_of_contact, body="One more thing")
