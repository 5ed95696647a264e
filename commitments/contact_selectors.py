"""Reads of an institution's contacts: their institutions, and the commitments those lead or support (the
institution contact's page, monitoring.views.institutions)."""

from django.db.models import Count, F, QuerySet, Window

from accounts.models import Organisation
from commitments.models import ActionPlan, Commitment, InstitutionContact
from common.compiled_models import CompiledModels
from common.pagination import PER_PAGE, KeysetPage, first_keyset_page, keyset_page


def contact_institutions(*, user) -> QuerySet:
    """The institutions `user` is a contact of, with their member."""
    return Organisation.objects.filter(contacts__user=user).select_related("member").order_by("name")


CONTACT_COMMITMENT_ORDER = ("member_name", "sort_key", "id")


def contact_commitments(*, user) -> QuerySet:
    """The commitments of plans in implementation that the contact's institutions lead or support, by member
    (`member_name`, for keyset pages in CONTACT_COMMITMENT_ORDER), then in their plan's order."""
    mine = InstitutionContact.objects.filter(user=user).values("institution_id")
    # The ids as a union of two index reads: an OR across the supporting organisations' join (with DISTINCT)
    # scanned every commitment (125 ms at 100,000 commitments, 12 ms this way).
    led = Commitment.objects.filter(lead_institution_id__in=mine).order_by().values("pk")
    supported = Commitment.supporting_organisations.through.objects.filter(organisation_id__in=mine)
    return (
        Commitment.objects.filter(action_plan__status=ActionPlan.Status.IMPLEMENTATION)
        .filter(pk__in=led.union(supported.values("commitment_id")))
        .select_related("action_plan", "lead_institution")
        # What the page shows: not the texts, nor the search vectors, of up to 26 commitments and their plans.
        .only("number", "title", "sort_key", "action_plan__title", "action_plan__language", "lead_institution__name")
        .annotate(member_name=F("action_plan__member__name"))
        .order_by(*CONTACT_COMMITMENT_ORDER)
    )


# The first page of a contact's commitments with their number ("matching": counted over every match before the
# page is cut), in one statement written once per process, where the contact's id stands twice (the institutions
# leading, and those supporting). Built by the ORM at every request, the count and the page were planned each
# time (4.6 ms of planning for 8 ms of execution, at national scale), and the union executed twice.
_FIRST_CONTACT_COMMITMENTS = CompiledModels(
    lambda user_id: contact_commitments(user=user_id).annotate(matching=Window(Count("pk")))[: PER_PAGE + 1]
)


def contact_commitments_page(*, user, cursor: str | None) -> KeysetPage:
    """A page of contact_commitments(user) in CONTACT_COMMITMENT_ORDER: the first from the kept statement, the
    others (after a cursor) by keyset_page."""
    if cursor:
        return keyset_page(contact_commitments(user=user), ordering=CONTACT_COMMITMENT_ORDER, cursor=cursor)
    rows = _FIRST_CONTACT_COMMITMENTS(user.pk)
    return first_keyset_page(rows, ordering=CONTACT_COMMITMENT_ORDER, count=rows[0].matching if rows else 0)
