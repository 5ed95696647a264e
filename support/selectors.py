"""What the support pages show, each list in a fixed number of queries."""

from django.db.models import Count, F, Prefetch, Q

from commitments.models import Commitment, Member
from common.compiled_models import CompiledModels
from common.hints import RowHint
from common.text import as_id
from support.models import Engagement, Partner, Representative, ServiceOffer, SupportRequest

QUEUE_FILTERS = ("status", "service", "member", "representative", "open")


def service_menu(*, active_only: bool = True):
    services = ServiceOffer.objects.all()
    return services.filter(is_active=True) if active_only else services


def _request_rows():
    return SupportRequest.objects.select_related(
        "member", "service", "requester", "organisation", "representative"
    ).annotate(note_count=Count("notes"))


def support_queue(*, filters) -> tuple:
    """The staff queue: open requests by default, oldest first, filtered by status, service, member or
    representative ("me" for the viewer's own: the view passes the id)."""
    rows = _request_rows()
    status = filters.get("status") or ""
    if status in SupportRequest.Status.values:
        rows = rows.filter(status=status)
    elif filters.get("open", "1") != "0":
        rows = rows.open()
    for key in ("service", "member", "representative"):
        value = as_id(filters.get(key))
        if value is not None:
            rows = rows.filter(**{f"{key}_id": value})
    return rows.order_by("created_at", "id")


def requests_for_user(*, user):
    """What a person follows: the requests they made and, for a point of contact, their member's."""
    condition = Q(requester=user)
    if user.is_point_of_contact:
        condition |= Q(member_id=user.member_id)
    return _request_rows().filter(condition).order_by("-created_at", "-id")


def requests_for_api(*, user):
    """The requests a person reads through the API: every one for the support unit, otherwise those they follow;
    each with its notes and attachments (a fixed number of queries per page)."""
    rows = _request_rows() if user.is_staff else requests_for_user(user=user)
    return rows.prefetch_related("notes__author", "attachments").order_by("-created_at", "-id")


def request_queryset():
    """One request with everything its page shows (notes with their authors, attachments)."""
    return SupportRequest.objects.select_related(
        "member", "service", "requester", "organisation", "representative"
    ).prefetch_related("notes__author", "attachments")


def member_support_received(*, member: Member) -> list:
    return [] if SUPPORT_RECEIVED.known_empty(member) else _SUPPORT_RECEIVED(member.pk)


_SUPPORT_RECEIVED = CompiledModels(
    lambda pk: (
        SupportRequest.objects.public()
        .filter(member_id=pk)
        .select_related("service")
        .order_by(F("delivered_at").desc(nulls_last=True), "-id")
    )
)


def partner_list():
    return Partner.objects.annotate(engagement_count=Count("engagements")).order_by("name")


def engagement_rows():
    return Engagement.objects.select_related("partner", "member").prefetch_related(
        Prefetch("commitments", queryset=Commitment.objects.select_related("action_plan").order_by("sort_key"))
    )


def partner_engagements(*, partner: Partner):
    return engagement_rows().filter(partner=partner)


def member_engagements(*, member: Member) -> list:
    return [] if MEMBER_ENGAGEMENTS.known_empty(member) else _MEMBER_ENGAGEMENTS(member.pk)


_MEMBER_ENGAGEMENTS = CompiledModels(lambda pk: engagement_rows().filter(member_id=pk))
# Whether the member received public support, has partners' engagements (common.hints), read with its page.
SUPPORT_RECEIVED = RowHint("support_received", lambda member: SupportRequest.objects.public().filter(member_id=member))
MEMBER_ENGAGEMENTS = RowHint("member_engagements", lambda member: Engagement.objects.filter(member_id=member))


def commitment_engagements(*, commitment: Commitment) -> list:
    return [] if COMMITMENT_ENGAGEMENTS.known_empty(commitment) else _COMMITMENT_ENGAGEMENTS(commitment.pk)


_COMMITMENT_ENGAGEMENTS = CompiledModels(lambda pk: engagement_rows().filter(commitments=pk))
# Whether an engagement names the commitment (common.hints), read with the commitment's page.
COMMITMENT_ENGAGEMENTS = RowHint("engagements", lambda commitment: Engagement.objects.filter(commitments=commitment))


def member_representative(*, member: Member):
    return Representative.objects.select_related("user").filter(member=member).first()
