"""Where each commitment of a plan came from, for the report's commitment annex: the apps above (drafting's
accepted amendments) register a provider here from their AppConfig.ready(); irm_reports never imports them."""

from collections.abc import Callable

# provider(plan) -> {commitment id: [short lines, already translated]}, in a fixed number of queries.
Provider = Callable[[object], dict[int, list[str]]]
_providers: dict[str, Provider] = {}


def register(name: str, provider: Provider) -> None:
    _providers[name] = provider


def plan_provenance(plan) -> dict[int, list[str]]:
    """Every provider's lines per commitment of `plan`, in the order the providers were registered."""
    lines: dict[int, list[str]] = {}
    for provider in _providers.values():
        for commitment_id, items in provider(plan).items():
            lines.setdefault(commitment_id, []).extend(items)
    return lines
