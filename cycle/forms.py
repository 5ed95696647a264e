from django import forms
from django.utils.translation import gettext_lazy as _

from cycle.models import ChallengeArea, ComplianceFinding, SDGTarget


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


class ChallengeDeclarationForm(forms.Form):
    area = forms.ModelChoiceField(label=_("Challenge area"), queryset=ChallengeArea.objects.order_by("order"))
    ambition = forms.CharField(
        label=_("What the member sets out to do"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class CommitmentTagForm(forms.Form):
    areas = forms.ModelMultipleChoiceField(
        label=_("Challenge areas"),
        queryset=ChallengeArea.objects.order_by("order"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    sdg_targets = forms.ModelMultipleChoiceField(
        label=_("SDG targets"),
        queryset=SDGTarget.objects.order_by("goal", "order"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
