import django_filters
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from commitments.models import ActionPlan, Member
from irm_reports.models import Report
from irm_reports.scales import ReportType


class ReportFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Report.Status.choices)
    report_type = django_filters.ChoiceFilter(label=_("Report type"), choices=ReportType.choices)
    language = django_filters.ChoiceFilter(label=_("Language"), choices=settings.LANGUAGES)
    action_plan = django_filters.ModelChoiceFilter(label=_("Action plan"), queryset=ActionPlan.objects.all())
    member = django_filters.ModelChoiceFilter(
        label=_("Member"), queryset=Member.objects.all(), field_name="action_plan__member"
    )

    class Meta:
        model = Report
        fields = ["status", "report_type", "language", "action_plan", "member"]
