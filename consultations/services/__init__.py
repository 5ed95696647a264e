"""Writes of the consultations app: every rule of co-creation is enforced here, whoever the caller is."""

from consultations.services.consultations import (
    consultation_counters_refresh,
    consultation_create,
    consultation_end,
    consultation_update,
)
from consultations.services.forum import forum_meeting_save, forum_save, forum_seat_delete, forum_seat_save
from consultations.services.moderation import moderation_hide, moderation_restore
from consultations.services.notifications import response_published_emails, response_reminders_send
from consultations.services.participation import (
    comment_create,
    comment_update,
    flag_create,
    proposal_follow,
    proposal_support,
    proposal_unfollow,
    proposal_unsupport,
)
from consultations.services.proposals import (
    attachment_delete,
    proposal_create,
    proposal_discard,
    proposal_submit,
    proposal_update,
    proposal_withdraw,
)
from consultations.services.referrals import (
    referral_create,
    referral_give_opinion,
    referral_record_opinion,
    referral_reminders_send,
)
from consultations.services.responses import (
    proposal_mark_under_review,
    response_bulk_save,
    response_publish,
    response_save,
    response_template_delete,
    response_template_save,
)
from consultations.services.standards import requirement_mark_clear, requirement_mark_set
from consultations.services.translations import proposal_translation_delete, proposal_translation_save

__all__ = [
    "attachment_delete",
    "comment_create",
    "comment_update",
    "consultation_counters_refresh",
    "consultation_create",
    "consultation_end",
    "consultation_update",
    "flag_create",
    "forum_meeting_save",
    "forum_save",
    "forum_seat_delete",
    "forum_seat_save",
    "moderation_hide",
    "moderation_restore",
    "proposal_create",
    "proposal_discard",
    "proposal_follow",
    "proposal_mark_under_review",
    "proposal_submit",
    "proposal_translation_delete",
    "proposal_translation_save",
    "proposal_support",
    "proposal_unfollow",
    "proposal_unsupport",
    "proposal_update",
    "proposal_withdraw",
    "referral_create",
    "referral_give_opinion",
    "referral_record_opinion",
    "referral_reminders_send",
    "requirement_mark_clear",
    "requirement_mark_set",
    "response_bulk_save",
    "response_publish",
    "response_published_emails",
    "response_reminders_send",
    "response_save",
    "response_template_delete",
    "response_template_save",
]
