"""The point of contact's pages: consultations, responses (one by one, from templates, in bulk), opinions, forum."""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from consultations.models import Consultation, Forum, Proposal, ProposalAttachment, ResponseTemplate
from tests.factories import ActionPlanFactory, CommitmentFactory
from tests.factories.consultations import ForumFactory, ProposalFactory, ResponseTemplateFactory

pytestmark = pytest.mark.django_db


def _local(days: int) -> str:
    return timezone.localtime(timezone.now() + timedelta(days=days)).strftime("%Y-%m-%dT%H:%M")


def test_the_point_of_contact_opens_edits_and_closes_a_consultation(poc_client, plan):
    response = poc_client.post(
        reverse("consultations:workspace-consultation-create", args=[plan.pk]),
        {"title": "Ideas for 2027", "kind": "proposals", "description": "Tell us.", "opens_at": _local(-1)}
        | {"closes_at": _local(20), "max_proposals_per_participant": "3"},
    )
    consultation = Consultation.objects.get()
    assert response.status_code == 302 and response.url == consultation.get_workspace_url()
    assert consultation.is_open and consultation.max_proposals_per_participant == 3
    poc_client.post(
        reverse("consultations:workspace-consultation-update", args=[consultation.pk]),
        {"title": "Ideas for 2027–2028", "kind": "proposals", "description": "Tell us."}
        | {"opens_at": timezone.localtime(consultation.opens_at).strftime("%Y-%m-%dT%H:%M"), "closes_at": _local(30)},
    )
    consultation.refresh_from_db()
    assert consultation.title == "Ideas for 2027–2028"
    poc_client.post(
        reverse("consultations:workspace-consultation-end", args=[consultation.pk]),
        {"action": "close", "reason": "Enough proposals."},
    )
    consultation.refresh_from_db()
    assert consultation.state == "closed" and consultation.status_reason == "Enough proposals."
    assert "Closed early: Enough proposals." in poc_client.get(consultation.get_absolute_url()).content.decode()


def test_consultation_form_errors_are_explained(poc_client, plan):
    response = poc_client.post(
        reverse("consultations:workspace-consultation-create", args=[plan.pk]),
        {"title": "", "kind": "proposals", "description": "x", "opens_at": _local(5), "closes_at": _local(2)},
    )
    page = response.content.decode()
    assert response.status_code == 200 and "This field is required." in page and "close after it opens" in page
    assert not Consultation.objects.exists()


def test_a_response_is_drafted_then_published_with_a_commitment(poc_client, plan, proposal, mailoutbox):
    commitment = CommitmentFactory(action_plan=plan, number="3.1")
    url = reverse("consultations:workspace-response", args=[proposal.pk])
    data = {"outcome": "merged", "reasons": "Merged.", "commitments": [commitment.pk]}
    poc_client.post(url, {**data, "action": "draft"})
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.UNDER_REVIEW and not proposal.response.is_published
    assert "Reasoned response" not in poc_client.get(proposal.get_absolute_url()).content.decode()
    poc_client.post(
        url, {"outcome": "merged", "reasons": "Merged.", "commitments": [commitment.pk], "action": "publish"}
    )
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.MERGED and proposal.response.is_published


def test_a_response_without_reasons_is_refused(poc_client, proposal):
    response = poc_client.post(
        reverse("consultations:workspace-response", args=[proposal.pk]),
        {"outcome": "not_accepted", "reasons": "", "action": "publish"},
    )
    assert response.status_code == 200 and "This field is required." in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.SUBMITTED


def test_the_response_form_shows_the_expected_results_and_attachments(poc_client, proposal, settings, tmp_path):
    """The point of contact answers the whole proposal: its expected results and its files are on the page."""
    settings.MEDIA_ROOT = tmp_path
    Proposal.objects.filter(pk=proposal.pk).update(expected_results="Fewer *unanswered* requests")
    attachment = ProposalAttachment.objects.create(
        proposal=proposal,
        file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="study.pdf"),
        original_name="study.pdf",
        content_type="application/pdf",
        size=15,
    )
    page = poc_client.get(reverse("consultations:workspace-response", args=[proposal.pk])).content.decode()
    assert "Fewer <em>unanswered</em> requests" in page
    link = reverse("consultations:proposal-attachment", args=[attachment.pk])
    assert f'href="{link}"' in page and "study.pdf" in page
    assert poc_client.get(link).status_code == 200  # the link opens for them


def test_a_template_fills_in_the_response(poc_client, member, proposal):
    template = ResponseTemplateFactory(member=member, reasons="National competence: forwarded.")
    page = poc_client.get(
        reverse("consultations:workspace-response", args=[proposal.pk]), {"template": template.pk}
    ).content.decode()
    assert "National competence: forwarded." in page


def test_many_proposals_are_answered_at_once(poc_client, member, consultation):
    template = ResponseTemplateFactory(member=member, outcome="not_accepted", reasons="Out of the plan's scope.")
    chosen = ProposalFactory.create_batch(3, consultation=consultation)
    other = ProposalFactory(consultation=consultation)
    response = poc_client.post(
        consultation.get_workspace_url(),
        {"proposals": [p.pk for p in chosen], "template": template.pk, "publish": "on"},
    )
    assert response.status_code == 302
    assert set(Proposal.objects.filter(pk__in=[p.pk for p in chosen]).values_list("status", flat=True)) == {
        "not_accepted"
    }
    other.refresh_from_db()
    assert other.status == Proposal.Status.SUBMITTED
    page = poc_client.get(consultation.get_workspace_url()).content.decode()
    assert "3 of 4 answered" in page


def test_bulk_answering_without_reasons_is_explained(poc_client, consultation):
    proposal = ProposalFactory(consultation=consultation)
    response = poc_client.post(consultation.get_workspace_url(), {"proposals": [proposal.pk], "outcome": "accepted"})
    assert response.status_code == 200 and "Give the reasons" in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.SUBMITTED


def test_the_workspace_list_costs_the_same_queries_at_any_size(poc_client, consultation):
    ProposalFactory.create_batch(2, consultation=consultation)
    with CaptureQueriesContext(connection) as small:
        poc_client.get(consultation.get_workspace_url())
    ProposalFactory.create_batch(20, consultation=consultation)
    with CaptureQueriesContext(connection) as large:
        poc_client.get(consultation.get_workspace_url())
    assert len(small.captured_queries) == len(large.captured_queries)


def test_routing_for_an_internal_opinion(poc_client, proposal):
    poc_client.post(
        reverse("consultations:workspace-referral-create", args=[proposal.pk]),
        {"institution_name": "Urban Planning Department", "question": "Feasible?"},
    )
    referral = proposal.referrals.get()
    poc_client.post(
        reverse("consultations:workspace-referral-opinion", args=[referral.pk]), {"opinion": "Feasible in 2027."}
    )
    referral.refresh_from_db()
    assert referral.opinion == "Feasible in 2027."
    page = poc_client.get(reverse("consultations:workspace-response", args=[proposal.pk])).content.decode()
    assert "Feasible in 2027." in page
    assert "Feasible in 2027." not in poc_client.get(proposal.get_absolute_url()).content.decode()


def test_response_templates_are_managed(poc_client, member):
    poc_client.post(
        reverse("consultations:workspace-responsetemplate-create", args=[member.slug]),
        {"title": "Already done", "outcome": "not_accepted", "reasons": "This already exists."},
    )
    template = ResponseTemplate.objects.get(member=member)
    poc_client.post(
        reverse("consultations:workspace-responsetemplate-update", args=[template.pk]),
        {"title": "Already in place", "outcome": "not_accepted", "reasons": "This already exists."},
    )
    template.refresh_from_db()
    assert template.title == "Already in place"
    poc_client.post(reverse("consultations:workspace-responsetemplate-delete", args=[template.pk]))
    assert not ResponseTemplate.objects.exists()


def test_the_forum_is_described_with_seats_and_meetings(poc_client, member, plan):
    url = reverse("consultations:workspace-forum", args=[member.slug])
    seat_url = reverse("consultations:workspace-forumseat-create", args=[member.slug])
    assert poc_client.get(seat_url).url == url  # describe the forum first
    poc_client.post(url, {"name": "Madrid Open Government Forum", "rules_url": "https://example.org/rules"})
    forum = Forum.objects.get(member=member)
    poc_client.post(seat_url, {"organisation_name": "City Council", "sector": "government", "role": "co_chair"})
    poc_client.post(seat_url, {"organisation_name": "Residents", "sector": "civil_society", "role": "co_chair"})
    meeting_url = reverse("consultations:workspace-forummeeting-create", args=[member.slug])
    response = poc_client.post(
        meeting_url,
        {"title": "Kick-off", "held_on": "2026-09-15", "phase": "co_creation", "action_plan": plan.pk}
        | {"modality": "online", "agenda": "1. Welcome", "minutes_published": "on", "minutes": ""}
        | {"attendance_government": 3, "attendance_civil_society": 5, "attendance_other": 0},
    )
    assert "Write the minutes before publishing them." in response.content.decode()
    poc_client.post(
        meeting_url,
        {"title": "Kick-off", "held_on": "2026-09-15", "phase": "co_creation", "action_plan": plan.pk}
        | {"modality": "online", "agenda": "1. Welcome", "minutes_published": "on", "minutes": "Agreed."}
        | {"attendance_government": 3, "attendance_civil_society": 5, "attendance_other": 0},
    )
    assert forum.seats.count() == 2 and forum.meetings.get().minutes_published
    page = poc_client.get(forum.get_absolute_url()).content.decode()
    assert "1 government" in page and "1 civil society" in page and "Kick-off" in page


def test_a_meeting_belongs_to_a_plan_of_the_same_member(poc_client, member):
    ForumFactory(member=member)
    foreign_plan = ActionPlanFactory()
    response = poc_client.post(
        reverse("consultations:workspace-forummeeting-create", args=[member.slug]),
        {"title": "x", "held_on": "2026-09-15", "phase": "co_creation", "action_plan": foreign_plan.pk}
        | {"modality": "online", "agenda": "1.", "attendance_government": 0, "attendance_civil_society": 0}
        | {"attendance_other": 0},
    )
    assert response.status_code == 200 and "Select a valid choice" in response.content.decode()


def test_the_co_creation_home_lists_the_members_consultations(poc_client, member, consultation):
    page = poc_client.get(reverse("consultations:workspace-cocreation", args=[member.slug])).content.decode()
    assert consultation.title in page and "Describe the forum" in page
    member_page = poc_client.get(member.get_absolute_url()).content.decode()
    assert reverse("consultations:workspace-cocreation", args=[member.slug]) in member_page
