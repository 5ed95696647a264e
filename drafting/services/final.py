"""The final version of the draft becomes the plan's commitments when the plan is submitted (commitments.submission
hook): the sections and milestones that accepted amendments changed take the latest published version's text, and
the milestones amendments added are created. Sections nobody amended keep the commitment's own text. A changed text
outdates the translations people wrote of it, and the machine (when on) translates it again."""

from commitments.models import ActionPlan, Commitment, Milestone
from common.content_translations import texts_before, texts_written
from drafting.models import Amendment, DraftParagraph, DraftVersion
from drafting.services.versions import SECTIONS


def _section_text(paragraphs: list[DraftParagraph], section: str) -> str:
    return "\n\n".join(p.text for p in paragraphs if p.section == section)


def draft_final_apply(plan: ActionPlan) -> int:
    """Write the latest published version's amended text into the commitments; returns the commitments changed."""
    latest = (
        DraftVersion.objects.filter(action_plan=plan, state=DraftVersion.State.PUBLISHED).order_by("-number").first()
    )
    if latest is None:
        return 0
    applied = Amendment.objects.filter(
        version__action_plan=plan, state=Amendment.State.ACCEPTED, applied_in__number__lte=latest.number
    ).select_related("paragraph", "draft_commitment")
    touched: dict[str, set[str]] = {}
    for amendment in applied:
        key = amendment.paragraph.key if amendment.paragraph_id else f"a{amendment.pk}"
        touched.setdefault(amendment.draft_commitment.key, set()).add(key)
    changed = 0
    for copy in latest.commitments.filter(key__in=touched, commitment__isnull=False).prefetch_related("paragraphs"):
        commitment = Commitment.objects.get(pk=copy.commitment_id)
        commitment.action_plan = plan
        before = texts_before(commitment)
        paragraphs = list(copy.paragraphs.all())
        keys = touched[copy.key]
        for section in SECTIONS:
            if any(key.startswith(f"{section}-") for key in keys):
                setattr(commitment, section, _section_text(paragraphs, section))
        commitment._change_reason = f"Final version of the draft (version {latest.number})"
        commitment.save()
        texts_written(commitment, before=before)
        order = commitment.milestones.count()
        for paragraph in paragraphs:
            if paragraph.key not in keys or paragraph.section != DraftParagraph.Section.MILESTONE:
                continue
            if paragraph.key.startswith("m"):
                _milestone_rewrite(commitment, int(paragraph.key[1:]), paragraph.text)
            else:
                order += 1
                milestone = Milestone.objects.create(commitment=commitment, order=order, description=paragraph.text)
                texts_written(milestone, before=None)
        changed += 1
    return changed


def _milestone_rewrite(commitment: Commitment, pk: int, text: str) -> None:
    milestone = Milestone.objects.filter(pk=pk, commitment=commitment).first()
    if milestone is None:
        return
    before = texts_before(milestone)
    Milestone.objects.filter(pk=pk).update(description=text)
    milestone.description, milestone.commitment = text, commitment
    texts_written(milestone, before=before)
