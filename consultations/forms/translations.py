"""The translation of a proposal into another language, by a person."""

from django import forms
from django.utils.translation import gettext_lazy as _

from common.models import page_language
from common.translations import other_languages
from consultations.models import Proposal, ProposalTranslation


class ProposalTranslationForm(forms.ModelForm):
    language = forms.ChoiceField(label=_("Language of the translation"))

    class Meta:
        model = ProposalTranslation
        fields = ["title_translated", "problem_translated", "solution_translated", "expected_results_translated"]
        widgets = {
            "problem_translated": forms.Textarea(attrs={"rows": 6}),
            "solution_translated": forms.Textarea(attrs={"rows": 6}),
            "expected_results_translated": forms.Textarea(attrs={"rows": 4}),
        }

    field_order = ["language", *Meta.fields]

    def __init__(self, *args, proposal: Proposal, asked: str | None = None, **kwargs):
        """`asked`: the language named in the address (?language=fr), chosen when it is one of the choices."""
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = other_languages(proposal)
        if self.instance.pk:
            self.fields["language"].initial = self.instance.language_code
        elif asked in dict(self.fields["language"].choices):
            self.fields["language"].initial = asked
        elif page_language() != proposal.language:
            self.fields["language"].initial = page_language()

    def service_data(self) -> dict:
        data = self.cleaned_data
        return {
            "language": data["language"],
            "title": data["title_translated"],
            "problem": data["problem_translated"],
            "solution": data["solution_translated"],
            "expected_results": data["expected_results_translated"],
        }
