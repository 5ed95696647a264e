"""Co-creation: consultations, proposals and their reasoned responses, participation, the forum, standards."""

from consultations.models.consultation import Consultation, ResponseReminder
from consultations.models.forum import Forum, ForumMeeting, ForumSeat, Sector
from consultations.models.participation import Comment, Flag, Follow, ModerationEvent, Support
from consultations.models.proposal import Proposal, ProposalAttachment
from consultations.models.response import ProposalResponse, Referral, ResponseTemplate
from consultations.models.standards import CoCreationChecklist, RequirementMark
from consultations.models.translation import (
    CommentTranslation,
    ConsultationTranslation,
    ProposalResponseTranslation,
    ProposalTranslation,
)

__all__ = [
    "CoCreationChecklist",
    "Comment",
    "CommentTranslation",
    "Consultation",
    "ConsultationTranslation",
    "Flag",
    "Follow",
    "Forum",
    "ForumMeeting",
    "ForumSeat",
    "ModerationEvent",
    "Proposal",
    "ProposalAttachment",
    "ProposalResponse",
    "ProposalResponseTranslation",
    "ProposalTranslation",
    "Referral",
    "RequirementMark",
    "ResponseReminder",
    "ResponseTemplate",
    "Sector",
    "Support",
]
