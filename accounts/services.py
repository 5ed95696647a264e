"""Writes of the accounts app: roles, organisation memberships, profiles, and e-mails to a user."""

import logging

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.apps import MEMBERSHIP_DECISION, MEMBERSHIP_REQUEST
from accounts.models import Organisation, User
from common.models import OutgoingEmail
from common.outbox import email_enqueue
from common.site import absolute_url, email_render
from notifications.kinds import DEFAULT_KIND
from notifications.models import Delivery
from notifications.services import notification_create, summary

logger = logging.getLogger(__name__)

SUPPORT_UNIT_GROUP = "Support unit"


@transaction.atomic
def user_set_role(*, user: User, role: str, member=None) -> User:
    """Give a user a role; support staff get the admin and the support unit's permissions.

    A change of role or member revokes the user's API tokens: they were issued for the role they had.
    """
    from accounts.tokens import api_tokens_revoke

    member = member if role == User.Role.POINT_OF_CONTACT else None
    stored = User.objects.filter(pk=user.pk).values("role", "member_id").first() if user.pk else None
    if stored and (stored["role"], stored["member_id"]) != (role, member.pk if member else None):
        api_tokens_revoke(user=user)
    user.role = role
    user.member = member
    user.is_staff = role == User.Role.SUPPORT_STAFF or user.is_superuser
    user.full_clean(exclude=["password"])
    user.save()
    group, _created = Group.objects.get_or_create(name=SUPPORT_UNIT_GROUP)
    if role == User.Role.SUPPORT_STAFF:
        user.groups.add(group)
    else:
        user.groups.remove(group)
    return user


@transaction.atomic
def email_to_user(
    *,
    user: User,
    template: str,
    subject,
    context: dict,
    subject_args: dict,
    kind: str = DEFAULT_KIND,
    link: str = "",
    text: str = "",
) -> OutgoingEmail | None:
    """A notification to `user`, written in their language: listed in the portal (notifications), and
    e-mailed now, later in a digest or not at all as they chose for `kind` (a name registered with
    `notifications.kinds.register`).

    `template` (.txt and .html) is rendered with `user` in the context; `subject` (a lazy translation) filled
    with `subject_args`, after the portal's prefix, is also the notification's title; `link` is the path it
    leads to; `text`, its short text, defaults to the e-mail's first paragraph after the greeting.
    Returns the outbox e-mail when one is written now.
    """
    with translation.override(user_language(user)):
        title = str(subject) % subject_args
        body_text, body_html = email_render(template, {**context, "user": user})
        notification = notification_create(
            recipient=user,
            kind=kind,
            title=title,
            text=text or summary(body_text),
            link=link,
            emails_wanted=bool(user.is_active and user.notifications_enabled and user.email),
        )
        if notification.email != Delivery.IMMEDIATELY:
            return None
        return email_enqueue(
            to=[user.email],
            subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{title}",
            body_text=body_text,
            body_html=body_html,
        )


@transaction.atomic
def user_complete_signup(*, user: User, full_name: str, organisation_name: str = "", language: str = "") -> User:
    """Fill in what the registration form asks besides e-mail and password, and the language used.

    An organisation named here is only asked for: the person speaks for it once a confirmed member of
    it, or the support unit, confirms them (`organisation_membership_request`).
    """
    user.full_name = full_name.strip()
    user.language = language if language in dict(settings.LANGUAGES) else ""
    user.save(update_fields=["full_name", "language"])
    if organisation_name.strip():
        organisation = Organisation.objects.filter(
            name__iexact=organisation_name.strip(), member__isnull=True
        ).first() or Organisation.objects.create(name=organisation_name.strip(), kind=Organisation.Kind.CIVIL_SOCIETY)
        organisation_membership_request(user=user, organisation=organisation)
    return user


def _membership_mail(user: User, template: str, subject, context: dict, kind: str = MEMBERSHIP_DECISION) -> None:
    """One notification about a membership, written in the recipient's language (`subject` is a lazy translation)."""
    email_to_user(
        user=user,
        template=f"account/emails/{template}",
        subject=subject,
        context={**context, "requests_url": absolute_url(reverse("profile-organisation"))},
        subject_args={"name": context["organisation"].name},
        kind=kind,
        link=reverse("profile-organisation"),
    )


# The fields of User that say which organisation a person speaks for, and whether that is confirmed.
MEMBERSHIP_FIELDS = [
    "organisation",
    "organisation_requested_at",
    "organisation_confirmed_at",
    "organisation_confirmed_by",
]


@transaction.atomic
def organisation_membership_request(*, user: User, organisation: Organisation) -> User:
    """`user` asks to speak for `organisation`; the request waits for confirmation.

    Its confirmed members are told (the support unit when it has none yet).
    """
    user.organisation = organisation
    user.organisation_requested_at = timezone.now()
    user.organisation_confirmed_at = None
    user.organisation_confirmed_by = None
    user.save(update_fields=MEMBERSHIP_FIELDS)
    deciders = list(organisation.people.filter(organisation_confirmed_at__isnull=False).exclude(pk=user.pk))
    if not deciders:
        deciders = list(User.objects.filter(role=User.Role.SUPPORT_STAFF))
    for decider in deciders:
        if decider.is_active:
            _membership_mail(
                decider,
                "membership_requested",
                gettext_lazy("%(name)s: a membership to confirm"),
                {"organisation": organisation, "requester": user},
                kind=MEMBERSHIP_REQUEST,
            )
    return user


def _locked_request(member: User) -> User:
    member = User.objects.select_for_update(of=("self",)).select_related("organisation").get(pk=member.pk)
    if not member.organisation_pending:
        raise ValidationError(_("This person has no membership awaiting confirmation."))
    return member


@transaction.atomic
def organisation_membership_confirm(*, member: User, by: User) -> User:
    """Confirm a pending membership (the caller checked `accounts.decide_membership`); the person is told."""
    member = _locked_request(member)
    member.organisation_confirmed_at = timezone.now()
    member.organisation_confirmed_by = by
    member.save(update_fields=["organisation_confirmed_at", "organisation_confirmed_by"])
    _membership_mail(
        member,
        "membership_confirmed",
        gettext_lazy("You now speak for %(name)s"),
        {"organisation": member.organisation},
    )
    return member


@transaction.atomic
def organisation_membership_refuse(*, member: User, by: User) -> User:
    """Refuse a pending membership: the person no longer asks for the organisation, and is told."""
    member = _locked_request(member)
    organisation = member.organisation
    member.organisation = None
    member.organisation_requested_at = None
    member.save(update_fields=["organisation", "organisation_requested_at"])
    _membership_mail(
        member,
        "membership_refused",
        gettext_lazy("Your membership of %(name)s was not confirmed"),
        {"organisation": organisation},
    )
    return member


@transaction.atomic
def organisation_membership_set(*, user: User, organisation: Organisation | None, by: User | None) -> User:
    """The support unit sets a person's organisation (in the admin, or the demo data): confirmed at once."""
    now = timezone.now()
    user.organisation = organisation
    user.organisation_requested_at = now if organisation else None
    user.organisation_confirmed_at = now if organisation else None
    user.organisation_confirmed_by = by if organisation else None
    user.save(update_fields=MEMBERSHIP_FIELDS)
    return user


def user_update_profile(*, user: User, full_name: str, language: str = "") -> User:
    """The profile's fields; the e-mail switch (`notifications_enabled`) is on the notifications page."""
    user.full_name = full_name.strip()
    user.language = language
    user.full_clean(exclude=["password"])
    user.save(update_fields=["full_name", "language"])
    return user


def user_set_language(*, user: User, language: str) -> None:
    """Remember the language a signed-in person chose on the site, for the e-mails sent to them later."""
    if language in dict(settings.LANGUAGES) and user.language != language:
        user.language = language
        user.save(update_fields=["language"])


def user_language(user: User | None) -> str:
    """The language to write to someone in: theirs if known, else the portal's default."""
    return (user.language if user is not None else "") or settings.LANGUAGE_CODE
