"""Bulk data for the benchmark, written with PostgreSQL's COPY (not the ORM row by row).

Columns come from the models' own field lists, so a new NOT NULL field gets its default here without
editing this file. Ids are given explicitly, so relations are computed, never looked up.
"""

import io
import itertools
import json
import random
import time
import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db import connection, models
from django.utils import timezone

from accounts.models import User
from commitments.models import ActionPlan, Commitment, Member, Milestone, PolicyArea, commitment_sort_key
from consultations.models import Comment, Consultation, Proposal, Support


@dataclass(frozen=True)
class Scale:
    members: int
    plans_per_member: int
    commitments: int
    milestones_per_commitment: int
    users: int
    proposals: int
    supports: int
    comments: int
    hot_comments: int  # comments on one proposal, for the "proposal with 2,000 comments" page


FULL = Scale(300, 10, 100_000, 4, 20_000, 500_000, 2_000_000, 1_000_000, 2_000)
SMOKE = Scale(20, 3, 600, 4, 200, 2_000, 6_000, 3_000, 200)

COUNTRIES = ["KE", "GH", "NG", "ES", "FR", "GE", "PE", "PH", "AR", "MX", "ID", "UA", "CO", "BR", "ZA", "MA"]
REGIONS = {"KE": "africa_middle_east", "GH": "africa_middle_east", "NG": "africa_middle_east", "ZA": "africa_middle_east",
           "MA": "africa_middle_east", "ES": "europe", "FR": "europe", "UA": "europe", "GE": "asia_pacific",
           "PH": "asia_pacific", "ID": "asia_pacific", "PE": "americas", "AR": "americas", "MX": "americas",
           "CO": "americas", "BR": "americas"}  # fmt: skip
WORDS = [
    "open",
    "budget",
    "contracting",
    "procurement",
    "register",
    "lobby",
    "data",
    "participation",
    "justice",
    "health",
    "water",
    "education",
    "beneficial",
    "ownership",
    "audit",
    "parliament",
    "youth",
    "gender",
    "climate",
    "land",
    "police",
    "tax",
    "extractive",
    "digital",
    "privacy",
    "infrastructure",
    "transparency",
    "accountability",
    "citizens",
    "monitoring",
    "portal",
    "feedback",
    "assets",
    "disclosure",
]


class _Stream(io.RawIOBase):
    """A readable file over an iterator of text lines, for COPY FROM STDIN without a temporary file."""

    def __init__(self, lines):
        self._lines = lines
        self._buffer = b""

    def readable(self):
        return True

    def readinto(self, target):
        while len(self._buffer) < len(target):
            try:
                self._buffer += next(self._lines).encode()
            except StopIteration:
                break
        size = min(len(target), len(self._buffer))
        target[:size], self._buffer = self._buffer[:size], self._buffer[size:]
        return size


def _text(value) -> str:
    if value is None:
        return r"\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict | list):
        value = json.dumps(value)
    return str(value).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def copy(model: type[models.Model], rows) -> int:
    """COPY dicts of field values into the model's table; other columns get the field's default."""
    now = timezone.now()
    fields = list(model._meta.concrete_fields)
    fixed = {}
    for field in fields:
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            fixed[field.attname] = now
        elif field.has_default() and not callable(field.default):
            fixed[field.attname] = field.default
        elif not field.has_default() and field.null:
            fixed[field.attname] = None
        elif not field.has_default() and isinstance(field, models.CharField | models.TextField):
            fixed[field.attname] = ""
    callables = {f.attname: f.default for f in fields if f.has_default() and callable(f.default)}
    rows = iter(rows)
    first = next(rows, None)
    if first is None:
        return 0
    # Ids are written when the rows give them; otherwise the table's sequence numbers the rows.
    pk = model._meta.pk.attname
    columns = [f.attname for f in fields if f.attname != pk or pk in first]
    rows = itertools.chain([first], rows)
    count = 0

    def lines():
        nonlocal count
        for row in rows:
            values = []
            for name in columns:
                if name in row:
                    values.append(row[name])
                elif name in fixed:
                    values.append(fixed[name])
                else:
                    values.append(callables[name]())
            count += 1
            yield "\t".join(_text(v) for v in values) + "\n"

    sql = f'COPY "{model._meta.db_table}" ({", ".join(chr(34) + c + chr(34) for c in columns)}) FROM STDIN'
    with connection.cursor() as cursor:
        cursor.cursor.copy_expert(sql, io.BufferedReader(_Stream(lines()), buffer_size=1 << 20))
    return count


def _reset_sequences(*model_classes) -> None:
    with connection.cursor() as cursor:
        for model in model_classes:
            table = model._meta.db_table
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), COALESCE(MAX(id), 1)) FROM \"{table}\""
            )


# Filler words: a large vocabulary with a long tail, so that a topic word such as "budget" is found in a
# few percent of texts, as in real plans, not in every one.
_SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "te", "vi", "do", "pa", "ge", "zu", "be", "ri", "no", "la"]
VOCABULARY = [a + b + c for a in _SYLLABLES for b in _SYLLABLES for c in _SYLLABLES[:8]]


def _title(rng: random.Random, words: int = 7) -> str:
    """Text with one topic word and filler words drawn with a Zipf-like skew."""
    filler = [VOCABULARY[min(int(rng.paretovariate(1.2)) - 1, len(VOCABULARY) - 1)] for _ in range(words - 1)]
    filler.insert(rng.randrange(words), rng.choice(WORDS))
    return " ".join(filler).capitalize()


def generate(scale: Scale, *, seed: int = 2026) -> dict:
    """Fill an empty, migrated database; returns what was written and how long each table took."""
    rng = random.Random(seed)
    timings, counts = {}, {}

    def step(name, model, rows):
        start = time.perf_counter()
        counts[name] = copy(model, rows)
        timings[name] = time.perf_counter() - start

    n_members = scale.members
    n_plans = n_members * scale.plans_per_member
    n_commitments = scale.commitments

    def plan_of(commitment: int) -> int:
        """Commitments spread evenly over the plans (exactly scale.commitments in all)."""
        return (commitment - 1) * n_plans // n_commitments + 1

    def number_in_plan(commitment: int) -> int:
        return commitment - ((plan_of(commitment) - 1) * n_commitments + n_plans - 1) // n_plans

    def members():
        for i in range(1, n_members + 1):
            country = COUNTRIES[i % len(COUNTRIES)]
            yield {"id": i, "name": f"Member {i:04d}", "slug": f"member-{i}", "kind": "local" if i % 3 else "national",
                   "country": country, "region": REGIONS[country], "joined_year": 2011 + i % 12, "status": "active"}  # fmt: skip

    step("members", Member, members())

    def plans():
        for i in range(1, n_plans + 1):
            member, number = (i - 1) // scale.plans_per_member + 1, (i - 1) % scale.plans_per_member + 1
            start = date(2012 + 2 * (number - 1), 1, 1)
            status = "completed" if start.year < 2024 else ("implementation" if start.year < 2028 else "co_creation")
            yield {"id": i, "member_id": member, "number": number, "title": f"Action plan {number} of member {member}",
                   "start_date": start, "end_date": date(start.year + 1, 12, 31), "status": status}  # fmt: skip

    step("action plans", ActionPlan, plans())

    completions = ["", "not_started", "limited", "substantial", "complete"]

    def commitments():
        for i in range(1, n_commitments + 1):
            position = number_in_plan(i) - 1
            number = f"{position // 5 + 1}.{position % 5 + 1}"
            yield {"id": i, "action_plan_id": plan_of(i), "number": number,
                   "sort_key": commitment_sort_key(number),
                   "title": ("Budget " if i % 10 == 0 else "") + _title(rng),
                   "objective": _title(rng, 30), "problem": _title(rng, 20), "completion": completions[i % 5],
                   "access_to_information": i % 2 == 0, "civic_participation": i % 3 == 0,
                   "public_accountability": i % 5 == 0}  # fmt: skip

    step("commitments", Commitment, commitments())

    area_ids = list(PolicyArea.objects.order_by("id").values_list("id", flat=True))

    def tags():
        for i in range(1, n_commitments + 1):
            # Every tenth commitment (its title starts with "Budget") is also in the first area: the
            # filtered pages find rows at every size, so their query counts compare like for like.
            areas = {area_ids[i % len(area_ids)], area_ids[(i * 7) % len(area_ids)]}
            if i % 10 == 0:
                areas.add(area_ids[0])
            for area in areas:
                yield {"commitment_id": i, "policyarea_id": area}

    step("commitment policy areas", Commitment.policy_areas.through, tags())

    def milestones():
        statuses = ["completed", "in_progress", "not_started", "delayed"]
        n = 0
        for commitment in range(1, n_commitments + 1):
            for order in range(scale.milestones_per_commitment):
                n += 1
                status = statuses[(commitment + order) % 4]
                yield {"id": n, "commitment_id": commitment, "order": order, "description": _title(rng, 12),
                       "status": status, "completed_on": date(2024, 6, 1) if status == "completed" else None}  # fmt: skip

    step("milestones", Milestone, milestones())

    def users():
        for i in range(1, scale.users + 1):
            yield {"id": i, "email": f"participant{i}@bench.example", "password": "!", "full_name": f"Participant {i}",
                   "role": "participant", "date_joined": timezone.now()}  # fmt: skip

    step("users", User, users())

    now = timezone.now()

    def consultations():
        for plan in range(1, n_plans + 1):
            yield {"id": plan, "action_plan_id": plan, "title": f"Consultation on plan {plan}",
                   "description": _title(rng, 40), "opens_at": now - timedelta(days=30),
                   "closes_at": now + timedelta(days=30), "response_due_on": (now + timedelta(days=60)).date()}  # fmt: skip

    step("consultations", Consultation, consultations())

    # Supports: a skewed number per proposal (a few very popular), users chosen without repeats.
    weights = [1 / (1 + (i % 97)) for i in range(scale.proposals)]
    total = sum(weights)
    support_counts = [min(scale.users - 1, int(scale.supports * w / total)) for w in weights]
    for i in range(scale.supports - sum(support_counts)):  # the rounding remainder, one each
        support_counts[i % scale.proposals] += 1
    hot = 1  # the proposal with scale.hot_comments comments

    def proposals():
        for i in range(1, scale.proposals + 1):
            # The first consultation holds 4 % of all proposals: a large list to sort.
            consultation = 1 if i % 25 == 0 else (i % n_plans) + 1
            yield {"id": i, "consultation_id": consultation, "author_id": (i % scale.users) + 1, "title": _title(rng),
                   "problem": _title(rng, 25), "solution": _title(rng, 25), "status": "submitted",
                   "submitted_at": now - timedelta(minutes=i), "support_count": support_counts[i - 1],
                   "submission_key": uuid.UUID(int=i)}  # fmt: skip

    step("proposals", Proposal, proposals())

    def supports():
        n = 0
        stride = 7919  # a prime: base + k*stride mod users never repeats for k < users
        for proposal, count in enumerate(support_counts, start=1):
            base = proposal * 31
            for k in range(count):
                n += 1
                yield {
                    "id": n,
                    "proposal_id": proposal,
                    "user_id": (base + k * stride) % scale.users + 1,
                    "created_at": now,
                }

    step("supports", Support, supports())

    def comments():
        for i in range(1, scale.comments + 1):
            proposal = hot if i <= scale.hot_comments else (i * 13) % scale.proposals + 1
            yield {"id": i, "proposal_id": proposal, "author_id": (i % scale.users) + 1, "body": _title(rng, 18),
                   "created_at": now - timedelta(seconds=scale.comments - i)}  # fmt: skip

    step("comments", Comment, comments())
    _reset_sequences(Member, ActionPlan, Commitment, Milestone, User, Consultation, Proposal, Support, Comment)
    start = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    timings["analyze"] = time.perf_counter() - start
    return {"counts": counts, "timings": timings, "hot_proposal": hot, "first_commitment": 1}
