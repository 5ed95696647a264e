"""What awaits people in co-creation (common.awaiting): a point of contact, the proposals of their member's
consultations still without a published response, from the consultations' stored counters (one query); the
support unit, the flags to review."""

from django.db.models import Count, F
from django.urls import reverse
from django.utils.translation import ngettext

from common.awaiting import LIMIT, Awaiting
from common.db import PageQuery
from consultations.models import Consultation, Flag


def proposals_to_answer(*, member) -> list[Awaiting]:
    return [
        Awaiting(
            count=row["unanswered"],
            label=ngettext(
                "%(count)d proposal awaits your response in “%(title)s”",
                "%(count)d proposals await your response in “%(title)s”",
                row["unanswered"],
            )
            % {"count": row["unanswered"], "title": row["title"]},
            url=reverse("consultations:workspace-consultation", args=[row["id"]]) + "?status=unanswered",
        )
        for row in _UNANSWERED_PER_CONSULTATION([member.pk])
    ]


# Keyed by the member's id, written in SQL once per process: the top of every workspace page of the member.
_UNANSWERED_PER_CONSULTATION = PageQuery(
    lambda member_ids: (
        Consultation.objects.filter(action_plan__member_id=member_ids[0], proposal_count__gt=F("answered_count"))
        .annotate(unanswered=F("proposal_count") - F("answered_count"))
        .values("id", "title", "unanswered")
        .order_by("response_due_on", "id")[:LIMIT]
    ),
    up_to=1,
    annotations=True,
)


def flags_to_review() -> list[Awaiting]:
    """What awaits the support unit in moderation: proposals and comments with open flags (one query)."""
    open_flags = Flag.objects.filter(resolved_at__isnull=True)
    counts = open_flags.aggregate(
        proposals=Count("proposal", distinct=True),
        comments=Count("comment", distinct=True),
    )
    count = counts["proposals"] + counts["comments"]
    label = ngettext(
        "%(count)d flagged proposal or comment awaits review",
        "%(count)d flagged proposals or comments await review",
        count,
    ) % {"count": count}
    return [Awaiting(count=count, label=label, url=reverse("consultations:moderation-queue"))]
