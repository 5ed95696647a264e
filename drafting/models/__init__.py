from drafting.models.participation import (
    Amendment,
    AmendmentSupport,
    CommentFlag,
    CommentSupport,
    ParagraphComment,
)
from drafting.models.version import DraftCommitment, DraftParagraph, DraftReviewer, DraftVersion

__all__ = [
    "Amendment",
    "AmendmentSupport",
    "CommentFlag",
    "CommentSupport",
    "DraftCommitment",
    "DraftParagraph",
    "DraftReviewer",
    "DraftVersion",
    "ParagraphComment",
]
