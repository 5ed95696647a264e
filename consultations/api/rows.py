"""Consultations and proposals of the API from values() rows: the JSON of ConsultationSerializer and
ProposalSerializer without model instances (common.api.rows). Support and comment counts are read live with the
page, never cached."""

from django.utils import timezone
from django.utils.translation import gettext as _

from commitments.api.serializers import PLAN_MEMBER_REF, PLAN_REF
from common.api.rows import Flat, Links, grouped
from common.db import PageQuery
from common.translations import translations_by_master
from consultations.api import serializers as s
from consultations.models import (
    Consultation,
    ConsultationTranslation,
    Proposal,
    ProposalResponse,
    ProposalResponseTranslation,
    ProposalTranslation,
    Referral,
)
from consultations.row_selectors import proposals_by_id

CONSULTATION = Flat(
    s.ConsultationSerializer,
    ["id", "title", "language", "description", "kind", "opens_at", "closes_at", "response_due_on", "status_reason",
     "max_proposals_per_participant", "proposal_count", "answered_count"],
)  # fmt: skip
CONSULTATION_KEYS = [*CONSULTATION.keys(), *PLAN_REF.keys(), *PLAN_MEMBER_REF.keys(), "status"]
CONSULTATION_AREAS_OF = PageQuery(
    lambda ids: (
        Consultation.policy_areas.through.objects.filter(consultation_id__in=ids)
        .order_by("policyarea__name")
        .values("consultation_id", "policyarea__slug")
    )
)


def consultation_items(request, rows: list[dict]) -> list[dict]:
    """Consultations as ConsultationSerializer gives them: their policy areas and translations in two queries."""
    ids = [row["id"] for row in rows]
    areas = grouped(CONSULTATION_AREAS_OF(ids), "consultation_id")
    translations = translations_by_master(ConsultationTranslation, ids)
    links = Links(request, "api:consultation-detail")
    pages = Links(request, "consultations:consultation-detail")
    now = timezone.now()
    items = []
    for row in rows:
        pk = row["id"]
        item = CONSULTATION(row)
        item["url"], item["html_url"] = links(pk), pages(pk)
        item["member"], item["action_plan"] = PLAN_MEMBER_REF(row), PLAN_REF(row)
        item["state"] = Consultation.state_of(row["status"], row["opens_at"], row["closes_at"], now).value
        item["policy_areas"] = [area["policyarea__slug"] for area in areas.get(pk, ())]
        item["translations"] = translations.get(pk, {})
        items.append({name: item[name] for name in s.ConsultationSerializer.Meta.fields})
    return items


PROPOSAL = Flat(
    s.ProposalSerializer,
    [
        "id",
        "title",
        "language",
        "problem",
        "solution",
        "expected_results",
        "status",
        "submitted_at",
        "withdrawal_reason",
    ],  # fmt: skip
)
COUNTS = Flat(s.ProposalSerializer, ["support_count", "comment_count"])
RESPONSE = Flat(s.ResponseSerializer, ["outcome", "reasons", "language", "published_at"], prefix="response__")
AUTHOR = ["organisation_id", "organisation__name", "author_id", "author__deleted_at", "author__full_name"]
PROPOSAL_KEYS = [
    *PROPOSAL.keys(),
    *COUNTS.keys(),
    "consultation_id",
    "consultation__title",
    "policy_area__slug",
    *AUTHOR,
    "response__id",
    "response__status",
    "response__shows_opinions",
    *RESPONSE.keys(),
]

# What the cursor of each sort order (consultations.filters.SORTS) reads from a page's rows.
PAGE_KEYS = ["id", "submitted_at", "support_count"]


def page_queryset():
    """What a list is filtered and paged on: the public proposals, from their table alone."""
    return Proposal.objects.public()


_VALUES_BY_IDS = proposals_by_id(PROPOSAL_KEYS)


def proposal_values(ids: list[int]) -> list[dict]:
    """The values() rows of these proposals, in this order: read by id once the page is known, so the join with
    consultations, authors and responses is planned for 25 rows, never for the sort over the whole table. The
    statement is written once per process and number of ids (common.db.PageQuery): the ORM took about 1 ms to
    write its six joins and count."""
    by_id = {row["id"]: row for row in _VALUES_BY_IDS(ids)}
    return [by_id[pk] for pk in ids if pk in by_id]


def _author(row) -> str:
    """As User.public_name (or the organisation's name): never the e-mail address."""
    if row["organisation_id"]:
        return row["organisation__name"]
    if not row["author_id"]:
        return ""
    if row["author__deleted_at"]:
        return _("Deleted participant")
    return row["author__full_name"] or _("Participant")


def _commitments(request, rows) -> dict:
    """Commitments fed by the page's published responses, by response (one query, none if no response)."""
    published = [row["response__id"] for row in rows if row["response__status"] == ProposalResponse.Status.PUBLISHED]
    if not published:
        return {}
    links = Links(request, "api:commitment-detail")
    through = ProposalResponse.commitments.through.objects.filter(proposalresponse_id__in=published)
    through = through.order_by("commitment__sort_key")
    groups = grouped(
        through.values("proposalresponse_id", "commitment_id", "commitment__number", "commitment__title"),
        "proposalresponse_id",
    )
    return {
        response: [
            {
                "id": c["commitment_id"],
                "url": links(c["commitment_id"]),
                "number": c["commitment__number"],
                "title": c["commitment__title"],
            }
            for c in commitments
        ]
        for response, commitments in groups.items()
    }


def _opinions(rows) -> dict:
    """The opinions published with the page's responses, by proposal (one query, none if no response shows any)."""
    shown = [
        row["id"]
        for row in rows
        if row["response__status"] == ProposalResponse.Status.PUBLISHED and row["response__shows_opinions"]
    ]
    if not shown:
        return {}
    referrals = Referral.objects.filter(proposal_id__in=shown).exclude(opinion="").order_by("created_at", "pk")
    groups = grouped(
        referrals.values("proposal_id", "institution__name", "opinion", "opinion_received_on"), "proposal_id"
    )
    return {
        proposal: [
            {
                "institution": r["institution__name"],
                "opinion": r["opinion"],
                "opinion_received_on": r["opinion_received_on"].isoformat() if r["opinion_received_on"] else None,
            }
            for r in referrals
        ]
        for proposal, referrals in groups.items()
    }


def proposal_items(request, rows: list[dict]) -> list[dict]:
    links = Links(request, "api:proposal-detail")
    pages = Links(request, "consultations:proposal-detail")
    consultations = Links(request, "api:consultation-detail")
    fed = _commitments(request, rows)
    opinions = _opinions(rows)
    translations = translations_by_master(ProposalTranslation, [row["id"] for row in rows])
    published = [row["response__id"] for row in rows if row["response__status"] == ProposalResponse.Status.PUBLISHED]
    response_translations = translations_by_master(ProposalResponseTranslation, published)
    items = []
    for row in rows:
        item = PROPOSAL(row)
        pk = item["id"]
        item["url"], item["html_url"] = links(pk), pages(pk)
        consultation = row["consultation_id"]
        item["consultation"] = {
            "id": consultation,
            "url": consultations(consultation),
            "title": row["consultation__title"],
        }
        item["policy_area"] = row["policy_area__slug"]
        item["author"] = _author(row)
        item.update(COUNTS(row))
        response = None
        if row["response__status"] == ProposalResponse.Status.PUBLISHED:
            response = RESPONSE(row)
            response["commitments"] = fed.get(row["response__id"], [])
            response["opinions"] = opinions.get(row["id"], [])
            response["translations"] = response_translations.get(row["response__id"], {})
            response = {name: response[name] for name in s.ResponseSerializer.Meta.fields}
        item["response"] = response
        item["translations"] = translations.get(pk, {})
        items.append({name: item[name] for name in s.ProposalSerializer.Meta.fields})
    return items
