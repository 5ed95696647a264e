"""The registry of notification kinds: each app registers the kinds it sends from its AppConfig.ready().

A kind is a name ("consultations.proposal_response") and a label shown on the preferences page. A
notification without a kind is of `DEFAULT_KIND`, so a caller written before its app registered kinds
still works.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

DEFAULT_KIND = "notifications.other"


@dataclass(frozen=True)
class Kind:
    name: str
    label: str


_kinds: dict[str, Kind] = {}


def register(name: str, label) -> Kind:
    """Register (or replace) a kind; `label` is a lazy translation."""
    kind = Kind(name=name, label=label)
    _kinds[name] = kind
    return kind


def get(name: str) -> Kind:
    """The kind of this name; an unknown name (a kind since removed) is shown as the default one."""
    return _kinds.get(name) or _kinds[DEFAULT_KIND]


def is_registered(name: str) -> bool:
    return name in _kinds


def all_kinds() -> list[Kind]:
    """Every kind, in the order registered, the default one last."""
    return sorted(_kinds.values(), key=lambda kind: kind.name == DEFAULT_KIND)


register(DEFAULT_KIND, _("Other notifications"))
