"""Input shapes of the drafting pages; forms validate, services save."""

from django import forms
from django.utils.translation import gettext_lazy as _

from consultations.forms.participation import HoneypotMixin
from drafting.models import Amendment, CommentFlag, ParagraphComment
from drafting.models.participation import DECISION_CHOICES


class VersionCreateForm(forms.Form):
    expert_review = forms.BooleanField(
        label=_("Invite expert reviewers first (the version stays private until you publish it)"), required=False
    )


class CommentForm(HoneypotMixin, forms.Form):
    body = forms.CharField(label=_("Your comment"), max_length=3000, widget=forms.Textarea(attrs={"rows": 3}))
    parent = forms.ModelChoiceField(queryset=ParagraphComment.objects.all(), required=False, widget=forms.HiddenInput)


class FlagForm(forms.Form):
    reason = forms.ChoiceField(label=_("Why"), choices=CommentFlag.Reason.choices)


class AmendmentForm(HoneypotMixin, forms.Form):
    text = forms.CharField(
        label=_("Your wording"),
        max_length=6000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("The whole paragraph (or milestone) as you would write it."),
    )
    explanation = forms.CharField(
        label=_("Why (optional)"), max_length=3000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class DecideForm(forms.Form):
    state = forms.ChoiceField(
        label=_("Decision"),
        choices=DECISION_CHOICES,
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Public reason"), max_length=6000, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Shown with the amendment and sent to its author."),
    )  # fmt: skip
    merged_into = forms.ModelChoiceField(
        label=_("Merged into"), queryset=Amendment.objects.none(), required=False,
        help_text=_("For a merge: the amendment that takes this one in."),
    )  # fmt: skip

    def __init__(self, *args, amendment: Amendment, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["merged_into"].queryset = Amendment.objects.filter(version_id=amendment.version_id).exclude(
            pk=amendment.pk
        )


class ReviewerForm(forms.Form):
    email = forms.EmailField(
        label=_("The reviewer's e-mail address"), help_text=_("The address of their account on the portal.")
    )
