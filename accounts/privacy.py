"""A person's own data: "download my data" and the deletion of their account.

accounts is the lowest domain app: it knows nothing of what the apps above it hold about a person.
Each app registers a personal-data hook from its AppConfig.ready() (`register`): the sections it adds
to the download, the function that erases what it holds inside the deletion transaction, the reasons
that stop a deletion for now, and the foreign keys to the user model it answers for — those it
handles (`covers`) and those it leaves pointing at the anonymised account, each with why (`keeps`).
tests/accounts/test_privacy.py checks that every foreign key to the user model is declared.

Deleting an account keeps what the person made public (submitted proposals, comments), shown as by a
"Deleted participant", and removes everything else: the person's name and e-mail address (also from
the history tables), drafts with their uploads, supports, follows, flags, e-mail addresses, sessions,
API tokens, sign-in records and e-mails in the outbox.
"""

import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from importlib import import_module
from types import MappingProxyType

from django.conf import settings
from django.contrib.sessions.backends import db
from django.contrib.sessions.models import Session
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Organisation, User
from common.models import OutgoingEmail

DELETED_EMAIL_DOMAIN = "deleted.invalid"  # reserved top-level domain: never deliverable (RFC 2606)


@dataclass(frozen=True)
class PersonalDataHook:
    """What one app holds about a person (see the module's docstring); fields are "app_label.Model.field"."""

    name: str
    export: Callable[[User], dict] | None = None
    erase: Callable[[User], None] | None = None
    blockers: Callable[[User], list[str]] | None = None
    organisations: Callable[[User], Iterable[Organisation]] | None = None
    covers: tuple[str, ...] = ()
    keeps: Mapping[str, str] = field(default_factory=dict)


_hooks: dict[str, PersonalDataHook] = {}


def register(
    name: str,
    *,
    export: Callable[[User], dict] | None = None,
    erase: Callable[[User], None] | None = None,
    blockers: Callable[[User], list[str]] | None = None,
    organisations: Callable[[User], Iterable[Organisation]] | None = None,
    covers: Iterable[str] = (),
    keeps: Mapping[str, str] | None = None,
) -> PersonalDataHook:
    """Register (or replace) the hook of app `name`.

    - `export(user)` returns sections of the download, `{section: JSON-ready data}`, in a fixed number
      of queries; a section name belongs to one hook.
    - `erase(user)` runs inside the deletion transaction, the user row locked, before the account
      itself is anonymised; it goes through the app's own services and leaves the user row alone.
    - `blockers(user)` returns the reasons (translated sentences) the person cannot delete now.
    - `organisations(user)` the organisations the person acted for in the app (listed in the download).
    """
    hook = PersonalDataHook(
        name, export, erase, blockers, organisations, tuple(covers), MappingProxyType(dict(keeps or {}))
    )
    _hooks[name] = hook
    return hook


def registered_hooks() -> list[PersonalDataHook]:
    """The hooks in registration order (INSTALLED_APPS order: lower apps first)."""
    return list(_hooks.values())


# What accounts itself answers for. `history_user` of every history table (who made a recorded change)
# is kept: the account row stays, anonymised, so a change shows as made by a deleted account. A history
# table's copy of a field follows the declaration of the field on its model.
HISTORY_USER_FIELD = "history_user"
ACCOUNT_COVERS = (
    "account.EmailAddress.user",
    "knox.AuthToken.user",
    "accounts.User_groups.user",
    "accounts.User_user_permissions.user",
)
ACCOUNT_KEEPS = {
    "accounts.User.organisation_confirmed_by": "who confirmed another person's membership: the account "
    "row stays, anonymised",
    "admin.LogEntry.user": "the admin's log of staff actions; staff cannot delete their account (entries "
    "about the person are renamed on deletion)",
}


def user_references() -> set[str]:
    """Every foreign key to the user model, as "app_label.Model.field" (a history table's copy of a field
    under its model's label; `history_user` left out, see above)."""
    from django.apps import apps

    found = set()
    for model in apps.get_models(include_auto_created=True):
        tracked = getattr(model, "instance_type", model)  # django-simple-history: the model a history table follows
        found.update(
            f"{tracked._meta.label}.{f.name}"
            for f in model._meta.concrete_fields
            if f.is_relation and f.related_model is User and f.name != HISTORY_USER_FIELD
        )
    return found


def declared_user_references() -> dict[str, list[str]]:
    """The foreign keys to the user model that accounts and the registered hooks answer for, each with
    who declares it (more than one name: declared twice)."""
    declared = {label: ["accounts"] for label in (*ACCOUNT_COVERS, *ACCOUNT_KEEPS)}
    for hook in registered_hooks():
        for label in (*hook.covers, *hook.keeps):
            declared.setdefault(label, []).append(hook.name)
    return declared


def _time(value):
    return value.isoformat() if value else None


def _account_sections(user: User, hooks: list[PersonalDataHook]) -> dict:
    from allauth.account.models import EmailAddress
    from knox.models import AuthToken

    from accounts.tokens import api_token_scope

    organisations = {user.organisation} if user.organisation else set()
    for hook in hooks:
        if hook.organisations is not None:
            organisations.update(o for o in hook.organisations(user) if o is not None)
    token = AuthToken.objects.filter(user=user).order_by("-created").first()
    return {
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
            "api_token_scope": api_token_scope(token) if token else None,
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
    }


def user_data_export(*, user: User) -> dict:
    """Everything the portal holds about `user`, as plain JSON-ready data (a fixed number of queries):
    the account's own sections, then those of each registered app."""
    hooks = registered_hooks()
    data = {"exported_at": timezone.now().isoformat(), **_account_sections(user, hooks)}
    for hook in hooks:
        if hook.export is None:
            continue
        sections = hook.export(user)
        if clash := data.keys() & sections.keys():
            raise ImproperlyConfigured(f"Personal data hook {hook.name!r} exports sections already there: {clash}")
        data.update(sections)
    return data


def user_deletion_blockers(user: User) -> list[str]:
    """Why `user` cannot delete their account now (empty: they can).

    A point of contact, researcher or staff member hands over first (the support unit changes their
    role), so that no plan, consultation or report is left without the person answerable for it;
    registered apps add their own reasons.
    """
    reasons = []
    if user.role != User.Role.PARTICIPANT or user.is_staff or user.is_superuser:
        reasons.append(
            _(
                "Points of contact, IRM researchers and support unit staff hand their work over before leaving: "
                "ask the support unit to change your role, then you can delete your account."
            )
        )
    for hook in registered_hooks():
        if hook.blockers is not None:
            reasons.extend(hook.blockers(user))
    return reasons


def _delete_sessions(user: User) -> None:
    """Delete the person's sessions stored in the database (others die anyway: the account is inactive)."""
    if not issubclass(import_module(settings.SESSION_ENGINE).SessionStore, db.SessionStore):
        return  # sessions kept elsewhere (cookies, a cache) end with the account
    doomed = [
        session.pk
        for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
        if session.get_decoded().get("_auth_user_id") == str(user.pk)
    ]
    Session.objects.filter(pk__in=doomed).delete()


def _erase_account_records(user: User, old_emails: set[str]) -> None:
    """E-mail addresses, API tokens, permissions, sign-in records, outbox e-mails and sessions."""
    from allauth.account.models import EmailAddress
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    from accounts.tokens import api_tokens_revoke

    EmailAddress.objects.filter(user=user).delete()
    api_tokens_revoke(user=user)
    user.groups.clear()
    user.user_permissions.clear()
    for email in old_emails:
        AccessAttempt.objects.filter(username__iexact=email).delete()
        AccessLog.objects.filter(username__iexact=email).delete()
        AccessFailureLog.objects.filter(username__iexact=email).delete()
        OutgoingEmail.objects.filter(to__icontains=email).delete()
    _delete_sessions(user)


def _anonymise(user: User) -> None:
    """Scrub the user row, its history and the admin log's name for it; deactivate it."""
    from django.contrib.admin.models import LogEntry
    from django.contrib.contenttypes.models import ContentType

    placeholder = f"deleted-{uuid.uuid4().hex}@{DELETED_EMAIL_DOMAIN}"
    user.email = placeholder
    user.full_name = ""
    user.organisation = None
    user.organisation_requested_at = None
    user.organisation_confirmed_at = None
    user.organisation_confirmed_by = None
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
        organisation_confirmed_by=None,
    )
    LogEntry.objects.filter(content_type=ContentType.objects.get_for_model(User), object_id=str(user.pk)).update(
        object_repr=placeholder
    )


@transaction.atomic
def user_delete_account(*, user: User) -> User:
    """Anonymise the account of a participant; what they published stays, without their identity.

    The user row stays (their public proposals and comments point to it) but is deactivated, its
    e-mail replaced by a unique undeliverable address and its name cleared, also in its history.
    Each registered app erases what it holds first, in the same transaction.
    """
    from allauth.account.models import EmailAddress

    user = User.objects.select_for_update().get(pk=user.pk)
    if user.deleted_at:
        return user
    if reasons := user_deletion_blockers(user):
        raise ValidationError(reasons)
    old_emails = {user.email} | set(EmailAddress.objects.filter(user=user).values_list("email", flat=True))
    for hook in registered_hooks():
        if hook.erase is not None:
            hook.erase(user)
    _erase_account_records(user, old_emails)
    _anonymise(user)
    return user
