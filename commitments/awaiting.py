"""What awaits a member's point of contact, said at the top of their workspace: "3 proposals await your
response", each linked to the filtered list where the work is done.

The work lives in the apps above commitments (proposals to answer are the consultations'): each registers a
provider from its AppConfig.ready(), as the apps register their personal-data hooks, and commitments knows
them by this registry only. A provider reads from stored counters, in one bounded query.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Awaiting:
    count: int
    label: str  # translated, the count in it
    url: str  # the list of exactly these items


Provider = Callable[..., list[Awaiting]]
_providers: dict[str, Provider] = {}


def register(name: str, provider: Provider) -> None:
    """`provider(member=...)` returns what awaits that member's point of contact."""
    _providers[name] = provider


def awaiting_for_member(*, member) -> list[Awaiting]:
    return [item for provider in _providers.values() for item in provider(member=member) if item.count]
