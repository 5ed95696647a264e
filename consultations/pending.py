"""What else a consultation owes reasoned answers to, beyond its proposals: the apps above (drafting's amendments
to a review of the draft plan) register a counter here from their AppConfig.ready(), and the response reminders
count it with the unanswered proposals. consultations never imports them."""

from collections.abc import Callable, Iterable

# counter(consultation_ids) -> {consultation id: items still awaiting a reasoned answer}, in one query.
Counter = Callable[[Iterable[int]], dict[int, int]]
_counters: dict[str, Counter] = {}


def register(name: str, counter: Counter) -> None:
    _counters[name] = counter


def pending_counts(consultation_ids: Iterable[int]) -> dict[int, int]:
    """Every registered counter's items per consultation, summed (one query per counter)."""
    ids = list(consultation_ids)
    totals: dict[int, int] = {}
    if not ids:
        return totals
    for counter in _counters.values():
        for pk, count in counter(ids).items():
            totals[pk] = totals.get(pk, 0) + count
    return totals
