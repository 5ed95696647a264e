"""Audit history: what points of contact and support staff change in co-creation is kept, with who did it."""

import pytest
from django.urls import reverse
from django.utils import timezone

from consultations.models import Proposal, ProposalResponse, ResponseTemplate
from tests.factories.consultations import ConsultationFactory, ProposalFactory

pytestmark = pytest.mark.django_db


def _admin_history(client, staff_user, model_name: str, pk: int) -> str:
    client.force_login(staff_user)
    page = client.get(reverse(f"admin:consultations_{model_name}_history", args=[pk]))
    assert page.status_code == 200
    return page.content.decode()


def test_a_point_of_contacts_edit_of_a_consultation_is_in_its_history(client, point_of_contact, staff_user, plan):
    """The workspace edit is recorded with the point of contact as its author, and shown in the admin."""
    consultation = ConsultationFactory(action_plan=plan, upcoming=True, title="Proposals for Madrid")
    client.force_login(point_of_contact)
    response = client.post(
        reverse("consultations:workspace-consultation-update", args=[consultation.pk]),
        {
            "title": "Proposals for a greener Madrid",
            "description": consultation.description,
            "kind": consultation.kind,
            "opens_at": timezone.localtime(consultation.opens_at).strftime("%Y-%m-%dT%H:%M"),
            "closes_at": timezone.localtime(consultation.closes_at).strftime("%Y-%m-%dT%H:%M"),
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    latest = consultation.history.first()
    assert latest.title == "Proposals for a greener Madrid" and latest.history_user == point_of_contact
    assert consultation.history.last().title == "Proposals for Madrid"
    page = _admin_history(client, staff_user, "consultation", consultation.pk)
    assert str(point_of_contact) in page


def test_a_published_response_and_the_proposals_new_status_name_the_point_of_contact(
    client, point_of_contact, staff_user, proposal
):
    client.force_login(point_of_contact)
    client.post(
        reverse("consultations:workspace-response", args=[proposal.pk]),
        {"outcome": "not_accepted", "reasons": "Outside the council's mandate.", "action": "publish"},
    )
    response = ProposalResponse.objects.get(proposal=proposal)
    record = response.history.get()
    assert record.history_type == "+" and record.history_user == point_of_contact
    assert record.reasons == "Outside the council's mandate."
    assert proposal.history.first().status == "not_accepted"
    assert proposal.history.first().history_user == point_of_contact
    assert str(point_of_contact) in _admin_history(client, staff_user, "proposalresponse", response.pk)


def test_bulk_answering_writes_one_history_record_per_response(client, point_of_contact, member, consultation):
    chosen = ProposalFactory.create_batch(3, consultation=consultation)
    template = ResponseTemplate.objects.create(member=member, title="Scope", outcome="not_accepted", reasons="No.")
    client.force_login(point_of_contact)
    client.post(
        consultation.get_workspace_url(),
        {"proposals": [p.pk for p in chosen], "template": template.pk, "publish": "on"},
    )
    records = ProposalResponse.history.filter(proposal_id__in=[p.pk for p in chosen])
    assert records.count() == 3
    assert {r.history_user for r in records} == {point_of_contact}


def test_response_templates_and_opinions_keep_their_history(client, point_of_contact, staff_user, member, proposal):
    client.force_login(point_of_contact)
    client.post(
        reverse("consultations:workspace-responsetemplate-create", args=[member.slug]),
        {"title": "National competence", "outcome": "not_accepted", "reasons": "Forwarded to the ministry."},
    )
    template = ResponseTemplate.objects.get(member=member)
    client.post(reverse("consultations:workspace-responsetemplate-delete", args=[template.pk]))
    assert [r.history_type for r in ResponseTemplate.history.filter(id=template.pk)] == ["-", "+"]
    client.post(
        reverse("consultations:workspace-referral-create", args=[proposal.pk]),
        {"institution_name": "Urban Planning Department", "question": "Feasible?"},
    )
    referral = proposal.referrals.get()
    client.post(
        reverse("consultations:workspace-referral-opinion", args=[referral.pk]), {"opinion": "Feasible in 2027."}
    )
    assert [r.opinion for r in referral.history.all()] == ["Feasible in 2027.", ""]
    assert {r.history_user for r in referral.history.all()} == {point_of_contact}
    assert str(point_of_contact) in _admin_history(client, staff_user, "referral", referral.pk)


def test_a_moderation_decision_is_in_the_proposals_history(client, staff_user, proposal):
    client.force_login(staff_user)
    client.post(reverse("consultations:moderation-proposal", args=[proposal.pk]), {"action": "hide", "reason": "Spam."})
    proposal.refresh_from_db()
    assert proposal.is_hidden
    latest = Proposal.history.filter(id=proposal.pk).first()
    assert latest.is_hidden and latest.history_user == staff_user
    assert str(staff_user) in _admin_history(client, staff_user, "proposal", proposal.pk)


def test_a_forum_seat_changed_by_a_point_of_contact_has_its_history_in_the_admin(
    client, point_of_contact, staff_user, member
):
    from consultations.models import ForumSeat
    from tests.factories.consultations import ForumFactory

    ForumFactory(member=member)
    client.force_login(point_of_contact)
    seat = {"organisation_name": "Transparencia Madrid", "sector": "civil_society", "role": "member"}
    client.post(reverse("consultations:workspace-forumseat-create", args=[member.slug]), seat)
    created = ForumSeat.objects.get(organisation_name="Transparencia Madrid")
    client.post(reverse("consultations:workspace-forumseat-update", args=[created.pk]), {**seat, "role": "co_chair"})
    assert [r.role for r in created.history.all()] == ["co_chair", "member"]
    page = _admin_history(client, staff_user, "forumseat", created.pk)
    assert str(point_of_contact) in page and "Transparencia Madrid" in page
