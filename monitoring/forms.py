"""Input shapes of the monitoring pages; forms validate, services save."""

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from commitments.models import Milestone
from consultations.forms import HoneypotMixin, MultipleFileField, MultipleFileInput
from consultations.forms.participation import ACCEPT
from monitoring.models import MonitoringReport, ReportAnswer, ReportFlag
from monitoring.services._common import MAX_EVIDENCE

EVIDENCE_HELP = _("Photos or PDF documents, up to %(count)d files of %(size)s each; checked by their content.") % {
    "count": MAX_EVIDENCE,
    "size": filesizeformat(settings.CONSULTATION_ATTACHMENT_MAX_BYTES),
}


class ReportForm(HoneypotMixin, forms.ModelForm):
    on_behalf = forms.BooleanField(label="", required=False)
    evidence = MultipleFileField(
        label=_("Evidence files"),
        required=False,
        help_text=EVIDENCE_HELP,
        widget=MultipleFileInput(
            attrs={
                "accept": ACCEPT,
                "data-max-files": MAX_EVIDENCE,
                "data-max-file-bytes": settings.CONSULTATION_ATTACHMENT_MAX_BYTES,
                "data-limit-message": EVIDENCE_HELP,
            }
        ),
    )
    remove_evidence = forms.ModelMultipleChoiceField(
        label=_("Remove these files"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    submit = forms.BooleanField(
        label=_("Submit it now (otherwise it is kept as a draft only you can see)"), required=False, initial=True
    )

    class Meta:
        model = MonitoringReport
        fields = ["milestone", "finding", "observed_on", "text", "links", "address", "latitude", "longitude"]
        widgets = {
            "observed_on": forms.DateInput(attrs={"type": "date"}),
            "text": forms.Textarea(attrs={"rows": 8}),
            "links": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "milestone": _("Leave empty for a finding on the commitment as a whole."),
            "latitude": _("For a site visit: decimal degrees, e.g. 40.41678."),
            "longitude": _("Decimal degrees, e.g. -3.70379."),
        }

    def __init__(self, *args, commitment, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["milestone"].queryset = commitment.milestones.order_by(*Milestone.ORDER)
        self.fields["milestone"].empty_label = _("The commitment as a whole")
        organisation = user.confirmed_organisation
        if organisation is None:
            del self.fields["on_behalf"]
        else:
            self.fields["on_behalf"].label = _("File it on behalf of %(name)s") % {"name": organisation.name}
            self.initial.setdefault("on_behalf", self.instance.organisation_id is not None)
        evidence = self.instance.evidence.all() if self.instance.pk else None
        if evidence:
            self.fields["remove_evidence"].queryset = evidence
        else:
            del self.fields["remove_evidence"]
        if self.instance.pk and self.instance.status != MonitoringReport.Status.DRAFT:
            del self.fields["submit"]

    def service_data(self, user) -> dict:
        data = dict(self.cleaned_data)
        if "on_behalf" in data:
            data["organisation"] = user.confirmed_organisation if data.pop("on_behalf") else None
        return data


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Why do you withdraw this report?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Shown with the report."),
    )


class AnswerForm(forms.ModelForm):
    class Meta:
        model = ReportAnswer
        fields = ["kind", "text"]
        widgets = {"kind": forms.RadioSelect, "text": forms.Textarea(attrs={"rows": 6})}
        labels = {"kind": _("Your answer"), "text": _("Reasons (public)")}


class FlagForm(forms.ModelForm):
    class Meta:
        model = ReportFlag
        fields = ["reason", "note"]
        widgets = {"reason": forms.RadioSelect, "note": forms.Textarea(attrs={"rows": 3})}


class PlanFilterForm(forms.Form):
    policy_area = forms.ChoiceField(label=_("Policy area"), required=False)
    institution = forms.ChoiceField(label=_("Lead institution"), required=False)
    disputed = forms.ChoiceField(
        label=_("Dispute"),
        required=False,
        choices=[("", _("All")), ("yes", _("Disputed")), ("no", _("Not disputed"))],
    )

    def __init__(self, *args, areas, institutions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["policy_area"].choices = [("", _("All"))] + [(a.slug, a.display_name) for a in areas]
        self.fields["institution"].choices = [("", _("All"))] + [(str(pk), name) for pk, name in institutions]
