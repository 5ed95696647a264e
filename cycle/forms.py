from django import forms
from django.utils.translation import gettext_lazy as _

from cycle.models import ComplianceFinding


class FindingDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            (ComplianceFinding.Decision.PROCEDURAL_REVIEW, ComplianceFinding.Decision.PROCEDURAL_REVIEW.label),
            (ComplianceFinding.Decision.NO_ACTION, ComplianceFinding.Decision.NO_ACTION.label),
        ],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Placing the member under procedural review publishes this reason on the member's page."),
    )
