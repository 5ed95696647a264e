"""What the grant pages and the API show, each read in a fixed number of queries."""

from django.db.models import Avg, Count, Prefetch, Q
from django.utils import timezone

from grants.models import GrantApplication, GrantCall, Review

AWARDED = GrantApplication.Status.AWARDED


def public_awards():
    """Awarded grants of published calls, newest decision first."""
    return (
        GrantApplication.objects.filter(status=AWARDED, call__is_published=True)
        .select_related("call", "organisation", "organisation__member")
        .order_by("-decided_at", "-id")
    )


def calls_current():
    """Published calls open today or opening later, closing soonest first."""
    return (
        GrantCall.objects.published()
        .filter(closes_on__gte=timezone.localdate())
        .annotate(award_count=Count("applications", filter=Q(applications__status=AWARDED)))
        .order_by("closes_on", "id")
    )


def calls_past():
    return (
        GrantCall.objects.published()
        .filter(closes_on__lt=timezone.localdate())
        .annotate(award_count=Count("applications", filter=Q(applications__status=AWARDED)))
        .order_by("-closes_on", "-id")
    )


def call_get(*, pk: int) -> GrantCall:
    return GrantCall.objects.prefetch_related("questions", "criteria", "eligible_members").get(pk=pk)


def calls_for_api():
    """Published calls with their awards (one query each)."""
    return (
        GrantCall.objects.published()
        .prefetch_related(Prefetch("applications", queryset=public_awards(), to_attr="awards"))
        .order_by("-closes_on", "-id")
    )


def applications_of(*, user):
    """The applications of the organisation the user speaks for."""
    organisation = user.confirmed_organisation
    if organisation is None:
        return GrantApplication.objects.none()
    return GrantApplication.objects.filter(organisation=organisation).select_related("call").order_by("-id")


def applications_for_api(*, user):
    """The applications a person reads through the API: their organisation's and, for the support unit, every
    one submitted or decided; with answers, budget lines and attachments (a fixed number of queries a page)."""
    organisation = user.confirmed_organisation
    condition = Q(organisation=organisation) if organisation is not None else Q(pk__in=[])
    if user.is_staff:
        condition |= ~Q(status=GrantApplication.Status.DRAFT)
    return application_rows().filter(condition)


def application_rows():
    return GrantApplication.objects.select_related("call", "organisation", "applicant").prefetch_related(
        "answers__question", "budget_lines", "attachments"
    )


def application_get(*, pk: int) -> GrantApplication:
    return (
        GrantApplication.objects.select_related("call", "organisation", "applicant", "decided_by")
        .prefetch_related(
            "answers__question",
            "budget_lines",
            "attachments",
            "milestones",
            "call__questions",
            "call__criteria",
            Prefetch(
                "reviews", queryset=Review.objects.select_related("reviewer").prefetch_related("scores__criterion")
            ),
        )
        .get(pk=pk)
    )


def review_queue(*, call_id=None, status=None):
    """Submitted and decided applications with their reviews counted and their average weighted score."""
    queryset = (
        GrantApplication.objects.exclude(status=GrantApplication.Status.DRAFT)
        .select_related("call", "organisation")
        .annotate(review_count=Count("reviews"), average_score=Avg("reviews__total"))
        .order_by("status", "-submitted_at", "-id")
    )
    if call_id:
        queryset = queryset.filter(call_id=call_id)
    if status:
        queryset = queryset.filter(status=status)
    return queryset
