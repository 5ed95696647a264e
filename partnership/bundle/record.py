"""Resources of the archive from the commitments app: members, action plans, commitments (with civil society's
status from monitoring), milestones and progress updates. All of them are public."""

from django.utils.translation import gettext_lazy as _

from commitments.models import (
    ActionPlan,
    CommitmentTranslation,
    Member,
    Milestone,
    MilestoneTranslation,
    ProgressUpdate,
)
from monitoring import status
from partnership import exports
from partnership.bundle.columns import Column, Resource, field, translation_columns, with_translations

MEMBERS = Resource(
    "members",
    _("OGP members: national and local governments."),
    [
        field("id", _("Identifier of the member in this portal.")),
        field("slug", _("Identifier of the member in this portal's addresses.")),
        field("name", _("Name of the member (English).")),
        field("name_fr", _("Name of the member in French, when given.")),
        field("name_es", _("Name of the member in Spanish, when given.")),
        field("kind", _("national, local or other.")),
        Column("country", _("ISO 3166-1 alpha-2 code of the member's country."), lambda m: m.country.code or ""),
        field("parent_id", _("For a local member, the identifier of its country's member, if any.")),
        field("region", _("OGP region of the member.")),
        field("joined_year", _("Year the member joined OGP.")),
        field("code", _("OGP's code of the member.")),
        field("status", _("active, under_procedural_review, inactive, suspended or withdrawn.")),
        field("website_url", _("The member's page on OGP's website.")),
    ],
    lambda: Member.objects.order_by("pk"),
)

ACTION_PLANS = Resource(
    "action_plans",
    _("Action plans of the members."),
    [
        field("id", _("Identifier of the action plan in this portal.")),
        field("member_id", _("Identifier of the member (members file).")),
        field("number", _("Number of the plan among the member's plans.")),
        field("title", _("Title of the action plan.")),
        field("description", _("Summary of the plan.")),
        field("language", _("Language the plan and its commitments are written in (en, fr or es).")),
        field("start_date", _("Start of the action plan period (YYYY-MM-DD).")),
        field("end_date", _("End of the action plan period (YYYY-MM-DD).")),
        field("status", _("co_creation, submitted, implementation, completed or withdrawn.")),
        field("submitted_on", _("Date the plan was submitted to OGP (YYYY-MM-DD), if it was.")),
        field("document_url", _("Link to the published plan.")),
        field("ogp_id", _("OGP's identifier of the action plan, when known.")),
    ],
    lambda: ActionPlan.objects.order_by("pk"),
)


def _milestone_pairs(commitment) -> list[tuple[int, str]]:
    return commitment.milestone_states


def _monitoring(commitment):
    return getattr(commitment, "monitoring", None)


def _civil_society_status(commitment) -> str:
    monitoring = _monitoring(commitment)
    return monitoring.civil_society_status if monitoring else ""


def _findings(commitment) -> dict:
    monitoring = _monitoring(commitment)
    return (monitoring.milestone_findings or {}) if monitoring else {}


def _disputed(commitment) -> int:
    return int(
        status.disputed(
            _civil_society_status(commitment),
            commitment.completion,
            _findings(commitment),
            _milestone_pairs(commitment),
        )
    )


def _share(value: float | None):
    return "" if value is None else round(value, 4)


def _progress(commitment):
    statuses = [state for _pk, state in _milestone_pairs(commitment)]
    return _share(status.commitment_progress(milestone_statuses=statuses, completion=commitment.completion))


def _civil_society_progress(commitment):
    findings = _findings(commitment)
    return _share(
        status.civil_society_progress(
            milestone_findings=[findings.get(str(pk)) for pk, _state in _milestone_pairs(commitment)],
            finding=_civil_society_status(commitment),
        )
    )


COMMITMENT_COLUMNS = [
    *exports.COLUMNS,
    Column(
        "civil_society_status",
        _(
            "Civil society's latest public finding on the commitment: on_track, delayed, not_started, completed or "
            "cannot_verify; empty when there is none."
        ),
        _civil_society_status,
    ),
    Column(
        "disputed",
        _(
            "1 when civil society's findings disagree with the government's status of the commitment or of one of "
            "its milestones."
        ),
        _disputed,
    ),
    Column("progress", _("The government's progress, 0 to 1, by the rule stated on the portal's pages."), _progress),
    Column(
        "civil_society_progress",
        _("Civil society's progress, 0 to 1 (milestones found completed); empty when not known."),
        _civil_society_progress,
    ),
    *translation_columns(
        {
            "title": _("Title"),
            "short_title": _("Short title"),
            "problem": _("Problem addressed"),
            "status_quo": _("Status quo"),
            "objective": _("Objective"),
            "expected_results": _("Expected results"),
        }
    ),
]


def _milestone_states(commitments: list) -> None:
    """The (id, status) of the milestones of a chunk of commitments, in one query of plain tuples."""
    states: dict[int, list] = {commitment.pk: [] for commitment in commitments}
    rows = Milestone.objects.filter(commitment_id__in=list(states)).order_by("order", "pk")
    for commitment_id, pk, state in rows.values_list("commitment_id", "pk", "status"):
        states[commitment_id].append((pk, state))
    for commitment in commitments:
        commitment.milestone_states = states[commitment.pk]


COMMITMENTS = Resource(
    "commitments",
    _(
        "Commitments of the action plans, with their latest IRM assessment, civil society's status and their texts "
        "in every language."
    ),
    COMMITMENT_COLUMNS,
    lambda: exports.export_queryset().select_related("monitoring"),
    per_chunk=with_translations(CommitmentTranslation, also=_milestone_states),
)

MILESTONE_FIELDS = ("commitment_id", "order", "description", "expected_output", "due_date", "status", "completed_on")

MILESTONES = Resource(
    "milestones",
    _("Milestones of the commitments, with their texts in every language."),
    [
        field("id", _("Identifier of the milestone in this portal.")),
        field("commitment_id", _("Identifier of the commitment (commitments file).")),
        field("order", _("Position of the milestone in its commitment.")),
        field("description", _("What the milestone is.")),
        field("expected_output", _("The output expected.")),
        field("due_date", _("Due date (YYYY-MM-DD), if given.")),
        field("status", _("The government's status: not_started, in_progress, delayed, completed or cancelled.")),
        field("completed_on", _("Date it was completed (YYYY-MM-DD), if it was.")),
        *translation_columns({"description": _("Description"), "expected_output": _("Expected output")}),
    ],
    # The plan's language: the milestone's original language (Milestone.content_language).
    lambda: (
        Milestone.objects.select_related("commitment__action_plan")
        .only(*MILESTONE_FIELDS, "commitment__action_plan__language")
        .order_by("pk")
    ),
    per_chunk=with_translations(MilestoneTranslation),
)

PROGRESS_UPDATES = Resource(
    "progress_updates",
    _("Progress updates posted by the government on its commitments."),
    [
        field("id", _("Identifier of the progress update in this portal.")),
        field("commitment_id", _("Identifier of the commitment (commitments file).")),
        field("reported_on", _("Date of the update (YYYY-MM-DD).")),
        field("completion", _("Completion level reported: not_started, limited, substantial or complete.")),
        field("text", _("The progress reported.")),
        field("evidence_url", _("Link to evidence, if given.")),
    ],
    lambda: ProgressUpdate.objects.order_by("pk"),
)
