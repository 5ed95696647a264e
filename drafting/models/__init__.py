from drafting.models.participation import (
    Amendment,
    AmendmentSupport,
    CommentFlag,
    CommentSupport,
    ParagraphComment,
)
from drafting.models.version import DraftCommitment, DraftParagraph, DraftVersion

__all__ = [
    "Amendment",
    "AmendmentSupport",
    "CommentFlag",
    "CommentSupport",
    "DraftCommitment",
    "DraftParagraph",
    "DraftVersion",
    "ParagraphComment",
]
