"""What else a consultation owes reasoned answers to, beyond its proposals: the apps above (drafting's amendments
to a review of the draft plan) register a counter here from their AppConfig.ready(), and the response reminders
and the co-creation checklist count its items with the proposals. consultations never imports them."""

from collections.abc import Callable, Iterable

# counter(consultation_ids) -> {consultation id: (items owed a reasoned answer, items answered)}, in one query.
Counter = Callable[[Iterable[int]], dict[int, tuple[int, int]]]
_counters: dict[str, Counter] = {}


def register(name: str, counter: Counter) -> None:
    _counters[name] = counter


def answer_counts(consultation_ids: Iterable[int]) -> dict[int, tuple[int, int]]:
    """Every registered counter's (owed, answered) per consultation, summed (one query per counter)."""
    ids = list(consultation_ids)
    totals: dict[int, tuple[int, int]] = {}
    if not ids:
        return totals
    for counter in _counters.values():
        for pk, (owed, answered) in counter(ids).items():
            before = totals.get(pk, (0, 0))
            totals[pk] = (before[0] + owed, before[1] + answered)
    return totals


def pending_counts(consultation_ids: Iterable[int]) -> dict[int, int]:
    """The items still without an answer, per consultation."""
    return {pk: owed - answered for pk, (owed, answered) in answer_counts(consultation_ids).items()}
