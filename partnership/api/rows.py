"""Members and commitments of the API from values() rows: the JSON of the serializers in serializers.py,
built without model instances (common.api.rows). A page costs the same queries at any size."""

from django_countries import countries

from accounts.models import User
from commitments.api.serializers import PLAN_MEMBER_REF, PLAN_REF, member_ref
from commitments.member_counts import member_counts
from commitments.models import Commitment, CommitmentTranslation, Milestone, MilestoneTranslation
from common.api.rows import Flat, Links, grouped
from common.db import PageQuery
from common.translations import translations_by_master
from drafting.api.serializers import AmendmentRefSerializer
from drafting.selectors import accepted_amendments
from irm_reports.api.assessments import ASSESSMENT_FIELDS, AssessmentSerializer, ReportRefSerializer
from irm_reports.models import CommitmentAssessment
from monitoring.status import disputed
from partnership.api import serializers as s
from peers.selectors import similar_ids

MEMBER_FLAT = Flat(s.MemberSerializer, ["id", "slug", "name", "name_fr", "name_es", "kind", "country", "region"])
MEMBER_TAIL = Flat(s.MemberSerializer, ["joined_year", "code", "status", "website_url"])
PARENT = member_ref("parent__")
MEMBER_KEYS = [*MEMBER_FLAT.keys(), *MEMBER_TAIL.keys(), *PARENT.keys()]

COMMITMENT_HEAD = Flat(
    s.CommitmentSerializer,
    ["id", "ogp_id", "number", "title", "short_title", "theme", "full_text", "problem", "status_quo", "objective"],
)
EXPECTED = Flat(s.CommitmentSerializer, ["expected_results"])
LEAD = Flat(s.OrganisationSerializer, ["id", "name", "kind"], prefix="lead_institution__")
LEAD_TEXT = Flat(s.CommitmentSerializer, ["lead_institution_text", "supporting_institutions_text"])
VALUES = Flat(
    s.OgpValuesSerializer,
    ["access_to_information", "civic_participation", "public_accountability", "technology_innovation"],
)
COMMITMENT_TAIL = Flat(
    s.CommitmentSerializer, ["start_date", "end_date", "start_date_text", "end_date_text", "ogp_url", "completion"]
)
FUNDING = Flat(s.CommitmentSerializer, ["budget", "budget_currency", "funding_source", "funding_gap"])
COMMITMENT_KEYS = [
    *COMMITMENT_HEAD.keys(),
    *EXPECTED.keys(),
    *PLAN_REF.keys(),
    *PLAN_MEMBER_REF.keys(),
    *LEAD.keys(),
    *LEAD_TEXT.keys(),
    *VALUES.keys(),
    *COMMITMENT_TAIL.keys(),
    *FUNDING.keys(),
    "monitoring__civil_society_status",
    "monitoring__milestone_findings",
]
ORGANISATION = Flat(s.OrganisationSerializer, ["id", "name", "kind"], prefix="organisation__")
AREA = Flat(s.PolicyAreaSerializer, ["slug", "name", "name_fr", "name_es", "kind"], prefix="policyarea__")
MILESTONE = Flat(
    s.MilestoneSerializer, ["id", "order", "description", "expected_output", "due_date", "status", "completed_on"]
)


def _monitoring(row: dict, milestones: list[dict]) -> dict:
    """civil_society_status and disputed, from the commitment's row joined to its stored monitoring status."""
    status = row["monitoring__civil_society_status"] or None
    pairs = [(milestone["id"], milestone["status"]) for milestone in milestones]
    return {
        "civil_society_status": status,
        "disputed": disputed(status, row["completion"], row["monitoring__milestone_findings"], pairs),
    }


REPORT = Flat(
    ReportRefSerializer, ["id", "report_type", "methodology", "language", "version", "published_at"], "report__"
)
ASSESSMENT = Flat(AssessmentSerializer, ASSESSMENT_FIELDS)


def _ref(flat, row, id_key):
    return None if row[id_key] is None else flat(row)


def member_items(request, rows: list[dict]) -> list[dict]:
    links = Links(request, "api:member-detail")
    pages = Links(request, "commitments:member-detail")
    counts, country_names = member_counts(), {}
    items = []
    for row in rows:
        item = MEMBER_FLAT(row)
        item["url"] = links(row["id"])
        item["html_url"] = pages(row["slug"])
        code = row["country"]
        if code not in country_names:
            country_names[code] = str(countries.name(code))
        item["country_name"] = country_names[code]
        item["parent"] = _ref(PARENT, row, "parent__id")
        item.update(MEMBER_TAIL(row))
        item["plan_count"], item["commitment_count"] = counts.get(row["id"], (0, 0))
        items.append(_ordered(item, s.MemberSerializer))
    return items


def _ordered(item: dict, serializer_class) -> dict:
    return {name: item[name] for name in serializer_class.Meta.fields}


ORGANISATIONS_OF = PageQuery(
    lambda ids: (
        Commitment.supporting_organisations.through.objects.filter(commitment_id__in=ids)
        .order_by("organisation__name")
        .values("commitment_id", *ORGANISATION.keys())
    )
)
AREAS_OF = PageQuery(
    lambda ids: (
        Commitment.policy_areas.through.objects.filter(commitment_id__in=ids)
        .order_by("policyarea__name")
        .values("commitment_id", *AREA.keys(), "policyarea__parent__slug")
    )
)
MILESTONES_OF = PageQuery(
    lambda ids: (
        Milestone.objects.filter(commitment_id__in=ids)
        .order_by(*Milestone.ORDER)
        .values("commitment_id", *MILESTONE.keys())
    )
)
ASSESSMENTS_OF = PageQuery(
    lambda ids: CommitmentAssessment.objects.filter(is_latest=True, commitment_id__in=ids).values(
        "commitment_id", *REPORT.keys(), *ASSESSMENT.keys()
    )
)
AMENDMENT = Flat(AmendmentRefSerializer, ["id", "state", "reason"])
PROVENANCE_OF = PageQuery(
    lambda ids: accepted_amendments(commitment_ids=ids).values(
        "draft_commitment__commitment_id", *AMENDMENT.keys(), "author_id", "author__full_name", "author__deleted_at"
    )
)


def _provenance(request, ids: list[int]) -> dict[int, list[dict]]:
    """Each commitment's accepted amendments (drafting), as AmendmentRefSerializer gives them: one query."""
    links = Links(request, "api:amendment-detail")
    items = {}
    for row in PROVENANCE_OF(ids):
        item = {**AMENDMENT(row), "url": links(row["id"]), "author": None}
        if row["author_id"] is not None:
            name, deleted_at = row["author__full_name"], row["author__deleted_at"]
            item["author"] = User.public_name_of(full_name=name, deleted_at=deleted_at)
        items.setdefault(row["draft_commitment__commitment_id"], []).append(_ordered(item, AmendmentRefSerializer))
    return items


def _related(ids: list[int]) -> tuple[dict, dict, dict, dict]:
    """Organisations, policy areas, milestones and latest IRM assessment of a page: four queries."""
    latest = {}
    for row in ASSESSMENTS_OF(ids):
        latest.setdefault(row["commitment_id"], row)
    return (
        grouped(ORGANISATIONS_OF(ids), "commitment_id"),
        grouped(AREAS_OF(ids), "commitment_id"),
        grouped(MILESTONES_OF(ids), "commitment_id"),
        latest,
    )


def _milestone_items(milestones: dict) -> dict[int, list[dict]]:
    """The milestones of a page as MilestoneSerializer gives them, with their languages (one query)."""
    ids = [milestone["id"] for rows in milestones.values() for milestone in rows]
    translations = translations_by_master(MilestoneTranslation, ids)
    return {
        pk: [{**MILESTONE(row), "translations": translations.get(row["id"], {})} for row in rows]
        for pk, rows in milestones.items()
    }


def commitment_items(request, rows: list[dict]) -> list[dict]:
    orgs, areas, milestones, latest = _related([row["id"] for row in rows])
    milestone_items = _milestone_items(milestones)
    translations = translations_by_master(CommitmentTranslation, [row["id"] for row in rows])
    similar = similar_ids(commitment_ids=[row["id"] for row in rows])  # one query (peers)
    provenance = _provenance(request, [row["id"] for row in rows])  # one query (drafting)
    links = Links(request, "api:commitment-detail")
    pages = Links(request, "commitments:commitment-detail")
    reports = Links(request, "api:report-detail")
    items = []
    for row in rows:
        pk = row["id"]
        item = COMMITMENT_HEAD(row)
        item.update(EXPECTED(row) | LEAD_TEXT(row) | COMMITMENT_TAIL(row) | FUNDING(row))
        item["url"], item["html_url"] = links(pk), pages(pk)
        item["member"], item["action_plan"] = PLAN_MEMBER_REF(row), PLAN_REF(row)
        item["lead_institution"] = _ref(LEAD, row, "lead_institution__id")
        item["supporting_organisations"] = [ORGANISATION(org) for org in orgs.get(pk, ())]
        item["policy_areas"] = [
            {**AREA(area), "parent": area["policyarea__parent__slug"]} for area in areas.get(pk, ())
        ]
        item["ogp_values"] = VALUES(row)
        item["milestones"] = milestone_items.get(pk, [])
        item.update(_monitoring(row, milestones.get(pk, ())))
        assessment = latest.get(pk)
        if assessment is not None:
            report = REPORT(assessment)
            report["url"] = reports(report["id"])
            assessment = {"report": _ordered(report, ReportRefSerializer), **ASSESSMENT(assessment)}
        item["latest_assessment"] = assessment
        item["similar"] = similar[pk]
        item["provenance"] = provenance.get(pk, [])
        item["translations"] = translations.get(pk, {})
        items.append(_ordered(item, s.CommitmentSerializer))
    return items
