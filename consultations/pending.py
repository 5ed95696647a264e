"""What else a consultation owes reasoned answers to, beyond its proposals: the apps above (drafting's amendments
to a review of the draft plan) register a counter here from their AppConfig.ready(), and the response reminders
and the co-creation checklist count its items with the proposals. consultations never imports them."""

from collections.abc import Callable, Iterable

from commitments.models import ActionPlan
from common.hints import RowHint

# counter(consultation_ids) -> {consultation id: (items owed a reasoned answer, items answered)}, in one query.
Counter = Callable[[Iterable[int]], dict[int, tuple[int, int]]]
_counters: dict[str, tuple[Counter, RowHint | None]] = {}


def register(name: str, counter: Counter, *, plan_hint: RowHint | None = None) -> None:
    """`plan_hint`: whether an action plan has any of the counted items (common.hints), for answer_counts(on=plan)."""
    _counters[name] = (counter, plan_hint)


def answer_counts(consultation_ids: Iterable[int], *, on: ActionPlan | None = None) -> dict[int, tuple[int, int]]:
    """Every registered counter's (owed, answered) per consultation, summed (one query per counter). `on`: the plan
    of these consultations; a counter whose hint says it has none of its items sends no query."""
    ids = list(consultation_ids)
    totals: dict[int, tuple[int, int]] = {}
    if not ids:
        return totals
    for counter, plan_hint in _counters.values():
        if on is not None and plan_hint is not None and plan_hint.known_empty(on):
            continue
        for pk, (owed, answered) in counter(ids).items():
            before = totals.get(pk, (0, 0))
            totals[pk] = (before[0] + owed, before[1] + answered)
    return totals


def pending_counts(consultation_ids: Iterable[int]) -> dict[int, int]:
    """The items still without an answer, per consultation."""
    return {pk: owed - answered for pk, (owed, answered) in answer_counts(consultation_ids).items()}
