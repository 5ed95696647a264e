"""What the support app holds about a person, for accounts' personal-data registry
(`accounts.privacy.register`, called from `SupportConfig.ready()`).

Download: the assistance requests the person made, with their notes and the files they uploaded.
Deletion: a request is the member's record of the support it asked for and received: it stays, with its
notes and files, pointing at the anonymised account ("Deleted participant").
"""

from accounts.models import User
from support.models import SupportAttachment, SupportNote, SupportRequest

MEMBER_RECORD = (
    "a member's record of the support it asked for and received: the row stays, pointing at the "
    "anonymised account (exported in the person's download)"
)
ROLE_WORK = "work of support-unit staff, who hand over before leaving: the row keeps pointing at the anonymised account"
COVERS = ()
KEEPS = {
    "support.SupportRequest.requester": MEMBER_RECORD,
    "support.SupportNote.author": MEMBER_RECORD,
    "support.SupportAttachment.uploaded_by": MEMBER_RECORD,
    "support.SupportRequest.representative": ROLE_WORK,
    "support.Representative.user": ROLE_WORK,
}


def _time(value):
    return value.isoformat() if value else None


def user_export(user: User) -> dict:
    """The person's section of "download my data" (three queries)."""
    requests = SupportRequest.objects.filter(requester=user).select_related("member", "service", "organisation")
    notes = SupportNote.objects.filter(author=user).select_related("request").order_by("created_at", "pk")
    files = SupportAttachment.objects.filter(uploaded_by=user).order_by("created_at", "pk")
    return {
        "support_requests": [
            {
                "id": r.pk,
                "member": r.member.name,
                "service": r.service.name,
                "on_behalf_of": r.organisation.name if r.organisation else None,
                "status": r.status,
                "description": r.description,
                "wanted_by": _time(r.wanted_by),
                "public": r.is_public,
                "created_at": _time(r.created_at),
                "notes": [{"body": n.body, "written_at": _time(n.created_at)} for n in notes if n.request_id == r.pk],
                "uploads": [
                    {"file_name": f.original_name, "type": f.content_type, "size": f.size}
                    for f in files
                    if f.request_id == r.pk
                ],
            }
            for r in requests.order_by("created_at", "pk")
        ],
        "support_notes": [
            {"request_id": n.request_id, "body": n.body, "written_at": _time(n.created_at)}
            for n in notes
            if n.request.requester_id != user.pk
        ],
    }


def user_erase(user: User) -> None:
    """Nothing to remove: requests, notes and files stay as the member's record (see KEEPS)."""
