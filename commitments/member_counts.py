"""Every member's plan and commitment counts, read once per content version (the member list's rows, the API's
member items): counted per member on a page (Member.objects.with_counts()), a national-scale member's hundreds of
commitments cost 0.1 ms each, 3 to 12 ms a page."""

from django.db.models import Count

from commitments.models import ActionPlan, Commitment, Member
from common.cache import cached


def member_counts() -> dict[int, tuple[int, int]]:
    """{member id: (its plans, its commitments)} for every member with a plan, once per content version."""
    return cached("member-counts", _member_counts)


def _member_counts() -> dict[int, tuple[int, int]]:
    plans = ActionPlan.objects.values_list("member_id").annotate(count=Count("id")).order_by()
    commitments = Commitment.objects.values_list("action_plan__member_id").annotate(count=Count("id")).order_by()
    found = dict(commitments)
    return {member: (count, found.get(member, 0)) for member, count in plans}


def with_member_counts(members: list[Member]) -> list[Member]:
    """The members, each with `plan_count` and `commitment_count` (member_counts()), as with_counts() gives them."""
    counts = member_counts()
    for member in members:
        member.plan_count, member.commitment_count = counts.get(member.pk, (0, 0))
    return members
