"""What the commitments app holds about a person, for accounts' personal-data registry
(`accounts.privacy.register`, called from `CommitmentsConfig.ready()`).

Download: the progress updates the person wrote, and the commitments they follow. Deletion: the updates stay,
as the public record of a commitment's implementation, shown without the name (the account row stays,
anonymised); the follows are removed.
"""

from accounts.models import User
from commitments.models import CommitmentFollow, ProgressUpdate

COVERS = ("commitments.ProgressUpdate.author", "commitments.CommitmentFollow.user")
KEEPS = {
    "commitments.MemberStatusEvent.recorded_by": "a member's status recorded by support staff, who hand over "
    "before deleting their account: the row keeps pointing at the anonymised account",
}


def _time(value):
    return value.isoformat() if value else None


def user_export(user: User) -> dict:
    """The person's sections of "download my data" (two queries)."""
    updates = (
        ProgressUpdate.objects.filter(author=user)
        .select_related("commitment__action_plan")
        .order_by("created_at", "pk")
    )
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
            for f in CommitmentFollow.objects.filter(user=user).select_related("commitment").order_by("pk")
        ],
    }


def user_erase(user: User) -> None:
    # A follow carries no counter nor state of its own: removing the rows is the whole erasure.
    CommitmentFollow.objects.filter(user=user).delete()
