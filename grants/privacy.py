"""What the grants app holds about a person, for accounts' personal-data registry.

Applications belong to organisations, not to the person who wrote them: they stay with the organisation,
and the deleted account stays as their (anonymised) applicant. A person's own reviews are support-unit work.
"""

from grants.models import ApplicationAttachment, GrantApplication

COVERS = ("grants.GrantApplication.applicant", "grants.ApplicationAttachment.uploaded_by")
KEEPS = {
    "grants.GrantApplication.decided_by": "a decision of support staff, kept with the grant's record",
    "grants.Review.reviewer": "a reviewer's scoring (support staff), kept with the grant's record",
}


def user_export(user) -> dict:
    applications = GrantApplication.objects.filter(applicant=user).select_related("call", "organisation")
    return {
        "grant_applications": [
            {
                "id": application.pk,
                "call": application.call.title,
                "organisation": application.organisation.name,
                "title": application.title,
                "summary": application.summary,
                "amount_requested": str(application.amount_requested),
                "status": application.status,
                "submitted_at": application.submitted_at.isoformat() if application.submitted_at else None,
            }
            for application in applications
        ]
    }


def user_erase(user) -> None:
    """The organisation's applications and their files stay (they are its record); the links to the person are
    cut."""
    GrantApplication.objects.filter(applicant=user).update(applicant=None)
    ApplicationAttachment.objects.filter(uploaded_by=user).update(uploaded_by=None)
