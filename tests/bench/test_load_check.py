"""The check of `make load`: the writes participants were told succeeded against the rows in the database."""

import json

import pytest

from bench import ledger, load_data
from consultations import services
from consultations.models import Support
from tests.factories import UserFactory
from tests.factories.consultations import CommentFactory, ConsultationFactory, ProposalFactory

MARKER = "LOAD-TEST"


def _ok(kind, key):
    return {"kind": kind, "outcome": "ok", "key": key}


def _by_kind(checks):
    return {check.kind: check for check in checks}


def test_equal_sets_pass():
    """Every success found once, nothing else: each kind is equal."""
    records = [_ok("proposal", "a"), _ok("submission", "a"), _ok("support", "u|1"), _ok("comment", "c")]
    found = {"proposal": ["a"], "submission": ["a"], "support": ["u|1"], "comment": ["c"]}
    checks = ledger.compare(records, found)
    assert all(check.ok for check in checks)
    assert [(c.recorded, c.found) for c in checks] == [(1, 1)] * 4


def test_a_success_missing_from_the_database_is_lost():
    checks = _by_kind(ledger.compare([_ok("comment", "c1"), _ok("comment", "c2")], {"comment": ["c1"]}))
    assert not checks["comment"].ok
    assert checks["comment"].lost == ["c2"]


def test_a_row_nobody_was_told_about_is_a_phantom():
    """A refused or rate-limited write must not be in the database: found anyway, it is a phantom."""
    records = [
        _ok("comment", "c1"),
        {"kind": "comment", "outcome": "rate_limited", "key": "c2"},
        {"kind": "comment", "outcome": "refused", "key": "c3"},
    ]
    checks = _by_kind(ledger.compare(records, {"comment": ["c1", "c2"]}))
    assert checks["comment"].phantom == ["c2"]
    assert checks["comment"].lost == []


def test_two_rows_for_one_write_are_a_duplicate():
    checks = _by_kind(ledger.compare([_ok("proposal", "p")], {"proposal": ["p", "p"]}))
    assert checks["proposal"].duplicated == ["p"]
    assert not checks["proposal"].ok


def test_the_same_form_answered_twice_with_success_counts_once():
    """A double click on one form rightly answered twice with the same proposal is one write."""
    checks = _by_kind(ledger.compare([_ok("proposal", "p"), _ok("proposal", "p")], {"proposal": ["p"]}))
    assert checks["proposal"].ok
    assert checks["proposal"].recorded == 1


def test_the_ledger_counts_outcomes_per_kind(tmp_path):
    """Records written by two processes are read back in full and counted by outcome."""
    first, second = ledger.Ledger(tmp_path / "a.jsonl"), ledger.Ledger(tmp_path / "b.jsonl")
    first.record("support", "ok", "u|1", user="u")
    first.record("support", "rate_limited", "u|2")
    second.record("comment", "error", "c")
    records = ledger.read([tmp_path / "a.jsonl", tmp_path / "b.jsonl"])
    assert records[0] == {"kind": "support", "outcome": "ok", "key": "u|1", "user": "u"}
    counts = ledger.outcomes(records)
    assert counts["support"] == {"ok": 1, "rate_limited": 1}
    assert counts["comment"] == {"error": 1}
    with pytest.raises(ValueError):
        first.record("vote", "ok", "x")


@pytest.mark.django_db
def test_the_database_side_reads_only_what_the_load_participants_wrote(tmp_path):
    """Proposals by the run's marker (drafts are not submissions), supports and comments of load accounts."""
    consultation = ConsultationFactory()
    someone = UserFactory(email="someone@example.org")
    participant = UserFactory(email=f"participant0001@{load_data.DOMAIN}")
    submitted = ProposalFactory(consultation=consultation, title=f"{MARKER} submitted", author=participant)
    ProposalFactory(consultation=consultation, title=f"{MARKER} draft", author=participant, draft=True)
    other = ProposalFactory(consultation=consultation, title="Not from the load run", author=someone)
    services.proposal_support(proposal=other, user=participant)
    services.proposal_support(proposal=submitted, user=someone)
    CommentFactory(proposal=other, author=participant, body=f"{MARKER} comment")
    CommentFactory(proposal=other, author=someone, body="A comment from someone else")

    rows = load_data.written(MARKER)

    assert sorted(rows["proposal"]) == [f"{MARKER} draft", f"{MARKER} submitted"]
    assert rows["submission"] == [f"{MARKER} submitted"]
    assert rows["support"] == [f"{participant.email}|{other.pk}"]
    assert rows["comment"] == [f"{MARKER} comment"]
    assert load_data.counter_drift() == []
    Support.objects.create(proposal=other, user=UserFactory())  # a row without its counter increment
    assert load_data.counter_drift() == [other.pk]
    load_data.found(MARKER, str(tmp_path / "found.json"))
    assert json.loads((tmp_path / "found.json").read_text())["counter_drift"] == [other.pk]


@pytest.mark.parametrize(
    ("status", "messages", "text", "outcome"),
    [
        (302, None, "", "ok"),  # a form redirects only when it saved
        (200, None, "<ul class='errorlist'><li>This consultation accepts at most 2 proposals", "refused"),
        (200, None, "You have done this too many times in a short while.", "rate_limited"),
        (302, [("success", "Thank you: your support is counted.")], "", "ok"),  # a button and its message
        (302, [("error", "You cannot support your own proposal.")], "", "refused"),
        (302, [("error", "You have done this too many times in a short while.")], "", "rate_limited"),
        (302, [], "", "error"),  # a button with no message: what happened cannot be told
        (429, None, "", "rate_limited"),
        (500, None, "", "error"),
        (0, None, "", "error"),  # no answer at all
        (403, None, "", "error"),
    ],
)
def test_each_answer_of_the_portal_is_one_outcome(status, messages, text, outcome):
    assert ledger.classify(status, messages, text) == outcome


def _figures(failures=()):
    total = {"name": "Aggregated", "requests": 10, "failures": sum(f["occurrences"] for f in failures), "p50_ms": 5,
             "p95_ms": 9, "max_ms": 12, "rps": 2.0}  # fmt: skip
    return {"requests": [{**total, "name": "GET home"}], "total": total, "failures": list(failures)}


def test_the_run_fails_on_a_server_error_or_a_difference(capsys):
    """A clean run passes; one 5xx, one lost write or one write of unknown fate fails it, and says so."""
    from bench.load_run import report

    records = [_ok("comment", "c")]
    equal = ledger.compare(records, {"comment": ["c"]})
    assert report(_figures(), records, equal, [], 20.0)
    server_error = {"name": "POST comment", "error": "HTTP 500", "occurrences": 1}
    assert not report(_figures([server_error]), records, equal, [], 20.0)
    assert "server errors, 5xx: 1" in capsys.readouterr().out
    assert not report(_figures(), records, ledger.compare(records, {"comment": []}), [], 20.0)
    assert "DIFFERENT" in capsys.readouterr().out
    unknown = [*records, {"kind": "support", "outcome": "error", "key": "u|1"}]
    assert not report(_figures(), unknown, ledger.compare(unknown, {"comment": ["c"]}), [], 20.0)
    assert not report(_figures(), records, equal, [7], 20.0)
