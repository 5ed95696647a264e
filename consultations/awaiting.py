"""What awaits a point of contact in co-creation (commitments.awaiting): the proposals of their member's
consultations still without a published response, from the consultations' stored counters (one query)."""

from django.db.models import F
from django.utils.translation import ngettext

from commitments.awaiting import Awaiting
from consultations.models import Consultation


def proposals_to_answer(*, member, limit: int = 10) -> list[Awaiting]:
    consultations = (
        Consultation.objects.filter(action_plan__member=member, proposal_count__gt=F("answered_count"))
        .annotate(unanswered=F("proposal_count") - F("answered_count"))
        .only("title")
        .order_by("response_due_on", "id")[:limit]
    )
    return [
        Awaiting(
            count=consultation.unanswered,
            label=ngettext(
                "%(count)d proposal awaits your response in “%(title)s”",
                "%(count)d proposals await your response in “%(title)s”",
                consultation.unanswered,
            )
            % {"count": consultation.unanswered, "title": consultation.title},
            url=f"{consultation.get_workspace_url()}?status=unanswered",
        )
        for consultation in consultations
    ]
