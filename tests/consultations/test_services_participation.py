"""Supports, follows, comments and flags through the services."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from consultations import services
from consultations.models import Comment, Flag, ModerationEvent, Proposal, Support
from tests.factories import UserFactory
from tests.factories.consultations import CommentFactory, ConsultationFactory, ProposalFactory

pytestmark = pytest.mark.django_db


def _count(proposal) -> int:
    return Proposal.objects.get(pk=proposal.pk).support_count


def test_supporting_twice_keeps_one_support(proposal, participant):
    first = services.proposal_support(proposal=proposal, user=participant)
    second = services.proposal_support(proposal=proposal, user=participant)
    assert first.pk == second.pk and Support.objects.count() == 1 and _count(proposal) == 1


def test_support_can_be_taken_back_and_the_count_follows(proposal, participant):
    services.proposal_support(proposal=proposal, user=participant)
    assert services.proposal_unsupport(proposal=proposal, user=participant) is True
    assert services.proposal_unsupport(proposal=proposal, user=participant) is False
    assert _count(proposal) == 0


def test_authors_do_not_support_their_own_proposal(proposal, author):
    with pytest.raises(ValidationError, match="your own proposal"):
        services.proposal_support(proposal=proposal, user=author)
    assert _count(proposal) == 0


@pytest.mark.parametrize("state", ["draft", "withdrawn"])
def test_drafts_and_withdrawn_proposals_cannot_be_supported(consultation, participant, state):
    proposal = ProposalFactory(consultation=consultation, **{state: True})
    with pytest.raises(ValidationError):
        services.proposal_support(proposal=proposal, user=participant)


def test_a_closed_consultation_takes_no_support_and_no_comment(plan, participant):
    proposal = ProposalFactory(consultation=ConsultationFactory(action_plan=plan, closed=True))
    with pytest.raises(ValidationError, match="closed"):
        services.proposal_support(proposal=proposal, user=participant)
    with pytest.raises(ValidationError, match="closed"):
        services.comment_create(proposal=proposal, author=participant, body="Late")
    assert not Support.objects.exists() and not Comment.objects.exists()


def test_replies_go_one_level_deep_only(proposal, participant):
    comment = services.comment_create(proposal=proposal, author=participant, body="First")
    reply = services.comment_create(proposal=proposal, author=UserFactory(), body="Reply", parent=comment)
    with pytest.raises(ValidationError, match="not to another reply"):
        services.comment_create(proposal=proposal, author=participant, body="Deeper", parent=reply)
    other = ProposalFactory(consultation=proposal.consultation)
    with pytest.raises(ValidationError, match="same proposal"):
        services.comment_create(proposal=other, author=participant, body="Elsewhere", parent=comment)


def test_a_comment_is_editable_for_a_short_while(proposal, participant, settings):
    comment = services.comment_create(proposal=proposal, author=participant, body="Typo here")
    comment = services.comment_update(comment=comment, body="Fixed")
    assert comment.body == "Fixed" and comment.edited_at is not None
    Comment.objects.filter(pk=comment.pk).update(
        created_at=timezone.now() - timedelta(minutes=settings.CONSULTATION_COMMENT_EDIT_MINUTES + 1)
    )
    comment.refresh_from_db()
    with pytest.raises(ValidationError, match="can no longer change"):
        services.comment_update(comment=comment, body="Rewritten history")


def test_empty_comments_are_refused(proposal, participant):
    with pytest.raises(ValidationError):
        services.comment_create(proposal=proposal, author=participant, body="   ")
    assert not Comment.objects.exists()


def test_following_is_idempotent(proposal, participant):
    services.proposal_follow(proposal=proposal, user=participant)
    services.proposal_follow(proposal=proposal, user=participant)
    assert proposal.follows.count() == 1
    services.proposal_unfollow(proposal=proposal, user=participant)
    assert not proposal.follows.exists()


def test_three_different_users_flagging_hide_the_item_until_review(proposal, settings):
    settings.CONSULTATION_FLAGS_TO_HIDE = 3
    flaggers = UserFactory.create_batch(3)
    services.flag_create(user=flaggers[0], proposal=proposal, reason="spam")
    services.flag_create(user=flaggers[0], proposal=proposal, reason="abuse")  # the same user again: one flag
    services.flag_create(user=flaggers[1], proposal=proposal, reason="spam")
    proposal.refresh_from_db()
    assert not proposal.is_hidden and Flag.objects.count() == 2
    services.flag_create(user=flaggers[2], proposal=proposal, reason="spam")
    proposal.refresh_from_db()
    assert proposal.is_hidden
    assert ModerationEvent.objects.get().action == ModerationEvent.Action.AUTO_HIDDEN


def test_flagged_comments_are_hidden_the_same_way(proposal):
    comment = CommentFactory(proposal=proposal)
    for user in UserFactory.create_batch(3):
        services.flag_create(user=user, comment=comment, reason="abuse")
    comment.refresh_from_db()
    assert comment.is_hidden


def test_nobody_flags_their_own_text(proposal, author):
    with pytest.raises(ValidationError, match="wrote yourself"):
        services.flag_create(user=author, proposal=proposal, reason="spam")


def test_moderators_hide_and_restore_with_a_reason_kept_as_history(proposal, staff_user):
    for user in UserFactory.create_batch(3):
        services.flag_create(user=user, proposal=proposal, reason="spam")
    with pytest.raises(ValidationError, match="Give the reason"):
        services.moderation_restore(proposal=proposal, reason=" ", actor=staff_user)
    services.moderation_restore(proposal=proposal, reason="Not spam: a real proposal.", actor=staff_user)
    proposal.refresh_from_db()
    assert not proposal.is_hidden
    assert not Flag.objects.filter(resolved_at__isnull=True).exists()
    services.moderation_hide(proposal=proposal, reason="Personal data of a neighbour.", actor=staff_user)
    proposal.refresh_from_db()
    assert proposal.is_hidden
    history = list(proposal.moderation.order_by("created_at", "id").values_list("action", flat=True))
    assert history == ["auto_hidden", "restored", "hidden"]


def test_after_a_review_new_flags_start_a_new_count(proposal, staff_user):
    users = UserFactory.create_batch(3)
    for user in users:
        services.flag_create(user=user, proposal=proposal, reason="spam")
    services.moderation_restore(proposal=proposal, reason="Fine", actor=staff_user)
    services.flag_create(user=users[0], proposal=proposal, reason="spam")
    proposal.refresh_from_db()
    assert not proposal.is_hidden and proposal.flags.filter(resolved_at__isnull=True).count() == 1
