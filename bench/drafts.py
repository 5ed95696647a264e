"""Draft plans under review for the benchmark (drafting): a few plans put back in co-creation, each with a review
of its draft, version 1 published, amendments decided on it, version 2 published with the accepted ones, and
the hottest paragraph of the first plan's version 2 under `HOT_COMMENTS` comments.

The versions come from the services (they split the commitments into paragraphs and apply the amendments);
amendments and comments are written in bulk, as datagen writes the rest. Run after datagen.generate().
"""

from datetime import timedelta

from django.db.models import Count, OuterRef, Subquery
from django.utils import timezone

HOT_COMMENTS = 500
AMENDMENT_EVERY = 3  # an amendment on every third paragraph of version 1, two in three of them accepted


def _review(plan_id: int, now):
    from consultations.models import Consultation

    return Consultation.objects.create(
        action_plan_id=plan_id,
        kind=Consultation.Kind.DRAFT_REVIEW,
        title=f"Review of the draft of plan {plan_id}",
        opens_at=now - timedelta(days=10),
        closes_at=now + timedelta(days=20),
        response_due_on=(now + timedelta(days=40)).date(),
    )


def _amendments(version, authors: list[int], decider_id: int, now) -> int:
    from drafting.models import Amendment, DraftParagraph

    paragraphs = DraftParagraph.objects.filter(draft_commitment__version=version).order_by("id")
    rows = []
    for index, paragraph in enumerate(paragraphs[::AMENDMENT_EVERY]):
        accepted = index % 3 != 2
        rows.append(Amendment(
            version=version, draft_commitment_id=paragraph.draft_commitment_id, paragraph=paragraph,
            text=f"{paragraph.text} (as amended)", author_id=authors[index % len(authors)],
            state=Amendment.State.ACCEPTED if accepted else Amendment.State.REJECTED,
            reason="Clearer and measurable." if accepted else "Out of the plan's scope.",
            decided_by_id=decider_id, decided_at=now,
        ))  # fmt: skip
    Amendment.objects.bulk_create(rows)
    return len(rows)


def _hot_comments(version, authors: list[int]) -> int:
    """HOT_COMMENTS comments on the version's first paragraph, one in five a reply; returns the paragraph's id."""
    from drafting.models import DraftParagraph, ParagraphComment

    paragraph = DraftParagraph.objects.filter(draft_commitment__version=version).order_by("id").first()
    tops = ParagraphComment.objects.bulk_create(
        ParagraphComment(paragraph=paragraph, author_id=authors[i % len(authors)], body=f"Comment {i} on the wording.")
        for i in range(HOT_COMMENTS * 4 // 5)
    )
    ParagraphComment.objects.bulk_create(
        ParagraphComment(
            paragraph=paragraph, parent=tops[i], author_id=authors[(i + 7) % len(authors)], body=f"Reply {i}."
        )
        for i in range(HOT_COMMENTS - len(tops))
    )
    visible = ParagraphComment.objects.filter(paragraph=OuterRef("pk"), is_hidden=False)
    count = visible.order_by().values("paragraph").annotate(n=Count("id")).values("n")
    DraftParagraph.objects.filter(pk=paragraph.pk).update(comment_count=Subquery(count))
    return paragraph.pk


def generate(*, plan_ids: list[int], author_ids: list[int]) -> dict:
    """These plans put under review, amended and commented by these accounts (the first one makes the versions
    and decides); what the benchmark's addresses need."""
    from accounts.models import User
    from commitments.models import ActionPlan
    from drafting.services.versions import version_create, version_publish

    now = timezone.now()
    ActionPlan.objects.filter(pk__in=plan_ids).update(status=ActionPlan.Status.CO_CREATION)
    editor = User.objects.get(pk=author_ids[0])
    pairs, seconds, amended = [], [], 0
    for plan_id in plan_ids:
        review = _review(plan_id, now)
        first = version_publish(version=version_create(consultation=review, user=editor), user=editor)
        amended += _amendments(first, author_ids, editor.pk, now)
        second = version_publish(version=version_create(consultation=review, user=editor), user=editor)
        pairs.append((first.pk, second.pk, plan_id))
        seconds.append(second)
    return {
        "plans": plan_ids,
        "pairs": pairs,
        "hot_version": seconds[0].pk,
        "hot_paragraph": _hot_comments(seconds[0], author_ids),
        "amendments": amended,
    }
