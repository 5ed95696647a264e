"""Bulk data for the benchmark, written with PostgreSQL's COPY (bench/pgcopy.py), not the ORM row by row.

Ids are given explicitly, so relations are computed, never looked up. One generator of rows per table,
all drawing from one seeded random source in a fixed order: the same seed gives the same data.
"""

import random
import time
import uuid
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import connection
from django.utils import timezone

from accounts.models import User
from bench.pgcopy import copy, reset_sequences
from commitments.models import ActionPlan, Commitment, Member, Milestone, PolicyArea, commitment_sort_key
from commitments.services.figures import headline_figures_refresh
from consultations.models import Comment, Consultation, Proposal, Support
from consultations.services import consultation_counters_refresh


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


# Filler words: a large vocabulary with a long tail, so that a topic word such as "budget" is found in a
# few percent of texts, as in real plans, not in every one.
_SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "te", "vi", "do", "pa", "ge", "zu", "be", "ri", "no", "la"]
VOCABULARY = [a + b + c for a in _SYLLABLES for b in _SYLLABLES for c in _SYLLABLES[:8]]


def _title(rng: random.Random, words: int = 7) -> str:
    """Text with one topic word and filler words drawn with a Zipf-like skew."""
    filler = [VOCABULARY[min(int(rng.paretovariate(1.2)) - 1, len(VOCABULARY) - 1)] for _ in range(words - 1)]
    filler.insert(rng.randrange(words), rng.choice(WORDS))
    return " ".join(filler).capitalize()


@dataclass(frozen=True)
class _Layout:
    """Commitments spread evenly over the plans (exactly `commitments` in all)."""

    plans: int
    commitments: int

    def plan_of(self, commitment: int) -> int:
        return (commitment - 1) * self.plans // self.commitments + 1

    def number_in_plan(self, commitment: int) -> int:
        return commitment - ((self.plan_of(commitment) - 1) * self.commitments + self.plans - 1) // self.plans


def member_rows(scale: Scale):
    for i in range(1, scale.members + 1):
        country = COUNTRIES[i % len(COUNTRIES)]
        yield {"id": i, "name": f"Member {i:04d}", "slug": f"member-{i}", "kind": "local" if i % 3 else "national",
               "country": country, "region": REGIONS[country], "joined_year": 2011 + i % 12, "status": "active"}  # fmt: skip


def plan_rows(scale: Scale):
    for i in range(1, scale.members * scale.plans_per_member + 1):
        member, number = (i - 1) // scale.plans_per_member + 1, (i - 1) % scale.plans_per_member + 1
        # A member's last plan starts in 2030, the others every two years before it (the full scale: 2012-2030),
        # or every four when they are too few to reach back to 2024 (the small scale: 2022, 2026, 2030): at every
        # scale a member has plans completed, in implementation (the home page's commitments to follow) and in
        # co-creation, so both sizes show the same blocks.
        step = max(2, min(4, 18 // max(1, scale.plans_per_member - 1)))
        start = date(2030 - step * (scale.plans_per_member - number), 1, 1)
        status = "completed" if start.year < 2024 else ("implementation" if start.year < 2028 else "co_creation")
        yield {"id": i, "member_id": member, "number": number, "title": f"Action plan {number} of member {member}",
               "start_date": start, "end_date": date(start.year + 1, 12, 31), "status": status}  # fmt: skip


COMPLETIONS = ["", "not_started", "limited", "substantial", "complete"]


def commitment_rows(layout: _Layout, rng: random.Random):
    for i in range(1, layout.commitments + 1):
        position = layout.number_in_plan(i) - 1
        number = f"{position // 5 + 1}.{position % 5 + 1}"
        yield {"id": i, "action_plan_id": layout.plan_of(i), "number": number,
               "sort_key": commitment_sort_key(number),
               "title": ("Budget " if i % 10 == 0 else "") + _title(rng),
               "objective": _title(rng, 30), "problem": _title(rng, 20), "completion": COMPLETIONS[i % 5],
               "access_to_information": i % 2 == 0, "civic_participation": i % 3 == 0,
               "public_accountability": i % 5 == 0}  # fmt: skip


def tag_rows(scale: Scale, area_ids: list[int]):
    for i in range(1, scale.commitments + 1):
        # Every tenth commitment (its title starts with "Budget") is also in the first area: the
        # filtered pages find rows at every size, so their query counts compare like for like.
        areas = {area_ids[i % len(area_ids)], area_ids[(i * 7) % len(area_ids)]}
        if i % 10 == 0:
            areas.add(area_ids[0])
        for area in areas:
            yield {"commitment_id": i, "policyarea_id": area}


def milestone_rows(scale: Scale, rng: random.Random):
    statuses = ["completed", "in_progress", "not_started", "delayed"]
    n = 0
    for commitment in range(1, scale.commitments + 1):
        for order in range(scale.milestones_per_commitment):
            n += 1
            status = statuses[(commitment + order) % 4]
            yield {"id": n, "commitment_id": commitment, "order": order, "description": _title(rng, 12),
                   "status": status, "completed_on": date(2024, 6, 1) if status == "completed" else None}  # fmt: skip


def user_rows(scale: Scale):
    for i in range(1, scale.users + 1):
        yield {"id": i, "email": f"participant{i}@bench.example", "password": "!", "full_name": f"Participant {i}",
               "role": "participant", "date_joined": timezone.now()}  # fmt: skip


def consultation_rows(layout: _Layout, rng: random.Random, now):
    for plan in range(1, layout.plans + 1):
        yield {"id": plan, "action_plan_id": plan, "title": f"Consultation on plan {plan}",
               "description": _title(rng, 40), "opens_at": now - timedelta(days=30),
               "closes_at": now + timedelta(days=30), "response_due_on": (now + timedelta(days=60)).date()}  # fmt: skip


def support_counts(scale: Scale) -> list[int]:
    """Supports per proposal: a skewed number (a few very popular), never more than the other users."""
    weights = [1 / (1 + (i % 97)) for i in range(scale.proposals)]
    total = sum(weights)
    counts = [min(scale.users - 1, int(scale.supports * w / total)) for w in weights]
    for i in range(scale.supports - sum(counts)):  # the rounding remainder, one each
        counts[i % scale.proposals] += 1
    return counts


def proposal_rows(scale: Scale, layout: _Layout, rng: random.Random, now, supports: list[int]):
    for i in range(1, scale.proposals + 1):
        # The first consultation holds 4 % of all proposals: a large list to sort.
        consultation = 1 if i % 25 == 0 else (i % layout.plans) + 1
        yield {"id": i, "consultation_id": consultation, "author_id": (i % scale.users) + 1, "title": _title(rng),
               "problem": _title(rng, 25), "solution": _title(rng, 25), "status": "submitted",
               "submitted_at": now - timedelta(minutes=i), "support_count": supports[i - 1],
               "submission_key": uuid.UUID(int=i)}  # fmt: skip


def support_rows(scale: Scale, supports: list[int], now):
    """Users chosen without repeats within a proposal."""
    n = 0
    stride = 7919  # a prime: base + k*stride mod users never repeats for k < users
    for proposal, count in enumerate(supports, start=1):
        base = proposal * 31
        for k in range(count):
            n += 1
            yield {
                "id": n,
                "proposal_id": proposal,
                "user_id": (base + k * stride) % scale.users + 1,
                "created_at": now,
            }


HOT_PROPOSAL = 1  # the proposal with scale.hot_comments comments


def comment_rows(scale: Scale, rng: random.Random, now):
    for i in range(1, scale.comments + 1):
        proposal = HOT_PROPOSAL if i <= scale.hot_comments else (i * 13) % scale.proposals + 1
        yield {"id": i, "proposal_id": proposal, "author_id": (i % scale.users) + 1, "body": _title(rng, 18),
               "created_at": now - timedelta(seconds=scale.comments - i)}  # fmt: skip


def generate(scale: Scale, *, seed: int = 2026) -> dict:
    """Fill an empty, migrated database; returns what was written and how long each table took."""
    rng = random.Random(seed)
    timings, counts = {}, {}

    def step(name, model, rows):
        start = time.perf_counter()
        counts[name] = copy(model, rows)
        timings[name] = time.perf_counter() - start

    layout = _Layout(plans=scale.members * scale.plans_per_member, commitments=scale.commitments)
    step("members", Member, member_rows(scale))
    step("action plans", ActionPlan, plan_rows(scale))
    step("commitments", Commitment, commitment_rows(layout, rng))
    area_ids = list(PolicyArea.objects.order_by("id").values_list("id", flat=True))
    step("commitment policy areas", Commitment.policy_areas.through, tag_rows(scale, area_ids))
    step("milestones", Milestone, milestone_rows(scale, rng))
    step("users", User, user_rows(scale))
    now = timezone.now()
    step("consultations", Consultation, consultation_rows(layout, rng, now))
    supports = support_counts(scale)
    step("proposals", Proposal, proposal_rows(scale, layout, rng, now, supports))
    step("supports", Support, support_rows(scale, supports, now))
    step("comments", Comment, comment_rows(scale, rng, now))
    reset_sequences(Member, ActionPlan, Commitment, Milestone, User, Consultation, Proposal, Support, Comment)
    # COPY bypasses the writes that keep stored figures right: count them once, as after any bulk load.
    start = time.perf_counter()
    consultation_counters_refresh()
    headline_figures_refresh()
    timings["stored figures"] = time.perf_counter() - start
    start = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")  # visibility map too: counts can be answered from indexes alone
    timings["vacuum analyze"] = time.perf_counter() - start
    return {"counts": counts, "timings": timings, "hot_proposal": HOT_PROPOSAL, "first_commitment": 1}
