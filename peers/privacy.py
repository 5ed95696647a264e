"""What peer exchange holds about a person, for accounts' personal-data registry (`PeersConfig.ready()`).

Download: the exchange requests they sent. Deletion: requests are the work of a point of contact for their
member, who hands over before deleting their account: the rows stay, pointing at the anonymised account.
"""

from accounts.models import User
from peers.models import ExchangeRequest

ROLE_WORK = (
    "work of a point of contact for their member, who hands over before deleting their account: "
    "the row keeps pointing at the anonymised account"
)
COVERS = ("peers.ExchangeRequest.requester",)
KEEPS = {"peers.ExchangeRequest.answered_by": ROLE_WORK}


def user_export(user: User) -> dict:
    """The exchange requests the person sent (one query)."""
    rows = ExchangeRequest.objects.filter(requester=user).select_related("commitment", "member", "requester_member")
    return {
        "exchange_requests": [
            {
                "id": row.pk,
                "from_member": row.requester_member.name,
                "to_member": row.member.name,
                "commitment": row.commitment.title,
                "message": row.message,
                "status": row.status,
                "answer": row.answer,
                "created_at": row.created_at.isoformat(),
                "answered_at": row.answered_at.isoformat() if row.answered_at else None,
            }
            for row in rows.order_by("pk")
        ]
    }
