"""Which commitments of other members are close to a commitment: computed in the database, stored in
peers.SimilarCommitment by peers.services.similar_refresh, read by the pages and the API.

Candidates share a policy area with the commitment and belong to another member. On PostgreSQL they are
ranked by trigram similarity of their titles (pg_trgm's `similarity()`, which reads any language: words
shared in English, French or Spanish, and their common stems); elsewhere (the embedded SQLite) by how many
of the title's words (four letters or more) each candidate's title holds.

Measured on 100,000 commitments (bench data, 86 policy areas, one commitment at a time): median 190 ms,
95th percentile 0.8 s, at most 1.3 s for one of the largest area (14,000 candidates). Ranking by full text
over the stored `search_vector` took 170 ms for 3,500 candidates (each document is read from TOAST), and
filtering by a GIN trigram index 800 ms (it matches most titles when they share common words): hence lists
stored and refreshed by a task, never computed in a request, and a plain scan of the policy areas' rows.
"""

import hashlib
import re

from django.db import connection
from django.db.models import Case, IntegerField, Q, Value, When

from commitments.models import Commitment

LIMIT = 5  # similar commitments kept per commitment
MIN_SCORE = 0.1  # below this, titles share no more than noise
MAX_WORDS = 8

# The minimum score is applied in Python to the few rows kept: in SQL the planner would compute similarity()
# over the whole table before looking at the policy areas.
SQL = """
SELECT o.id, similarity(o.title, %(title)s) AS score
  FROM commitments_commitment o
  JOIN commitments_actionplan op ON op.id = o.action_plan_id
 WHERE o.id IN (SELECT a.commitment_id FROM commitments_commitment_policy_areas a
                 WHERE a.policyarea_id = ANY(%(areas)s))
   AND op.member_id <> %(member)s
 ORDER BY score DESC, o.id
 LIMIT %(limit)s
"""


def source_of(commitment_id: int) -> dict | None:
    """What the computation needs of the commitment (one query), or None when it is gone."""
    row = Commitment.objects.filter(pk=commitment_id).values("pk", "title", "action_plan__member_id").first()
    if row is None:
        return None
    areas = list(
        Commitment.policy_areas.through.objects.filter(commitment_id=commitment_id).values_list(
            "policyarea_id", flat=True
        )
    )
    return {"id": row["pk"], "title": row["title"], "member": row["action_plan__member_id"], "areas": areas}


def source_key(source: dict) -> str:
    """A fingerprint of what a list is computed from (title and policy areas): it changes when they do."""
    text = f"{source['title'].strip()}|{','.join(str(pk) for pk in sorted(source['areas']))}"
    return hashlib.sha256(text.encode()).hexdigest()


def nearest(source: dict, *, limit: int = LIMIT) -> list[tuple[int, float]]:
    """(id, score) of the commitments of other members closest to `source`, best first."""
    if not source["areas"] or not source["title"].strip():
        return []
    if connection.vendor == "postgresql":
        return _nearest_postgresql(source, limit)
    return _nearest_words(source, limit)


def _nearest_postgresql(source: dict, limit: int) -> list[tuple[int, float]]:
    params = {"title": source["title"], "areas": source["areas"], "member": source["member"], "limit": limit}
    with connection.cursor() as cursor:
        cursor.execute(SQL, params)
        return [(pk, float(score)) for pk, score in cursor.fetchall() if score >= MIN_SCORE]


def title_words(title: str) -> list[str]:
    words = []
    for word in re.findall(r"\w{4,}", title.lower()):
        if word not in words:
            words.append(word)
    return words[:MAX_WORDS]


def _nearest_words(source: dict, limit: int) -> list[tuple[int, float]]:
    words = title_words(source["title"])
    if not words:
        return []
    shared = sum(
        (Case(When(title__icontains=w, then=1), default=0) for w in words), Value(0, output_field=IntegerField())
    )
    any_word = Q()
    for word in words:
        any_word |= Q(title__icontains=word)
    rows = (
        Commitment.objects.filter(policy_areas__in=source["areas"])
        .exclude(action_plan__member_id=source["member"])
        .filter(any_word)
        .distinct()
        .annotate(shared=shared)
        .order_by("-shared", "pk")
        .values_list("pk", "shared")[:limit]
    )
    return [(pk, count / len(words)) for pk, count in rows]
