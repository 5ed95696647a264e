"""Input shapes of the researcher's workspace; forms validate, services save."""

from django import forms
from django.utils.translation import gettext_lazy as _

from irm_reports import fieldsets
from irm_reports.models import CommitmentAssessment, Recommendation, Report
from irm_reports.scales import METHODOLOGIES_BY_TYPE, ReportType, RequirementStatus

NARRATIVE_ROWS = 5


class ReportCreateForm(forms.ModelForm):
    class Meta:
        model = Report
        fields = ["report_type", "methodology", "language"]
        help_texts = {
            "methodology": _(
                "Action Plan Reviews and Results Reports of 2021+ plans use the IRM Refresh; "
                "Results Reports of 2020 plans, the transitional methodology."
            ),
            "language": _("The language the report is written and published in."),
        }

    def clean(self):
        cleaned = super().clean()
        report_type, methodology = cleaned.get("report_type"), cleaned.get("methodology")
        if report_type and methodology and methodology not in METHODOLOGIES_BY_TYPE[ReportType(report_type)]:
            self.add_error("methodology", _("This methodology is not used for this type of report."))
        return cleaned


class ReportContentForm(forms.ModelForm):
    """The report-level content; only the fields of the report's type are shown."""

    class Meta:
        model = Report
        fields = [
            "overview",
            "implementation_factors",
            "participation",
            "methodology_text",
            "acted_according_to_process",
            "iap2_level_development",
            "iap2_level_implementation",
        ]
        widgets = {name: forms.Textarea(attrs={"rows": 8}) for name in ("overview", "implementation_factors")} | {
            name: forms.Textarea(attrs={"rows": NARRATIVE_ROWS}) for name in ("participation", "methodology_text")
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        report = self.instance
        shown = fieldsets.REPORT_FIELDS[ReportType(report.report_type)]
        required = fieldsets.REPORT_REQUIRED[ReportType(report.report_type)]
        for name in list(self.fields):
            if name not in shown:
                del self.fields[name]
        for name, field in self.fields.items():
            if name == "acted_according_to_process":
                field.choices = [("", "—"), ("yes", _("Yes")), ("no", _("No"))]
            if name in required:
                field.label = f"{field.label} *"
                field.help_text = " ".join(filter(None, [str(field.help_text), str(_("Needed to render the report."))]))


class AssessmentForm(forms.ModelForm):
    """A commitment's assessment with only the fields of the report's type and methodology.

    Fields are optional here so that a researcher can save work in progress; what the report
    needs before rendering is listed on the report's page.
    """

    class Meta:
        model = CommitmentAssessment
        fields = list(CommitmentAssessment.RATINGS) + ["cluster"] + list(CommitmentAssessment.NARRATIVES)
        widgets = {name: forms.Textarea(attrs={"rows": NARRATIVE_ROWS}) for name in CommitmentAssessment.NARRATIVES}

    def __init__(self, *args, report: Report, **kwargs):
        super().__init__(*args, **kwargs)
        self.report = report
        shown = fieldsets.assessment_fields(report.report_type, report.methodology)
        for name in list(self.fields):
            if name not in shown:
                del self.fields[name]
        self.order_fields(shown)
        ratings = self.instance.ratings() if self.instance.pk else {}
        required = set(fieldsets.required_fields(report.report_type, report.methodology, ratings))
        for name, field in self.fields.items():
            choices = fieldsets.field_choices(name, report.methodology)
            if choices is not None:
                current = getattr(self.instance, name, None)
                if current and current not in {v for v, _label in choices}:  # an imported sentinel stays choosable
                    choices = [*choices, (current, getattr(self.instance, f"get_{name}_display")())]
                self.fields[name] = forms.ChoiceField(
                    label=field.label, choices=[("", "—"), *choices], required=False, help_text=field.help_text
                )
            field = self.fields[name]
            field.label = str(field.label)[:1].upper() + str(field.label)[1:]
            if name in required:
                field.label = f"{field.label} *"

    def design_fields(self):
        return [self[n] for n in self.fields if n in CommitmentAssessment.RATINGS and n in _DESIGN]

    def result_fields(self):
        return [self[n] for n in self.fields if n in CommitmentAssessment.RATINGS and n not in _DESIGN] + (
            [self["cluster"]] if "cluster" in self.fields else []
        )

    def narrative_fields(self):
        return [self[n] for n in self.fields if n in CommitmentAssessment.NARRATIVES]


_DESIGN = {
    "verifiable",
    "open_gov_lens",
    "relevance_ati",
    "relevance_cp",
    "relevance_pa",
    "relevance_tech",
    "specificity",
    "potential_impact",
    "potential_for_results",
    "promising",
}


class RequirementForm(forms.Form):
    """One standards requirement: its status and the evidence for it."""

    status = forms.ChoiceField(label=_("Status"), choices=[("", "—"), *RequirementStatus.choices], required=False)
    evidence = forms.CharField(label=_("Evidence"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, requirement, **kwargs):
        super().__init__(*args, **kwargs)
        self.requirement = requirement

    def clean(self):
        cleaned = super().clean()
        status = cleaned.get("status")
        if status and status != RequirementStatus.NOT_APPLICABLE and not (cleaned.get("evidence") or "").strip():
            self.add_error("evidence", _("Give the evidence for this finding."))
        return cleaned


class RecommendationForm(forms.ModelForm):
    class Meta:
        model = Recommendation
        fields = ["kind", "title", "text", "follow_up_status"]
        widgets = {"text": forms.Textarea(attrs={"rows": 4})}


RecommendationFormSet = forms.formset_factory(RecommendationForm, extra=2, can_delete=True, max_num=30)
