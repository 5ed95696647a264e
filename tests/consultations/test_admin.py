"""The support unit's admin for co-creation: bulk responses, moderation with a reason, the checklist."""

import pytest
from django.urls import reverse

from commitments.models import StandardRequirement
from consultations.models import Comment, ModerationEvent, Proposal, RequirementMark
from tests.factories.consultations import CommentFactory, ProposalFactory, ResponseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, staff_user):
    client.force_login(staff_user)
    return client


def test_every_consultations_admin_screen_opens(staff_client, proposal):
    ResponseFactory(proposal=ProposalFactory(consultation=proposal.consultation))
    CommentFactory(proposal=proposal)
    for name in ["consultation", "proposal", "comment", "flag", "moderationevent", "forum", "forummeeting"]:
        assert staff_client.get(reverse(f"admin:consultations_{name}_changelist")).status_code == 200, name
    assert staff_client.get(reverse("admin:consultations_proposal_change", args=[proposal.pk])).status_code == 200


def test_bulk_response_action_asks_for_the_response_then_applies_it(staff_client, consultation):
    proposals = ProposalFactory.create_batch(2, consultation=consultation)
    url = reverse("admin:consultations_proposal_changelist")
    selection = {"action": "respond", "_selected_action": [p.pk for p in proposals]}
    page = staff_client.post(url, selection)
    assert page.status_code == 200 and "Answer the selected proposals" in page.content.decode()
    staff_client.post(url, {**selection, "apply": "1", "outcome": "not_accepted", "reasons": "Out of scope."})
    assert set(Proposal.objects.values_list("status", flat=True)) == {"under_review"}  # drafted, not published
    staff_client.post(
        url, {**selection, "apply": "1", "outcome": "not_accepted", "reasons": "Out of scope.", "publish": "on"}
    )
    assert set(Proposal.objects.values_list("status", flat=True)) == {"not_accepted"}


def test_hiding_from_the_admin_needs_a_reason_and_is_recorded(staff_client, proposal):
    comment = CommentFactory(proposal=proposal)
    url = reverse("admin:consultations_comment_changelist")
    selection = {"action": "hide_items", "_selected_action": [comment.pk]}
    staff_client.post(url, {**selection, "apply": "1", "reason": ""})
    assert not Comment.objects.get().is_hidden
    staff_client.post(url, {**selection, "apply": "1", "reason": "Insults"})
    assert Comment.objects.get().is_hidden
    assert ModerationEvent.objects.get().reason == "Insults"


def test_the_checklist_screen_shows_the_computed_items_and_saves_staff_marks(staff_client, plan, staff_user):
    url = reverse("admin:consultations_cocreationchecklist_change", args=[plan.pk])
    page = staff_client.get(url).content.decode()
    assert "Awaiting the support unit" in page and "No OGP website recorded" in page
    requirement = StandardRequirement.objects.get(version="2021", code="3.2")
    staff_client.post(
        url,
        {
            "requirement_marks-TOTAL_FORMS": "1",
            "requirement_marks-INITIAL_FORMS": "0",
            "requirement_marks-0-requirement": requirement.pk,
            "requirement_marks-0-status": "met",
            "requirement_marks-0-note": "Three outreach events in May.",
        },
    )
    mark = RequirementMark.objects.get()
    assert mark.status == "met" and mark.set_by == staff_user
    assert "Three outreach events in May." in staff_client.get(plan.get_absolute_url()).content.decode()
