"""Reads of the rows of the HTML proposal lists (consultations.rows): values() rows, read by statements compiled once
per process (common.db.PageQuery), with their translations into the page's language."""

from django.db.models import OuterRef

from common.db import PageQuery, count_of
from common.translations import page_language, translations_by_master
from consultations.models import (
    Comment,
    ConsultationTranslation,
    Proposal,
    ProposalResponse,
    ProposalResponseTranslation,
    ProposalTranslation,
)


def visible_comments():
    """The comments a proposal's comment count counts (correlated on the outer proposal)."""
    return Comment.objects.filter(proposal=OuterRef("pk"), is_hidden=False)


# What a row of the HTML proposal lists shows (templates/consultations/includes/_proposal_row.html), read as
# values(): its consultation's title and language, its author or organisation, its policy area, its response.
PROPOSAL_ROW_VALUES = (
    "id", "title", "language", "status", "submitted_at", "support_count", "consultation_id", "consultation__title",
    "consultation__language", "organisation_id", "organisation__name", "author_id", "author__full_name",
    "author__deleted_at", "policy_area_id", "policy_area__slug", "policy_area__name", "policy_area__name_fr",
    "policy_area__name_es", "response__id", "response__status", "response__outcome", "response__reasons",
    "response__language", "comment_count",
)  # fmt: skip


def proposals_by_id(keys) -> PageQuery:
    """The statement reading proposals by id with `keys` (values(), `comment_count` among them), written once per
    process and number of ids (common.db.PageQuery): the HTML lists' rows and the API's."""
    return PageQuery(
        lambda ids: (
            Proposal.objects.filter(pk__in=ids)
            .annotate(comment_count=count_of(visible_comments()))
            .values(*keys)
            .order_by()
        ),
        annotations=True,
    )


_ROWS_OF = proposals_by_id(PROPOSAL_ROW_VALUES)


def proposal_rows(*, ids: list[int], with_consultation: bool = False) -> list[dict]:
    """The rows of these proposals, in this order (PROPOSAL_ROW_VALUES), each with its `translations` and its
    response's `response_translations` into the page's language (translations_by_master); `with_consultation`: its
    consultation's too, as `consultation_translations`. Four queries at most, whatever the number of rows."""
    if not ids:
        return []
    language = page_language()
    by_id = {row["id"]: row for row in _ROWS_OF(ids)}
    rows = [by_id[pk] for pk in ids if pk in by_id]
    translations = translations_by_master(ProposalTranslation, list(by_id), language=language)
    published = [row["response__id"] for row in rows if row["response__status"] == ProposalResponse.Status.PUBLISHED]
    responses = translations_by_master(ProposalResponseTranslation, published, language=language)
    parents = {row["consultation_id"] for row in rows} if with_consultation else ()
    consultations = translations_by_master(ConsultationTranslation, sorted(parents), language=language)
    for row in rows:
        row["translations"] = translations.get(row["id"], {})
        row["response_translations"] = responses.get(row["response__id"], {})
        row["consultation_translations"] = consultations.get(row["consultation_id"], {})
    return rows
