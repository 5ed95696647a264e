"""Input shapes of the grant pages; forms validate, services save."""

from decimal import Decimal

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.forms import formset_factory
from django.utils.translation import gettext_lazy as _

from consultations.forms.participation import (
    ACCEPT,
    ATTACHMENTS_HELP,
    HoneypotMixin,
    MultipleFileField,
    MultipleFileInput,
)
from grants.models import SCORE_MAX, GrantApplication
from grants.services import budget_check
from grants.services.reviews import AWARD, REJECT

BUDGET_ROWS = 6  # rows offered beyond the lines already written


class BudgetLineForm(forms.Form):
    description = forms.CharField(label=_("Item"), max_length=200, required=False)
    amount = forms.DecimalField(
        label=_("Amount"), required=False, min_value=Decimal("0.01"), max_digits=12, decimal_places=2
    )

    def clean(self):
        cleaned = super().clean()
        description, amount = cleaned.get("description"), cleaned.get("amount")
        if description and amount is None and "amount" not in self.errors:
            self.add_error("amount", _("Give the amount of this line."))
        if amount is not None and not description:
            self.add_error("description", _("Say what this amount pays for."))
        return cleaned


def budget_formset(data=None, *, lines=()):
    initial = [{"description": line.description, "amount": line.amount} for line in lines]
    extra = max(BUDGET_ROWS - len(initial), 2)
    factory = formset_factory(BudgetLineForm, extra=extra, max_num=40, validate_max=True)
    return factory(data, prefix="budget", initial=initial)


class ApplicationForm(HoneypotMixin, forms.ModelForm):
    """The application with one field per question of the call and its budget lines (`self.budget`)."""

    attachments = MultipleFileField(
        label=_("Attachments"),
        required=False,
        help_text=ATTACHMENTS_HELP,
        widget=MultipleFileInput(
            attrs={
                "accept": ACCEPT,
                "data-max-files": settings.CONSULTATION_ATTACHMENT_MAX_COUNT,
                "data-max-file-bytes": settings.CONSULTATION_ATTACHMENT_MAX_BYTES,
                "data-limit-message": ATTACHMENTS_HELP,
            }
        ),
    )
    remove_attachments = forms.ModelMultipleChoiceField(
        label=_("Remove these attachments"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = GrantApplication
        fields = ["title", "summary", "amount_requested"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, call, **kwargs):
        super().__init__(*args, **kwargs)
        self.call = call
        application = self.instance if self.instance.pk else None
        self.fields["amount_requested"].help_text = _("From %(min)s to %(max)s %(currency)s.") % {
            "min": call.amount_min,
            "max": call.amount_max,
            "currency": call.currency,
        }
        answers = {a.question_id: a.text for a in application.answers.all()} if application else {}
        for question in call.questions.all():
            self.fields[f"answer_{question.pk}"] = forms.CharField(
                label=question.display_text,
                required=False,
                max_length=5000,
                initial=answers.get(question.pk, ""),
                widget=forms.Textarea(attrs={"rows": 4}),
                help_text=_("Required before submitting.") if question.required else "",
            )
        if application and application.attachments.all():
            self.fields["remove_attachments"].queryset = application.attachments.all()
        else:
            del self.fields["remove_attachments"]
        self.budget = budget_formset(self.data or None, lines=application.budget_lines.all() if application else ())
        self.budget_errors = []

    def budget_lines(self) -> list[tuple[str, Decimal]]:
        return [
            (row.cleaned_data["description"], row.cleaned_data["amount"])
            for row in self.budget.forms
            if row.cleaned_data.get("description") and row.cleaned_data.get("amount") is not None
        ]

    def clean(self):
        cleaned = super().clean()
        if not self.budget.is_valid():
            self.budget_errors = [_("Correct the budget lines marked below.")]
            raise ValidationError(self.budget_errors[0], code="budget")
        try:
            budget_check(call=self.call, amount_requested=cleaned.get("amount_requested"), lines=self.budget_lines())
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                if field == "budget":
                    self.budget_errors = messages
                self.add_error(field if field in self.fields else None, messages)
        return cleaned

    def service_data(self) -> dict:
        data = {
            "title": self.cleaned_data["title"],
            "summary": self.cleaned_data["summary"],
            "amount_requested": self.cleaned_data["amount_requested"],
            "answers": {
                int(name.removeprefix("answer_")): value
                for name, value in self.cleaned_data.items()
                if name.startswith("answer_")
            },
            "budget_lines": self.budget_lines(),
            "attachments": self.cleaned_data.get("attachments") or [],
        }
        if "remove_attachments" in self.fields:
            data["remove_attachments"] = list(self.cleaned_data.get("remove_attachments") or [])
        return data


class ReviewForm(forms.Form):
    """A score per criterion of the call's grid, and a comment."""

    comment = forms.CharField(
        label=_("Comment"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, criteria, review=None, **kwargs):
        super().__init__(*args, **kwargs)
        given = {score.criterion_id: score.score for score in review.scores.all()} if review else {}
        choices = [(str(n), str(n)) for n in range(SCORE_MAX + 1)]
        self.criteria = list(criteria)
        for criterion in self.criteria:
            self.fields[f"score_{criterion.pk}"] = forms.TypedChoiceField(
                label=_("%(criterion)s (weight %(weight)d)")
                % {"criterion": criterion.display_name, "weight": criterion.weight},
                choices=choices,
                coerce=int,
                initial=given.get(criterion.pk),
                widget=forms.RadioSelect,
                help_text=_("0: not at all, %(max)d: fully.") % {"max": SCORE_MAX},
            )
        if review:
            self.fields["comment"].initial = review.comment
        self.order_fields([f"score_{c.pk}" for c in self.criteria] + ["comment"])

    def scores(self) -> dict[int, int]:
        return {criterion.pk: self.cleaned_data[f"score_{criterion.pk}"] for criterion in self.criteria}


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"), choices=[(AWARD, _("Award the grant")), (REJECT, _("Reject"))], widget=forms.RadioSelect
    )
    amount_awarded = forms.DecimalField(
        label=_("Amount awarded"),
        required=False,
        min_value=Decimal("0.01"),
        max_digits=12,
        decimal_places=2,
        help_text=_("For an award."),
    )
    reasons = forms.CharField(
        label=_("Reasons"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The applicant reads them."),
    )


class MilestoneForm(forms.Form):
    title = forms.CharField(label=_("Report due"), max_length=200)
    due_on = forms.DateField(label=_("Due on"), widget=forms.DateInput(attrs={"type": "date"}))
    note = forms.CharField(label=_("Note"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 2}))
