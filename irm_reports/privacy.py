"""What the IRM app holds about a person, for accounts' personal-data registry
(`accounts.privacy.register`, called from `IrmReportsConfig.ready()`).

Download: the action plans the person is assigned to assess. Deletion: a researcher hands over
first (their role is changed), so what is left is an assignment that no longer gives any right: it
is removed through `researcher_unassign`. What researchers and staff did (assessments, renders,
publications, imports) keeps pointing at the anonymised account.
"""

from accounts.models import User
from irm_reports.models import ResearcherAssignment
from irm_reports.services import researcher_unassign

RESEARCH_WORK = (
    "work of an IRM researcher or of support staff, who hand over before deleting their account: "
    "the row keeps pointing at the anonymised account"
)
COVERS = ("irm_reports.ResearcherAssignment.researcher",)
KEEPS = {
    "irm_reports.ResearcherAssignment.assigned_by": RESEARCH_WORK,
    "irm_reports.CommitmentAssessment.assessed_by": RESEARCH_WORK,
    "irm_reports.ReportRendering.requested_by": RESEARCH_WORK,
    "irm_reports.PublishedVersion.published_by": RESEARCH_WORK,
    "irm_reports.ImportRun.uploaded_by": RESEARCH_WORK,
}


def _assignments(user: User):
    return (
        ResearcherAssignment.objects.filter(researcher=user)
        .select_related("action_plan__member")
        .order_by("created_at", "pk")
    )


def user_export(user: User) -> dict:
    """The person's section of "download my data" (one query)."""
    return {
        "irm_assignments": [
            {
                "action_plan": a.action_plan.title,
                "action_plan_id": a.action_plan_id,
                "member": a.action_plan.member.name,
                "assigned_at": a.created_at.isoformat(),
            }
            for a in _assignments(user)
        ]
    }


def user_erase(user: User) -> None:
    """Remove the assignments left from a former researcher role; runs inside the deletion transaction."""
    for assignment in _assignments(user):
        researcher_unassign(plan=assignment.action_plan, researcher=user)
