"""The challenge areas' list in the API from values() rows (common.api.rows): the JSON of ChallengeAreaSerializer
without model instances or nested serializers, from statements compiled once per process. Every write bumps the
content version its cached body is kept under, so the list is often built again."""

from commitments.api.serializers import member_ref
from common.api.rows import Flat, Links, grouped
from common.db import FixedQuery
from cycle import selectors
from cycle.api import serializers as s

AREA = Flat(
    s.ChallengeAreaSerializer, ["slug", "name", "name_fr", "name_es", "order", "member_count", "commitment_count"]
)
DECLARATION = Flat(s.MemberChallengeSerializer, ["declared_on", "ambition"])
DECLARING_MEMBER = member_ref("member__")
TARGET_KEYS = list(s.AlignedTargetSerializer._declared_fields)

_AREAS = FixedQuery(lambda: selectors.challenge_areas().values("id", *AREA.keys()), annotations=True)
# In the order of the detail's prefetch, grouped by area.
_DECLARATIONS = FixedQuery(
    lambda: selectors.challenge_declarations().values("area_id", *DECLARATION.keys(), *DECLARING_MEMBER.keys())
)


def area_rows() -> list[dict]:
    """Every area with its counts, in the list's order (one statement)."""
    return _AREAS()


def area_items(request, rows: list[dict]) -> list[dict]:
    """The JSON items of these areas: their members' declarations and aligned SDG targets in three statements."""
    links, pages = Links(request, "api:challengearea-detail"), Links(request, "cycle:challenge-detail")
    declarations = grouped(_DECLARATIONS(), "area_id")
    aligned = selectors.challenge_sdg_alignment()
    items = []
    for row in rows:
        slug = row["slug"]
        item = {"url": links(slug), "html_url": pages(slug), **AREA(row)}
        item["declarations"] = [
            {"member": DECLARING_MEMBER(declaration), **DECLARATION(declaration)}
            for declaration in declarations.get(row["id"], ())
        ]
        item["sdg_targets"] = [{key: target[key] for key in TARGET_KEYS} for target in aligned.get(row["id"], ())]
        items.append(item)
    return items
