"""The two statuses side by side: when civil society's finding disagrees with the government's status, and
the progress figures, by one stated rule.

A finding disagrees with the government's status when the status is not one of those the finding allows
(below); "cannot verify" never does, nor does a status the government has not given yet.

Progress (the rule stated on the pages): every milestone weighs the same. A commitment's progress is the share
of its milestones completed (by the government's status, or by civil society's latest finding on each
milestone); a commitment without milestones counts by its completion level (not started 0, limited 1/3,
substantial 2/3, complete 1) or by civil society's finding on it (completed 1, anything else 0). A plan's
progress is the mean of its commitments' progress: every commitment weighs the same.
"""

from django.utils.translation import gettext_lazy as _

PROGRESS_RULE = _(
    "Every milestone weighs the same: a commitment's progress is the share of its milestones completed "
    "(a commitment without milestones counts by its completion level: not started 0%, limited 33%, "
    "substantial 67%, complete 100%). A plan's progress is the mean of its commitments' progress."
)

# Finding -> the government's commitment completion levels it agrees with.
COMMITMENT_AGREES = {
    "on_track": {"limited", "substantial"},
    "delayed": {"not_started", "limited"},
    "not_started": {"not_started"},
    "completed": {"complete"},
}
# Finding -> the milestone statuses it agrees with.
MILESTONE_AGREES = {
    "on_track": {"in_progress"},
    "delayed": {"delayed", "not_started", "cancelled"},
    "not_started": {"not_started", "cancelled"},
    "completed": {"completed"},
}
COMPLETION_SHARE = {"not_started": 0.0, "limited": 1 / 3, "substantial": 2 / 3, "complete": 1.0}


def commitment_disputed(civil_society_status: str | None, completion: str | None) -> bool:
    if not civil_society_status or not completion or civil_society_status not in COMMITMENT_AGREES:
        return False
    return completion not in COMMITMENT_AGREES[civil_society_status]


def milestone_disputed(finding: str | None, status: str | None) -> bool:
    if not finding or not status or finding not in MILESTONE_AGREES:
        return False
    return status not in MILESTONE_AGREES[finding]


def disputed(
    civil_society_status: str | None, completion: str | None, milestone_findings: dict | None, milestones
) -> bool:
    """Whether civil society disagrees with the government on the commitment or on one of its milestones;
    `milestones`: (id, status) pairs."""
    if commitment_disputed(civil_society_status, completion):
        return True
    findings = milestone_findings or {}
    return any(milestone_disputed(findings.get(str(pk)), status) for pk, status in milestones)


def commitment_progress(*, milestone_statuses: list[str], completion: str = "") -> float | None:
    """The government's progress of one commitment, 0–1, or None when nothing is known."""
    if milestone_statuses:
        return sum(1 for status in milestone_statuses if status == "completed") / len(milestone_statuses)
    return COMPLETION_SHARE.get(completion)


def civil_society_progress(*, milestone_findings: list[str | None], finding: str = "") -> float | None:
    """Civil society's progress of one commitment: milestones found completed, 0–1, or None when not known."""
    known = [f for f in milestone_findings if f]
    if milestone_findings and known:
        return sum(1 for f in milestone_findings if f == "completed") / len(milestone_findings)
    if finding:
        return 1.0 if finding == "completed" else 0.0
    return None


def plan_progress(values: list[float | None]) -> float | None:
    known = [value for value in values if value is not None]
    return sum(known) / len(known) if known else None


def percent(value: float | None) -> int | None:
    return None if value is None else round(value * 100)
