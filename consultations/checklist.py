"""The co-creation standards' minimum requirements for one action plan: met, not met or not yet assessable.

Computed from the portal's data where it can be (forum, consultations, responses, website); set by
support staff where it cannot, and a staff assessment prevails over the computed one.
"""

from dataclasses import dataclass
from operator import attrgetter

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from commitments.models import ActionPlan, StandardRequirement
from common.compiled_models import CompiledModels
from common.db import CompiledOnce
from common.hints import RowHint
from consultations.forum_selectors import forum_balance, forum_of
from consultations.models import Consultation, Forum, ForumMeeting, RequirementMark, Sector
from consultations.pending import answer_counts

MET, NOT_MET, PENDING = (
    RequirementMark.Status.MET,
    RequirementMark.Status.NOT_MET,
    RequirementMark.Status.NOT_ASSESSABLE,
)
MIN_CONSULTATION_DAYS = 14
MIN_IMPLEMENTATION_MEETINGS = 2


@dataclass
class ChecklistItem:
    requirement: StandardRequirement
    status: str
    explanation: str
    source: str  # "computed", "staff" or "" (nobody has assessed it yet)
    mark: RequirementMark | None = None

    def get_status_display(self) -> str:
        return RequirementMark.Status(self.status).label


def _unless_still_possible(plan: ActionPlan, phase_open: bool) -> str:
    return PENDING if phase_open and plan.status != ActionPlan.Status.WITHDRAWN else NOT_MET


def _forum_item(plan: ActionPlan, facts: dict) -> tuple[str, str]:
    forum, seats, meetings = facts["forum"], facts["seats"], facts["meetings"]
    if forum is None:
        return _unless_still_possible(plan, plan.accepts_commitment_changes), _("No multi-stakeholder forum recorded.")
    missing = []
    if not (seats.get(Sector.GOVERNMENT) and (seats.get(Sector.CIVIL_SOCIETY) or seats.get(Sector.OTHER))):
        missing.append(_("members from both government and civil society"))
    if not forum.rules_url:
        missing.append(_("published rules on participation"))
    if not meetings["co_creation"]:
        missing.append(_("a meeting during the co-creation of this plan"))
    if not missing:
        return MET, _("Forum with government and civil society members, public rules, met during co-creation.")
    return _unless_still_possible(plan, plan.accepts_commitment_changes), _("Missing: %(items)s.") % {
        "items": "; ".join(missing)
    }


def _website_item(plan: ActionPlan, facts: dict) -> tuple[str, str]:
    if plan.member.website_url:
        return MET, _("OGP website: %(url)s") % {"url": plan.member.website_url}
    return NOT_MET, _("No OGP website recorded for this member.")


def _consultation_item(plan: ActionPlan, facts: dict) -> tuple[str, str]:
    now = timezone.now()
    held = [c for c in facts["consultations"] if c.status != Consultation.Status.CANCELLED and c.opens_at <= now]
    done = [c for c in held if c.ended_at <= now]
    if any(c.duration_days >= MIN_CONSULTATION_DAYS for c in done):
        return MET, _("A consultation was open for at least two weeks.")
    running = [c for c in held if c.ended_at > now]
    if running:
        return PENDING, _("A consultation is open until %(date)s.") % {
            "date": timezone.localdate(running[0].ended_at).isoformat()
        }
    if done:
        return _unless_still_possible(plan, plan.accepts_commitment_changes), _(
            "No consultation was open for at least two weeks."
        )
    return _unless_still_possible(plan, plan.accepts_commitment_changes), _("No consultation has been held yet.")


def _response_item(plan: ActionPlan, facts: dict) -> tuple[str, str]:
    total, answered = facts["to_answer"], facts["answered"]
    if total == 0:
        return PENDING, _("No proposal to answer yet.")
    summary = ngettext(
        "%(answered)d of %(total)d proposal answered with reasons.",
        "%(answered)d of %(total)d proposals answered with reasons.",
        total,
    ) % {"answered": answered, "total": total}
    if answered == total:
        return MET, summary
    still_open = plan.accepts_commitment_changes or any(c.is_open for c in facts["consultations"])
    return _unless_still_possible(plan, still_open), summary


def _implementation_item(plan: ActionPlan, facts: dict) -> tuple[str, str]:
    count = facts["meetings"]["implementation"]
    summary = ngettext(
        "%(count)d forum meeting on implementation recorded (two are required).",
        "%(count)d forum meetings on implementation recorded (two are required).",
        count,
    ) % {"count": count}
    if count >= MIN_IMPLEMENTATION_MEETINGS:
        return MET, summary
    return _unless_still_possible(plan, plan.status != ActionPlan.Status.COMPLETED), summary


COMPUTED = {
    "1.1": _forum_item,
    "2.1": _website_item,
    "3.3": _consultation_item,
    "4.1": _response_item,
    "5.1": _implementation_item,
}


def _facts(plan: ActionPlan, consultations: list | None) -> dict:
    """Everything the computed items need, in a fixed number of queries."""
    forum = None if MEMBER_FORUM.known_empty(plan) else forum_of(member_id=plan.member_id)
    seats = forum_balance(forum=forum) if forum is not None else {}
    meetings = {"co_creation": 0, "implementation": 0} if MEETINGS.known_empty(plan) else _MEETINGS(plan.pk)
    if consultations is None:
        consultations = _CONSULTATIONS(plan.pk)
    else:  # as _CONSULTATIONS orders them: the first opened first
        consultations = sorted(consultations, key=attrgetter("opens_at", "pk"))
    # The consultations' stored counters (kept by every write of a proposal), not a count of the proposals.
    held = [c for c in consultations if c.status != Consultation.Status.CANCELLED]
    # What the apps above owe answers to as well (amendments to the draft plan: consultations.pending), but what
    # the plan's row knows it has none of.
    others = answer_counts((c.pk for c in held), on=plan).values()
    return {
        "forum": forum,
        "seats": seats,
        "meetings": meetings,
        "consultations": consultations,
        "to_answer": sum(c.proposal_count for c in held) + sum(owed for owed, _answered in others),
        "answered": sum(c.answered_count for c in held) + sum(answered for _owed, answered in others),
    }


_MEETINGS = CompiledOnce(
    lambda pk: ForumMeeting.objects.filter(action_plan_id=pk).aggregate(
        co_creation=Count("pk", filter=Q(phase=ForumMeeting.Phase.CO_CREATION)),
        implementation=Count("pk", filter=Q(phase=ForumMeeting.Phase.IMPLEMENTATION)),
    )
)
_CONSULTATIONS = CompiledModels(lambda pk: Consultation.objects.filter(action_plan_id=pk).order_by("opens_at", "id"))
# Keyed by the version of the standards: the same statement on every page.
_MINIMUM = CompiledModels(lambda version: StandardRequirement.objects.minimum(version))
_MARKS = CompiledModels(lambda pk: RequirementMark.objects.filter(action_plan_id=pk).order_by())  # read as a dict
# Whether the support unit marked a requirement, the plan's member has its forum (common.hints), read with the
# plan's page.
MARKS = RowHint("requirement_marks", lambda plan: RequirementMark.objects.filter(action_plan_id=plan))
MEMBER_FORUM = RowHint("member_forum", lambda member: Forum.objects.filter(member_id=member), field="member_id")
# Whether the plan's forum met at all (common.hints), read with the plan's page: if not, no count to make.
MEETINGS = RowHint("meetings", lambda plan: ForumMeeting.objects.filter(action_plan_id=plan))


def plan_checklist(plan: ActionPlan, *, consultations: list | None = None) -> list[ChecklistItem]:
    """One item per minimum requirement of the 2021 standards, in their order. `consultations`: all the plan's
    consultations, when the caller has read them already (in any order)."""
    requirements = _MINIMUM(StandardRequirement.Version.V2021.value)
    marks = {} if MARKS.known_empty(plan) else {m.requirement_id: m for m in _MARKS(plan.pk)}
    facts = _facts(plan, consultations)
    items = []
    for requirement in requirements:
        mark = marks.get(requirement.pk)
        if mark is not None:
            items.append(ChecklistItem(requirement, mark.status, mark.note, "staff", mark))
        elif requirement.code in COMPUTED:
            status, explanation = COMPUTED[requirement.code](plan, facts)
            items.append(ChecklistItem(requirement, status, explanation, "computed"))
        else:
            items.append(ChecklistItem(requirement, PENDING, _("Awaiting the support unit's assessment."), ""))
    return items
