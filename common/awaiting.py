"""What awaits someone, said at the top of the page they land on: "3 proposals await your response", each
item linked to the filtered list where the work is done.

Two audiences: a member's point of contact (the top of their workspace) and the support unit (the top of the
admin, where staff land). The work lives in the apps (proposals to answer and flags to review are the
consultations', membership requests the accounts'): each registers a provider from its AppConfig.ready(),
as the apps register their personal-data hooks, and the pages know them by this registry only. A provider
reads from stored counters or one bounded query.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import ngettext

from common.models import OutgoingEmail


@dataclass(frozen=True)
class Awaiting:
    count: int
    label: str  # translated, the count in it
    url: str  # the list of exactly these items


Provider = Callable[..., list[Awaiting]]
LIMIT = 10  # items per provider at most (a member's plans or consultations awaiting)
_member_providers: dict[str, Provider] = {}
_staff_providers: dict[str, Provider] = {}


def register(name: str, provider: Provider) -> None:
    """`provider(member=...)` returns what awaits that member's point of contact."""
    _member_providers[name] = provider


def register_staff(name: str, provider: Provider) -> None:
    """`provider()` returns what awaits the support unit."""
    _staff_providers[name] = provider


def awaiting_for_member(*, member) -> list[Awaiting]:
    return [item for provider in _member_providers.values() for item in provider(member=member) if item.count]


def awaiting_for_staff() -> list[Awaiting]:
    return [item for provider in _staff_providers.values() for item in provider() if item.count]


def emails_failed() -> list[Awaiting]:
    """What awaits the support unit in the outbox: e-mails that failed for good (their errors in the admin)."""
    count = OutgoingEmail.objects.filter(status=OutgoingEmail.Status.FAILED).count()
    label = ngettext("%(count)d e-mail could not be sent", "%(count)d e-mails could not be sent", count) % {
        "count": count
    }
    url = reverse("admin:common_outgoingemail_changelist") + "?status__exact=failed"
    return [Awaiting(count=count, label=label, url=url)]
