"""What awaits a point of contact in monitoring (common.awaiting): the submitted reports of their member's
plans still without an answer, per plan, from the stored counts (one query)."""

from django.db.models import Sum
from django.urls import reverse
from django.utils.translation import ngettext

from common.awaiting import LIMIT, Awaiting
from common.db import PageQuery
from monitoring.models import CommitmentMonitoring


def reports_to_answer(*, member) -> list[Awaiting]:
    return [
        Awaiting(
            count=row["unanswered"],
            label=ngettext(
                "%(count)d monitoring report awaits your answer in “%(title)s”",
                "%(count)d monitoring reports await your answer in “%(title)s”",
                row["unanswered"],
            )
            % {"count": row["unanswered"], "title": row["commitment__action_plan__title"]},
            url=reverse("monitoring:workspace", kwargs={"pk": row["commitment__action_plan_id"]})
            + "?status=unanswered",
        )
        for row in _UNANSWERED_PER_PLAN([member.pk])
    ]


# Keyed by the member's id, written in SQL once per process: the top of every workspace page of the member.
_UNANSWERED_PER_PLAN = PageQuery(
    lambda member_ids: (
        CommitmentMonitoring.objects.filter(commitment__action_plan__member_id=member_ids[0], unanswered_count__gt=0)
        .values("commitment__action_plan_id", "commitment__action_plan__title")
        .annotate(unanswered=Sum("unanswered_count"))
        .order_by("commitment__action_plan_id")[:LIMIT]
    ),
    up_to=1,
    annotations=True,
)
