import logging

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_failure_limit, get_lockout_parameters
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum

from accounts.email_address import normalize_email_or_none
from common.ratelimit import client_ip

# The account's security events besides sign-ins (which django-axes records): API tokens issued and revoked.
security_log = logging.getLogger("accounts.security")


def security_event(*, request, user, action: str, **details) -> None:
    """Record an action on the account's access (`action`: "api_token_issued", "api_tokens_revoked"…), with
    who did it and from which client address; never a secret."""
    extra = " ".join(f"{key}={value}" for key, value in sorted(details.items()))
    security_log.info("%s user=%s ip=%s %s", action, user.pk, client_ip(request) or "-", extra)


def login_identifier(request, credentials) -> str:
    """The account a sign-in attempt targets, whatever the form calls it (allauth, admin, API token)."""
    credentials = credentials or {}
    data = getattr(request, "POST", {}) or {}
    for key in ("email", "username", "login"):
        value = credentials.get(key) or data.get(key)
        if value:
            return normalize_email_or_none(str(value)) or str(value).strip().lower()
    return ""


class LockoutHandler(AxesDatabaseHandler):
    """django-axes' database handler with one limit per lockout parameter.

    An account is locked after AXES_FAILURE_LIMIT failures from anywhere; an address only after
    LOGIN_ADDRESS_FAILURE_LIMIT failures on any accounts, since an office, a ministry or a mobile network
    puts many people behind one address. A successful sign-in clears the account's failures only: it
    proves the password of that account, not the good faith of the address.
    """

    def get_failures(self, request, credentials=None) -> int:
        # Axes compares one number with AXES_FAILURE_LIMIT: each count is put on that scale, so that it
        # reaches the limit exactly when the count reaches its own limit.
        account_limit = get_failure_limit(request, credentials)
        worst = 0
        parameters = get_lockout_parameters(request, credentials)
        for parameter, attempts in zip(parameters, self.get_user_attempts(request, credentials), strict=True):
            failures = attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            limit = settings.LOGIN_ADDRESS_FAILURE_LIMIT if parameter == "ip_address" else account_limit
            worst = max(worst, failures * account_limit // max(limit, 1))
        return worst

    def reset_user_attempts(self, request, credentials=None) -> int:
        username = get_client_username(request, credentials)
        count, _deleted = AccessAttempt.objects.filter(username=username).delete() if username else (0, {})
        return count
