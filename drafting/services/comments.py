"""Comments on a paragraph of the current draft: threaded (one level), supported once per person, flagged; three
people's open flags hide a comment until support staff review it (the rules of consultations' comments)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from common.models import page_language
from drafting.models import CommentFlag, CommentSupport, DraftParagraph, ParagraphComment
from drafting.services._common import paragraph_for_update, require_current, require_review_open
from drafting.services.reviewers import is_reviewer


def _count(paragraph_id: int, delta: int) -> None:
    DraftParagraph.objects.filter(pk=paragraph_id).update(comment_count=F("comment_count") + delta)


@transaction.atomic
def comment_create(
    *, paragraph: DraftParagraph, author: User, body: str, parent: ParagraphComment | None = None, language: str = ""
) -> ParagraphComment:
    """Comment on a paragraph of the current version while its review is open, or reply to a comment."""
    paragraph = paragraph_for_update(paragraph.pk)
    version = paragraph.draft_commitment.version
    if version.is_published or not is_reviewer(author, version):
        require_review_open(version.consultation)
        require_current(version)
    if parent is not None and parent.is_hidden:
        raise ValidationError({"parent": _("This comment was hidden by moderation; it cannot be answered.")})
    comment = ParagraphComment(
        paragraph=paragraph,
        author=author,
        parent=parent,
        body=(body or "").strip(),
        language=language or page_language(),
    )
    comment.full_clean()
    comment.save()
    _count(paragraph.pk, 1)
    return comment


@transaction.atomic
def comment_support(*, comment: ParagraphComment, user: User) -> CommentSupport:
    """One support per person and comment; supporting again changes nothing."""
    current = ParagraphComment.objects.select_for_update().get(pk=comment.pk)
    if current.author_id == user.pk:
        raise ValidationError(_("You cannot support your own comment."))
    support, created = CommentSupport.objects.get_or_create(comment=current, user=user)
    if created:
        ParagraphComment.objects.filter(pk=current.pk).update(support_count=F("support_count") + 1)
    return support


def _set_hidden(comment: ParagraphComment, hidden: bool, reason: str) -> None:
    if comment.is_hidden != hidden:
        comment.is_hidden = hidden
        comment._change_reason = reason[:100]
        comment.save(update_fields=["is_hidden"])
        _count(comment.paragraph_id, -1 if hidden else 1)


@transaction.atomic
def comment_flag(*, comment: ParagraphComment, user: User, reason: str) -> CommentFlag:
    current = ParagraphComment.objects.select_for_update().get(pk=comment.pk)
    if current.is_hidden:
        raise ValidationError(_("This comment is already hidden; the moderators will review it."))
    if current.author_id == user.pk:
        raise ValidationError(_("You cannot flag your own comment."))
    flag = CommentFlag(comment=current, user=user, reason=reason)
    flag.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            flag.save()
    except IntegrityError as error:
        raise ValidationError(_("You have already flagged this comment; the moderators will review it.")) from error
    flaggers = CommentFlag.objects.filter(comment=current, resolved_at__isnull=True).values("user").distinct().count()
    if flaggers >= settings.CONSULTATION_FLAGS_TO_HIDE:
        _set_hidden(current, True, "Hidden automatically after flags")
    return flag


@transaction.atomic
def comment_review(*, comment: ParagraphComment, user: User, hide: bool, reason: str) -> ParagraphComment:
    """Support staff hide a comment or keep (or put back) it visible, with a reason kept in its history."""
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Say why: the decision is kept in the comment's history.")})
    current = ParagraphComment.objects.select_for_update().get(pk=comment.pk)
    CommentFlag.objects.filter(comment=current, resolved_at__isnull=True).update(resolved_at=timezone.now())
    _set_hidden(current, hide, f"{'Hidden' if hide else 'Kept visible'}: {reason.strip()}")
    return current
