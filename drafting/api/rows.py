"""The text of a draft version in the API (its commitments and their paragraphs) from values() rows: the JSON of
DraftCommitmentSerializer without model instances (common.api.rows). A version holds hundreds of paragraphs: as
instances through nested serializers they cost most of the page."""

from common.api.rows import Flat, grouped
from common.db import PageQuery
from drafting.api import serializers as s
from drafting.models import DraftCommitment, DraftParagraph

PARAGRAPH = Flat(s.DraftParagraphSerializer, s.DraftParagraphSerializer.Meta.fields)
COMMITMENT_FIELDS = [
    name for name in s.DraftCommitmentSerializer.Meta.fields if name not in ("commitment", "paragraphs")
]
COMMITMENT = Flat(s.DraftCommitmentSerializer, COMMITMENT_FIELDS)

# Keyed by the version's id (PageQuery's stand-in), in the order of the models' Meta.ordering within a version.
_COMMITMENTS_OF = PageQuery(
    lambda version_ids: (
        DraftCommitment.objects.filter(version_id__in=version_ids)
        .order_by("order", "id")
        .values(*COMMITMENT_FIELDS, "commitment_id")
    ),
    up_to=1,
)
_PARAGRAPHS_OF = PageQuery(
    lambda version_ids: (
        DraftParagraph.objects.filter(draft_commitment__version_id__in=version_ids)
        .order_by("draft_commitment_id", "order", "id")
        .values(*PARAGRAPH.keys(), "draft_commitment_id")
    ),
    up_to=1,
)


def version_commitments(version_id: int) -> list[dict]:
    """The `commitments` of DraftVersionDetailSerializer: each with its paragraphs (two queries)."""
    paragraphs = grouped(_PARAGRAPHS_OF([version_id]), "draft_commitment_id")
    items = []
    for row in _COMMITMENTS_OF([version_id]):
        item = COMMITMENT(row)
        item["commitment"] = row["commitment_id"]
        item["paragraphs"] = [PARAGRAPH(paragraph) for paragraph in paragraphs.get(row["id"], ())]
        items.append({name: item[name] for name in s.DraftCommitmentSerializer.Meta.fields})
    return items
