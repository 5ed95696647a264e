"""What awaits a point of contact in drafting (common.awaiting): the amendments of their member's drafts still
without a decision, per plan (one query), linked to the plan's latest version; and the same per consultation for
the response reminders (consultations.pending)."""

from django.db.models import Count, Max, Q
from django.urls import reverse
from django.utils.translation import ngettext

from common.awaiting import LIMIT, Awaiting
from common.db import PageQuery
from common.hints import RowHint
from drafting.models import Amendment


def amendments_to_decide(*, member) -> list[Awaiting]:
    return [
        Awaiting(
            count=row["waiting"],
            label=ngettext(
                "%(count)d amendment awaits your decision in “%(title)s”",
                "%(count)d amendments await your decision in “%(title)s”",
                row["waiting"],
            )
            % {"count": row["waiting"], "title": row["version__action_plan__title"]},
            url=reverse("drafting:version-detail", kwargs={"pk": row["version"]}),
        )
        for row in _UNDECIDED_PER_PLAN([member.pk])
    ]


# Keyed by the member's id, written in SQL once per process: the top of every workspace page of the member.
_UNDECIDED_PER_PLAN = PageQuery(
    lambda member_ids: (
        Amendment.objects.filter(version__action_plan__member_id=member_ids[0], state=Amendment.State.PROPOSED)
        .values("version__action_plan_id", "version__action_plan__title")
        .annotate(waiting=Count("id"), version=Max("version_id"))
        .order_by("version__action_plan_id")[:LIMIT]
    ),
    up_to=1,
    annotations=True,
)


# Whether any amendment was proposed in the plan's reviews of its draft (common.hints): for consultations.pending,
# read with the plan's page (partnership.selectors). Most plans have none.
PLAN_AMENDMENTS = RowHint(
    "plan_amendments", lambda plan: Amendment.objects.filter(version__consultation__action_plan_id=plan)
)


def amendment_counts(consultation_ids) -> dict[int, tuple[int, int]]:
    """For consultations.pending: per review of the draft plan, its amendments (owed a reasoned decision) and those
    decided (one query)."""
    rows = _COUNTS_PER_CONSULTATION(list(consultation_ids))
    return {row["version__consultation_id"]: (row["owed"], row["decided"]) for row in rows}


# Keyed by the consultations' ids, written in SQL once per process and number of ids: the co-creation checklist of
# every action plan's page counts its consultations' amendments.
_COUNTS_PER_CONSULTATION = PageQuery(
    lambda ids: (
        Amendment.objects.filter(version__consultation_id__in=ids)
        .values("version__consultation_id")
        .annotate(owed=Count("id"), decided=Count("id", filter=~Q(state=Amendment.State.PROPOSED)))
        .order_by()
    ),
    annotations=True,
)
