"""A participant's own data: the download of everything about them, and the deletion of their account.

Deleting an account keeps what the person made public (submitted proposals, comments), shown as by a
"Deleted participant", and removes everything else: the person's name and e-mail address (also from
the history tables), drafts with their uploads, supports, follows, flags, e-mail addresses, sessions,
API tokens, sign-in records and e-mails in the outbox.
"""

import uuid

from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from common.models import OutgoingEmail

DELETED_EMAIL_DOMAIN = "deleted.invalid"  # reserved top-level domain: never deliverable (RFC 2606)


def _time(value):
    return value.isoformat() if value else None


def _proposal_data(proposal) -> dict:
    return {
        "id": proposal.pk,
        "url": proposal.get_absolute_url() if proposal.is_public else None,
        "consultation": proposal.consultation.title,
        "status": proposal.status,
        "title": proposal.title,
        "problem": proposal.problem,
        "solution": proposal.solution,
        "expected_results": proposal.expected_results,
        "on_behalf_of": proposal.organisation.name if proposal.organisation else None,
        "policy_area": str(proposal.policy_area) if proposal.policy_area else None,
        "created_at": _time(proposal.created_at),
        "submitted_at": _time(proposal.submitted_at),
        "withdrawn_at": _time(proposal.withdrawn_at),
        "withdrawal_reason": proposal.withdrawal_reason,
        "withdrawal_note": proposal.withdrawal_note,
        "hidden_by_moderation": proposal.is_hidden,
        "supports": proposal.support_count,
        "uploads": [
            {
                "file_name": attachment.original_name,
                "type": attachment.content_type,
                "size": attachment.size,
                "uploaded_at": _time(attachment.created_at),
            }
            for attachment in proposal.attachments.all()
        ],
    }


def user_data_export(*, user: User) -> dict:
    """Everything the portal holds about `user`, as plain JSON-ready data (a fixed number of queries)."""
    from allauth.account.models import EmailAddress
    from knox.models import AuthToken

    from consultations.models import Comment, Flag, Follow, Proposal, Support

    proposals = (
        Proposal.objects.filter(author=user)
        .select_related("consultation", "organisation", "policy_area")
        .prefetch_related("attachments")
        .order_by("created_at", "pk")
    )
    organisations = {p.organisation for p in proposals if p.organisation} | (
        {user.organisation} if user.organisation else set()
    )
    token = AuthToken.objects.filter(user=user).order_by("-created").first()
    return {
        "exported_at": timezone.now().isoformat(),
        "account": {
            "email": user.email,
            "full_name": user.full_name,
            "role": user.role,
            "member": user.member.name if user.member else None,
            "organisation": user.organisation.name if user.organisation else None,
            "receives_notifications": user.notifications_enabled,
            "language_of_emails": user.language or None,
            "date_joined": _time(user.date_joined),
            "last_login": _time(user.last_login),
            "api_token_created_at": _time(token.created) if token else None,
        },
        "email_addresses": [
            {"email": a.email, "verified": a.verified, "primary": a.primary}
            for a in EmailAddress.objects.filter(user=user).order_by("pk")
        ],
        "memberships": [
            {
                "organisation": user.organisation.name,
                "status": "confirmed" if user.organisation_confirmed_at else "awaiting confirmation",
                "asked_at": _time(user.organisation_requested_at),
                "confirmed_at": _time(user.organisation_confirmed_at),
            }
        ]
        if user.organisation
        else [],
        "organisations": [
            {"name": o.name, "kind": o.kind, "country": str(o.country.code or ""), "website": o.website}
            for o in sorted(organisations, key=lambda o: o.name)
        ],
        "proposals": [_proposal_data(p) for p in proposals],
        "comments": [
            {
                "proposal": c.proposal.title,
                "proposal_id": c.proposal_id,
                "reply_to": c.parent_id,
                "body": c.body,
                "hidden_by_moderation": c.is_hidden,
                "posted_at": _time(c.created_at),
                "edited_at": _time(c.edited_at),
            }
            for c in Comment.objects.filter(author=user).select_related("proposal").order_by("created_at", "pk")
        ],
        "supports": [
            {"proposal": s.proposal.title, "proposal_id": s.proposal_id, "supported_at": _time(s.created_at)}
            for s in Support.objects.filter(user=user).select_related("proposal").order_by("created_at", "pk")
        ],
        "follows": [
            {"proposal": f.proposal.title, "proposal_id": f.proposal_id, "followed_at": _time(f.created_at)}
            for f in Follow.objects.filter(user=user).select_related("proposal").order_by("created_at", "pk")
        ],
        "flags": [
            {
                "proposal_id": f.proposal_id,
                "comment_id": f.comment_id,
                "reason": f.reason,
                "details": f.note,
                "flagged_at": _time(f.created_at),
                "reviewed_at": _time(f.resolved_at),
            }
            for f in Flag.objects.filter(user=user).order_by("created_at", "pk")
        ],
    }


def user_can_delete_account(user: User) -> bool:
    """Participants delete their own account; a point of contact, researcher or staff member hands over
    first (the support unit changes their role), so that no plan, consultation or report is left
    without the person answerable for it."""
    return user.role == User.Role.PARTICIPANT and not user.is_staff and not user.is_superuser


def _delete_sessions(user: User) -> None:
    """Delete the person's sessions stored in the database (others die anyway: the account is inactive)."""
    if settings.SESSION_ENGINE != "django.contrib.sessions.backends.db":
        return
    doomed = [
        session.pk
        for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
        if session.get_decoded().get("_auth_user_id") == str(user.pk)
    ]
    Session.objects.filter(pk__in=doomed).delete()


@transaction.atomic
def user_delete_account(*, user: User) -> User:
    """Anonymise the account of a participant; what they published stays, without their identity.

    The user row stays (their public proposals and comments point to it) but is deactivated, its
    e-mail replaced by a unique undeliverable address and its name cleared, also in its history.
    """
    from allauth.account.models import EmailAddress
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    from accounts.tokens import api_tokens_revoke
    from consultations.models import Flag, Follow, Proposal, Support
    from consultations.services import proposal_discard

    user = User.objects.select_for_update().get(pk=user.pk)
    if user.deleted_at:
        return user
    if not user_can_delete_account(user):
        raise ValidationError(
            _("A point of contact, IRM researcher or staff member hands over first: ask the support unit.")
        )
    old_emails = {user.email} | set(EmailAddress.objects.filter(user=user).values_list("email", flat=True))

    drafts = list(Proposal.objects.filter(author=user, status=Proposal.Status.DRAFT))
    for draft in drafts:
        proposal_discard(proposal=draft)
    # Drafts were never public: neither deleted drafts nor the draft versions of published proposals stay.
    Proposal.history.filter(id__in=[d.pk for d in drafts]).delete()
    Proposal.history.filter(author=user, status=Proposal.Status.DRAFT).delete()
    for proposal_id in Support.objects.filter(user=user).values_list("proposal_id", flat=True):
        Proposal.objects.filter(pk=proposal_id, support_count__gt=0).update(support_count=F("support_count") - 1)
    Support.objects.filter(user=user).delete()
    Follow.objects.filter(user=user).delete()
    Flag.objects.filter(user=user).delete()

    EmailAddress.objects.filter(user=user).delete()
    api_tokens_revoke(user=user)
    for email in old_emails:
        AccessAttempt.objects.filter(username__iexact=email).delete()
        AccessLog.objects.filter(username__iexact=email).delete()
        AccessFailureLog.objects.filter(username__iexact=email).delete()
        OutgoingEmail.objects.filter(to__icontains=email).delete()
    _delete_sessions(user)

    placeholder = f"deleted-{uuid.uuid4().hex}@{DELETED_EMAIL_DOMAIN}"
    user.email = placeholder
    user.full_name = ""
    user.organisation = None
    user.organisation_requested_at = None
    user.organisation_confirmed_at = None
    user.notifications_enabled = False
    user.is_active = False
    user.deleted_at = timezone.now()
    user.set_unusable_password()
    user.save()
    User.history.filter(id=user.pk).update(
        email=placeholder,
        full_name="",
        organisation=None,
        organisation_requested_at=None,
        organisation_confirmed_at=None,
    )
    return user
