"""Reads of the accounts app."""

from django.db.models import QuerySet

from accounts.models import User


def membership_request_list(*, user: User) -> QuerySet[User]:
    """Memberships awaiting confirmation that `user` may decide: those of the organisation they speak for,
    and every one for the support unit. Oldest request first."""
    pending = User.objects.filter(
        organisation__isnull=False, organisation_confirmed_at__isnull=True, is_active=True
    ).exclude(pk=user.pk)
    if not user.is_staff:
        if user.organisation_confirmed_at is None:
            return User.objects.none()
        pending = pending.filter(organisation_id=user.organisation_id)
    return pending.select_related("organisation").order_by("organisation_requested_at", "pk")


def api_token_current(*, user: User):
    """The account's live API token (knox's row, its `scope` row selected), or None. Never its key."""
    from django.utils import timezone
    from knox.models import AuthToken

    return (
        AuthToken.objects.filter(user=user, expiry__gt=timezone.now())
        .select_related("scope")
        .order_by("-created")
        .first()
    )
