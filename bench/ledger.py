"""What the simulated participants of `make load` were told, and whether the database agrees.

Every write a participant attempts ends in one outcome, appended as one JSON line to its process's
ledger: "ok" (the portal answered with success), "refused" (a rule said no: a limit, a closed state),
"rate_limited" (a rate limit said no) or "error" (a server error, a timeout: the write's fate is
unknown). Afterwards the writes recorded "ok" must be exactly the rows found in the database:
no lost write (ok but missing), no phantom write (found but never ok), no duplicate.

Pure functions only (no Django): the load runner feeds them the ledgers and the rows it read.
"""

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

OUTCOMES = ("ok", "refused", "rate_limited", "error")
KINDS = ("proposal", "submission", "support", "comment")
RATE_LIMITED_TEXT = "too many times"  # the portal's message (in English) when a rate limit refuses


class Ledger:
    """Append-only JSON-lines file of one load process; each line is flushed as it is written."""

    def __init__(self, path: Path | str):
        self.handle = open(path, "a", encoding="utf-8")  # noqa: SIM115 (open for the process's lifetime)

    def record(self, kind: str, outcome: str, key: str, **extra) -> None:
        if kind not in KINDS or outcome not in OUTCOMES:
            raise ValueError(f"unknown write {kind!r} / {outcome!r}")
        self.handle.write(json.dumps({"kind": kind, "outcome": outcome, "key": key, **extra}) + "\n")
        self.handle.flush()


def classify(status: int, messages: list[tuple[str, str]] | None, text: str = "") -> str:
    """The outcome of a write from the portal's answer.

    `status`: the answer to the POST (0: no answer). `messages`: for buttons, which always redirect, the
    (level, text) messages of the page redirected to; None for forms, which redirect only on success and
    otherwise answer 200 with the form and its errors (`text`).
    """
    if status == 429:
        return "rate_limited"
    if status not in (200, 302):
        return "error"  # a server error, a lost connection, a refusal page: the write's fate is unknown
    if status == 302 and messages is None:
        return "ok"
    if status == 302:
        levels = {level for level, _text in messages}
        if "success" in levels:
            return "ok"
        if "error" not in levels:
            return "error"  # no message at all: the outcome cannot be told
        text = " ".join(message for _level, message in messages)
    return "rate_limited" if RATE_LIMITED_TEXT in text else "refused"


def read(paths) -> list[dict]:
    """Every record of the given ledger files, in file order."""
    records = []
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            records.extend(json.loads(line) for line in handle if line.strip())
    return records


def outcomes(records: list[dict]) -> dict[str, Counter]:
    """Counts of each outcome, per kind of write."""
    counts = {kind: Counter() for kind in KINDS}
    for record in records:
        counts[record["kind"]][record["outcome"]] += 1
    return counts


@dataclass
class Check:
    kind: str
    recorded: int
    found: int
    lost: list = field(default_factory=list)
    phantom: list = field(default_factory=list)
    duplicated: list = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.lost or self.phantom or self.duplicated)


def compare(records: list[dict], found: dict[str, list[str]]) -> list[Check]:
    """Each kind's successful writes (their keys) against the keys of the rows found in the database.

    `found[kind]` holds one key per row, so a key listed twice is a duplicate row. A success recorded
    twice for the same key (a form sent twice that the portal rightly answered with the same object)
    counts once.
    """
    checks = []
    for kind in KINDS:
        succeeded = {r["key"] for r in records if r["kind"] == kind and r["outcome"] == "ok"}
        rows = Counter(found.get(kind, []))
        checks.append(
            Check(
                kind=kind,
                recorded=len(succeeded),
                found=sum(rows.values()),
                lost=sorted(succeeded - rows.keys()),
                phantom=sorted(rows.keys() - succeeded),
                duplicated=sorted(key for key, n in rows.items() if n > 1),
            )
        )
    return checks
