"""Simulated participants of `make load`, for locust: they log in, browse, propose, support and comment.

Each participant uses the portal as a person would, through its HTML forms (CSRF token and the
proposal form's one-time submission key included), and appends the outcome of every write to the
process's ledger (bench.ledger). A server error (5xx), or any other unexpected answer, is a failure in
locust's figures; a rate limit (a 429, or the form's "too many times" message) is recorded apart:
neither a failure nor a success.

Configured by the environment bench.load_run sets: LOAD_ACCOUNTS (the JSON of bench.load_data prepare),
LOAD_LEDGER (this process's ledger file), LOAD_MARKER (the prefix of everything written in this run) and
LOAD_STATS (where the final figures go, once every participant has stopped).
"""

import itertools
import json
import os
import random
import re
from pathlib import Path

from locust import FastHttpUser, between, events, task

from bench import ledger

ACCOUNTS = json.loads(Path(os.environ["LOAD_ACCOUNTS"]).read_text(encoding="utf-8"))
LEDGER = ledger.Ledger(os.environ["LOAD_LEDGER"])
MARKER = os.environ["LOAD_MARKER"]
CONSULTATION = ACCOUNTS["consultation"]
PLAN = ACCOUNTS["plan"]
MAX_PROPOSALS = 3  # attempts each: the consultation takes two (bench.load_data), the third is refused

_next_account = itertools.count()
RUN = None  # locust's environment, set at start
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
SUBMISSION_KEY = re.compile(r'name="submission_key" value="([^"]+)"')
MESSAGE = re.compile(r'class="message message-(\w+)">([^<]*)<')
PROPOSAL_LINK = re.compile(r'href="/proposals/(\d+)/"')
PROPOSAL_PAGE = re.compile(r"^/proposals/(\d+)/")


@events.quit.add_listener
def _write_figures(**_kwargs):
    """Per request type: count, failures, median, 95th percentile, maximum; and the failures by kind."""
    stats = RUN.runner.stats

    def row(entry):
        return {
            "name": entry.name,
            "requests": entry.num_requests,
            "failures": entry.num_failures,
            "p50_ms": entry.get_response_time_percentile(0.5) if entry.num_requests else 0,
            "p95_ms": entry.get_response_time_percentile(0.95) if entry.num_requests else 0,
            "max_ms": entry.max_response_time,
            "rps": entry.total_rps,
        }

    figures = {
        "requests": sorted((row(e) for e in stats.entries.values()), key=lambda r: r["name"]),
        "total": row(stats.total),
        "failures": [e.to_dict() for e in stats.errors.values()],
    }
    with open(os.environ["LOAD_STATS"], "w", encoding="utf-8") as handle:
        json.dump(figures, handle)


@events.init.add_listener
def _remember_environment(environment, **_kwargs):
    global RUN
    RUN = environment


def _first(pattern: re.Pattern, text: str) -> str | None:
    match = pattern.search(text)
    return match.group(1) if match else None


class Participant(FastHttpUser):
    wait_time = between(1, 4)

    def on_start(self):
        number = next(_next_account)
        self.email = ACCOUNTS["emails"][number % len(ACCOUNTS["emails"])]
        self.headers = {"Accept-Language": "en", "X-Forwarded-For": f"10.77.{number // 250}.{number % 250 + 1}"}
        self.known: set[int] = set()  # public proposals seen while browsing
        self.own: set[int] = set()
        self.supported: set[int] = set()
        self.proposals = self.comments = 0
        self.eager = number % 10 == 0
        self.logged_in = self.login()

    # -- helpers ---------------------------------------------------------------------------------------

    def get(self, path: str, name: str):
        """GET a page; any status other than 200 is a failure."""
        with self.client.get(
            path, name=name, headers=self.headers, catch_response=True, allow_redirects=False
        ) as response:
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code}")
            return response

    def post(self, path: str, data: dict, name: str, expected=(200, 302)):
        """POST a form. A redirect (success) or 200 (the form again, with its errors) is a fine answer,
        and so is a 429 (a rate limit); anything else is a failure."""
        with self.client.post(
            path, data=data, name=name, headers=self.headers, catch_response=True, allow_redirects=False
        ) as response:
            if response.status_code == 429:
                response.success()
            elif response.status_code not in expected:
                response.failure(f"HTTP {response.status_code}")
            return response

    def follow(self, response, name: str) -> list[tuple[str, str]]:
        """GET where a write redirected to; the messages shown there, as (level, text)."""
        page = self.get(response.headers["Location"], name)
        return MESSAGE.findall(page.text) if page.status_code == 200 else []

    def outcome(self, response, messages=None) -> str:
        text = response.text if response.status_code == 200 else ""
        return ledger.classify(response.status_code, messages, text)

    def learn(self, ids) -> None:
        self.known.update(int(i) for i in ids)
        self.known -= self.own

    def login(self) -> bool:
        page = self.get("/accounts/login/", "GET login")
        data = {"csrfmiddlewaretoken": _first(CSRF, page.text), "login": self.email, "password": ACCOUNTS["password"]}
        response = self.post("/accounts/login/", data, "POST login", expected=(302,))
        if response.status_code != 302:
            return False
        self.get(response.headers["Location"], "GET landing after sign-in")
        return True

    # -- browsing --------------------------------------------------------------------------------------

    @task(2)
    def home(self):
        self.get("/", "GET home")

    @task(1)
    def plan(self):
        self.get(f"/action-plans/{PLAN}/", "GET action plan")

    @task(1)
    def commitments(self):
        self.get("/commitments/", "GET commitment list")

    @task(3)
    def consultation(self):
        page = self.get(f"/consultations/{CONSULTATION}/", "GET consultation")
        self.learn(PROPOSAL_LINK.findall(page.text))

    @task(2)
    def api_list(self):
        response = self.get(f"/api/v1/proposals/?consultation={CONSULTATION}", "GET API proposals")
        if response.status_code == 200:
            self.learn(row["id"] for row in response.json()["results"] if row["status"] != "draft")

    @task(4)
    def proposal_page(self):
        if self.known:
            self.get(f"/proposals/{random.choice(sorted(self.known))}/", "GET proposal")

    # -- writes ----------------------------------------------------------------------------------------

    @task(2)
    def propose(self):
        if not self.logged_in or self.proposals >= MAX_PROPOSALS:
            return
        self.proposals += 1
        form = self.get(f"/consultations/{CONSULTATION}/propose/", "GET proposal form")
        if form.status_code != 200:
            return
        title = f"{MARKER} {self.email} proposal {self.proposals}"
        data = {
            "csrfmiddlewaretoken": _first(CSRF, form.text),
            "submission_key": _first(SUBMISSION_KEY, form.text),
            "title": title,
            "problem": "Residents cannot follow how district budgets are spent during the year.",
            "solution": "Publish each district's spending every month as open data, with a plain summary.",
            "expected_results": "Residents and journalists can compare plans with what is actually spent.",
            "policy_area": "",
            "website": "",
        }
        response = self.post(f"/consultations/{CONSULTATION}/propose/", data, "POST proposal form")
        if response.status_code == 302 and random.random() < 0.25:
            # A double click: the same form (same submission key) again must lead to the same proposal.
            again = self.post(f"/consultations/{CONSULTATION}/propose/", data, "POST proposal form (again)")
            if again.status_code == 302 and again.headers["Location"] != response.headers["Location"]:
                LEDGER.record("proposal", "error", title, note="a second proposal for one submission key")
        outcome = self.outcome(response)
        LEDGER.record("proposal", outcome, title, user=self.email)
        if outcome != "ok":
            return
        preview = self.get(response.headers["Location"], "GET proposal (own draft)")
        pk = int(_first(PROPOSAL_PAGE, response.headers["Location"]))
        self.own.add(pk)
        self.known.discard(pk)
        if preview.status_code != 200:
            return
        submitted = self.post(
            f"/proposals/{pk}/submit/", {"csrfmiddlewaretoken": _first(CSRF, preview.text)}, "POST submit proposal"
        )
        messages = self.follow(submitted, "GET proposal (after a write)") if submitted.status_code == 302 else None
        LEDGER.record("submission", self.outcome(submitted, messages), title, user=self.email)

    @task(4)
    def support(self):
        candidates = sorted(self.known - self.supported)
        if not self.logged_in or not candidates:
            return
        pk = random.choice(candidates)
        page = self.get(f"/proposals/{pk}/", "GET proposal")
        if page.status_code != 200 or f"/proposals/{pk}/support/" not in page.text:
            return  # no support button: not open to supports (or supported already)
        self.supported.add(pk)
        response = self.post(
            f"/proposals/{pk}/support/", {"csrfmiddlewaretoken": _first(CSRF, page.text)}, "POST support"
        )
        messages = self.follow(response, "GET proposal (after a write)") if response.status_code == 302 else None
        LEDGER.record("support", self.outcome(response, messages), f"{self.email}|{pk}", user=self.email)

    @task(3)
    def comment(self):
        if not self.logged_in or not self.known:
            return
        # One participant in ten writes in bursts, and so meets the comment rate limit (10 per 10 minutes).
        for _ in range(6 if self.eager else 1):
            self.comment_once(random.choice(sorted(self.known)))

    def comment_once(self, pk: int) -> None:
        page = self.get(f"/proposals/{pk}/", "GET proposal")
        if page.status_code != 200 or f"/proposals/{pk}/comments/" not in page.text:
            return
        self.comments += 1
        body = f"{MARKER} {self.email} comment {self.comments}: a monthly summary would already help a lot."
        response = self.post(
            f"/proposals/{pk}/comments/",
            {"csrfmiddlewaretoken": _first(CSRF, page.text), "body": body, "website": ""},
            "POST comment",
        )
        outcome = self.outcome(response)
        if response.status_code == 302:
            self.follow(response, "GET proposal (after a write)")
        LEDGER.record("comment", outcome, body, user=self.email, proposal=pk)
