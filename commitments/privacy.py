"""What the commitments app holds about a person, for accounts' personal-data registry
(`accounts.privacy.register`, called from `CommitmentsConfig.ready()`).

Download: the progress updates the person wrote, the commitments they follow and the institutions they are a
contact of. Deletion: the updates stay, as the public record of a commitment's implementation, shown without
the name (the account row stays, anonymised); the follows and the links to institutions are removed.
"""

from accounts.models import User
from commitments.models import CommitmentFollow, InstitutionContact, ProgressUpdate
from commitments.services import institution_contacts_remove_for_user

COVERS = (
    "commitments.ProgressUpdate.author",
    "commitments.CommitmentFollow.user",
    "commitments.InstitutionContact.user",
)
KEEPS = {
    "commitments.InstitutionContact.added_by": "the point of contact or staff member who linked a contact to an "
    "institution: the link keeps pointing at the anonymised account",
    "commitments.MemberStatusEvent.recorded_by": "a member's status recorded by support staff, who hand over "
    "before deleting their account: the row keeps pointing at the anonymised account",
    "commitments.CommitmentTranslation.translated_by": "a commitment's translation, the work of the member's point "
    "of contact or of support staff: the row keeps pointing at the anonymised account",
    "commitments.MilestoneTranslation.translated_by": "a milestone's translation, the work of the member's point "
    "of contact or of support staff: the row keeps pointing at the anonymised account",
}


def _time(value):
    return value.isoformat() if value else None


def user_erase(user: User) -> None:
    """The person follows nothing any more (a follow carries no state of its own) and speaks for no institution."""
    CommitmentFollow.objects.filter(user=user).delete()
    institution_contacts_remove_for_user(user=user)


def user_export(user: User) -> dict:
    """The person's sections of "download my data" (three queries)."""
    updates = (
        ProgressUpdate.objects.filter(author=user)
        .select_related("commitment__action_plan")
        .order_by("created_at", "pk")
    )
    follows = CommitmentFollow.objects.filter(user=user).select_related("commitment").order_by("pk")
    links = InstitutionContact.objects.filter(user=user).select_related("institution").order_by("pk")
    return {
        "progress_updates": [
            {
                "commitment": str(u.commitment),
                "commitment_id": u.commitment_id,
                "action_plan": u.commitment.action_plan.title,
                "reported_on": _time(u.reported_on),
                "completion": u.completion,
                "progress": u.text,
                "evidence_url": u.evidence_url,
                "recorded_at": _time(u.created_at),
            }
            for u in updates
        ],
        "followed_commitments": [
            {
                "commitment": str(f.commitment),
                "commitment_id": f.commitment_id,
                "url": f.commitment.get_absolute_url(),
                "followed_at": _time(f.created_at),
            }
            for f in follows
        ],
        "institution_contacts": [
            {
                "institution": link.institution.name,
                "institution_id": link.institution_id,
                "since": _time(link.created_at),
            }
            for link in links
        ],
    }
