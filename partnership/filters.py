"""Filters shared by the HTML lists and the API."""

import django_filters
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from commitments.models import ActionPlan, Commitment, Completion, Member, PolicyArea, Region
from common.db import FixedQuery
from common.filters import ListFilterForm, SearchFilter
from common.widgets import FastSelect, content_choices, country_choices, localized_options
from irm_reports.scales import Completion as IrmCompletion
from irm_reports.scales import PotentialForResults

# Read again after every write (common.widgets.content_choices keeps them per content version): compiled once.
_MEMBER_COUNTRIES = FixedQuery(lambda: Member.objects.exclude(country="").order_by().values("country").distinct())
_AREAS_USED = FixedQuery(
    lambda: (
        PolicyArea.objects.filter(Exists(Commitment.policy_areas.through.objects.filter(policyarea_id=OuterRef("pk"))))
        .order_by("name")
        .values("slug", "name", "name_fr", "name_es")
    )
)


def countries_with_members():
    """The options of the country filter: only the countries of some member (names in the active language)."""
    codes = {row["country"] for row in _MEMBER_COUNTRIES()}
    return [("", str(_("All countries"))), *((code, str(name)) for code, name in country_choices() if code in codes)]


def policy_areas_used():
    """The options of the policy-area filter: only the areas some commitment carries (PolicyArea.display_name)."""
    return localized_options(_AREAS_USED(), _("All policy areas"))


class MemberFilter(django_filters.FilterSet):
    search = SearchFilter()
    kind = django_filters.ChoiceFilter(
        widget=FastSelect, label=_("Kind"), choices=Member.Kind.choices, empty_label=_("All kinds")
    )
    country = django_filters.ChoiceFilter(
        widget=FastSelect,
        label=_("Country"),
        choices=country_choices,
        empty_label=_("All countries"),
        help_text=_("ISO 3166-1 alpha-2 code, e.g. GE."),
    )
    region = django_filters.ChoiceFilter(
        widget=FastSelect, label=_("Region"), choices=Region.choices, empty_label=_("All regions")
    )
    status = django_filters.ChoiceFilter(
        widget=FastSelect, label=_("Status"), choices=Member.Status.choices, empty_label=_("All statuses")
    )

    class Meta:
        model = Member
        form = ListFilterForm
        fields = ["search", "kind", "country", "region", "status"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.form.fields["country"].widget.choices = content_choices("member-countries", countries_with_members)

    def filter_search(self, queryset, name, value):
        return queryset.search(value)


class CommitmentFilter(django_filters.FilterSet):
    search = SearchFilter()
    member = django_filters.ModelChoiceFilter(
        widget=FastSelect, label=_("Member"), queryset=Member.objects.all(), field_name="action_plan__member"
    )
    country = django_filters.ChoiceFilter(
        widget=FastSelect,
        label=_("Country"),
        choices=country_choices,
        field_name="action_plan__member__country",
        empty_label=_("All countries"),
        help_text=_("ISO 3166-1 alpha-2 code of the member's country, e.g. GE."),
    )
    policy_area = django_filters.ModelChoiceFilter(
        widget=FastSelect,
        label=_("Policy area"),
        help_text=_("Slug of a policy area, e.g. open-contracting."),
        queryset=PolicyArea.objects.all(),
        to_field_name="slug",
        field_name="policy_areas",
        empty_label=_("All policy areas"),
    )
    completion = django_filters.ChoiceFilter(
        widget=FastSelect, label=_("Completion"), choices=Completion.choices, empty_label=_("Any completion")
    )

    class Meta:
        model = Commitment
        form = ListFilterForm
        fields = ["search", "member", "country", "policy_area", "completion"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only values present in the data are offered; any valid value is still accepted (links, the API).
        fields = self.form.fields
        fields["country"].widget.choices = content_choices("commitment-countries", countries_with_members)
        fields["policy_area"].widget.choices = content_choices("commitment-policy-areas", policy_areas_used)

    def filter_search(self, queryset, name, value):
        return queryset.search(value)


OGP_VALUE_CHOICES = [
    ("access_to_information", _("Access to information")),
    ("civic_participation", _("Civic participation")),
    ("public_accountability", _("Public accountability")),
    ("technology_innovation", _("Technology and innovation")),
]


class CommitmentApiFilter(CommitmentFilter):
    """The commitment list's filters, plus those only the API offers."""

    action_plan = django_filters.ModelChoiceFilter(
        widget=FastSelect, label=_("Action plan"), queryset=ActionPlan.objects.all()
    )
    ogp_value = django_filters.ChoiceFilter(
        widget=FastSelect, label=_("OGP value"), choices=OGP_VALUE_CHOICES, method="filter_ogp_value"
    )
    status = django_filters.ChoiceFilter(
        widget=FastSelect,
        label=_("Status of the action plan"),
        choices=ActionPlan.Status.choices,
        field_name="action_plan__status",
    )
    # From the latest IRM assessment (the one in the most recently published report).
    starred = django_filters.BooleanFilter(
        label=_("Starred"),
        method="filter_latest_assessment",
        help_text=_("Starred in its latest IRM assessment (false: assessed and not starred)."),
    )
    potential_results = django_filters.ChoiceFilter(
        widget=FastSelect,
        label=_("Potential for results"),
        choices=PotentialForResults.choices,
        method="filter_latest_assessment",
        help_text=_("Potential for results in its latest IRM assessment."),
    )
    irm_completion = django_filters.ChoiceFilter(
        widget=FastSelect,
        label=_("Completion assessed by the IRM"),
        choices=IrmCompletion.choices,
        method="filter_latest_assessment",
        help_text=_("Completion in its latest IRM assessment."),
    )

    class Meta(CommitmentFilter.Meta):
        fields = [
            *CommitmentFilter.Meta.fields,
            "action_plan",
            "ogp_value",
            "status",
            "starred",
            "potential_results",
            "irm_completion",
        ]

    LATEST_FIELDS = {"starred": "starred", "potential_results": "potential_for_results", "irm_completion": "completion"}

    def filter_ogp_value(self, queryset, name, value):
        return queryset.filter(**{value: True})

    def filter_latest_assessment(self, queryset, name, value):
        # One filter() call per condition on the same latest row: at most one row per commitment is latest.
        return queryset.filter(
            irm_assessments__is_latest=True, **{f"irm_assessments__{self.LATEST_FIELDS[name]}": value}
        )


class ActionPlanFilter(django_filters.FilterSet):
    member = django_filters.ModelChoiceFilter(widget=FastSelect, label=_("Member"), queryset=Member.objects.all())
    status = django_filters.ChoiceFilter(widget=FastSelect, label=_("Status"), choices=ActionPlan.Status.choices)
    period_from = django_filters.DateFilter(
        label=_("Period overlaps from"),
        field_name="end_date",
        lookup_expr="gte",
        help_text=_("Plans whose period ends on or after this date."),
    )
    period_to = django_filters.DateFilter(
        label=_("Period overlaps until"),
        field_name="start_date",
        lookup_expr="lte",
        help_text=_("Plans whose period starts on or before this date."),
    )

    class Meta:
        model = ActionPlan
        fields = ["member", "status", "period_from", "period_to"]
