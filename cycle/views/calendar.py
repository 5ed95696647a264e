"""The partnership's cycle calendar by quarter, and each member's calendar as an iCal feed."""

from itertools import groupby

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from commitments.models import Member
from common.site import absolute_url
from common.views import TargetMixin
from cycle import ical, selectors
from cycle.quarters import Quarter


class CalendarView(TemplateView):
    """What falls due in a quarter across the partnership (`?quarter=2026-Q4`; the current one by default)."""

    template_name = "cycle/calendar.html"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        quarter = Quarter.parse(self.request.GET.get("quarter"), today)
        steps = list(selectors.steps_between(start=quarter.start, end=quarter.end))
        months = [(month, list(rows)) for month, rows in groupby(steps, key=lambda s: s.due_on.replace(day=1))]
        return super().get_context_data(
            quarter=quarter,
            current=Quarter.of(today),
            today=today,
            months=months,
            step_count=len(steps),
            **kwargs,
        )


class MemberCalendarFeedView(TargetMixin, View):
    """`/members/<slug>/calendar.ics`: every step of the member's cycle, for a calendar program."""

    target_model = Member
    target_kwarg = "slug"
    permission_required = "cycle.view_cyclestep"

    def get(self, request, *args, **kwargs):
        member = self.get_target()
        member_url = absolute_url(member.get_absolute_url())
        events = [
            {
                "uid": step.uid,
                "day": step.due_on,
                "stamp": step.updated_at,
                "summary": f"{step.get_kind_display()} — {member.display_name}",
                "description": self._description(step),
                "url": member_url,
            }
            for step in selectors.member_steps(member=member)
        ]
        name = _("OGP action-plan cycle: %(member)s") % {"member": member.display_name}
        response = HttpResponse(ical.calendar(name=name, events=events), content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'inline; filename="{member.slug}-calendar.ics"'
        return response

    @staticmethod
    def _description(step) -> str:
        lines = [_("Action plan %(number)d") % {"number": step.plan_number}]
        if step.action_plan_id:
            lines.append(step.action_plan.title)
        if step.corrected:
            lines.append(_("Date set by the support unit."))
        elif step.rule:
            lines.append(_("Rule: %(rule)s") % {"rule": _(step.rule)})
        if step.note:
            lines.append(step.note)
        return "\n".join(lines)
