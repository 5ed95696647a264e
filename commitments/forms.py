"""Input shapes of the point-of-contact workspace; forms validate, services save."""

from datetime import date

from django import forms
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation
from commitments.models import ActionPlan, Commitment, CommitmentTranslation, Milestone, PolicyArea, ProgressUpdate
from common.forms import ContentLanguageMixin
from common.translations import other_languages


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class PolicyAreaField(forms.ModelMultipleChoiceField):
    """Policy areas as checkboxes grouped by top-level area, then mechanisms, sectors, legacy tags."""

    widget = forms.CheckboxSelectMultiple(attrs={"class": "grouped-checkboxes"})

    def __init__(self, **kwargs):
        super().__init__(queryset=PolicyArea.objects.select_related("parent"), **kwargs)

    def grouped_choices(self) -> list:
        groups: dict[str, list] = {}
        areas = sorted(self.queryset, key=lambda a: (a.parent_id is not None, a.display_name))
        for area in areas:
            if area.kind == PolicyArea.Kind.POLICY_AREA:
                label = (area.parent or area).display_name
            else:
                label = PolicyArea.Kind(area.kind).label
            groups.setdefault(str(label), []).append((area.pk, area.display_name))
        # Top-level areas first (alphabetically), then mechanisms, sectors and legacy tags.
        kinds = [str(k.label) for k in PolicyArea.Kind if k != PolicyArea.Kind.POLICY_AREA]

        def order(item):
            label = item[0]
            return (kinds.index(label) + 1 if label in kinds else 0, label)

        return sorted(groups.items(), key=order)


def _names(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class ActionPlanForm(ContentLanguageMixin, forms.ModelForm):
    class Meta:
        model = ActionPlan
        fields = ["number", "title", "language", "description", "start_date", "end_date", "document_url"]
        widgets = {
            "start_date": DateInput(),
            "end_date": DateInput(),
            "description": forms.Textarea(attrs={"rows": 4}),
        }


FUNDING_FIELDS = ("budget", "budget_currency", "funding_source", "funding_gap")


class CommitmentForm(forms.ModelForm):
    lead_institution_name = forms.CharField(
        label=_("Lead institution"),
        max_length=300,
        required=False,
        help_text=_("Choose an institution of this member or type the name of a new one."),
        widget=forms.TextInput(attrs={"list": "institution-names", "autocomplete": "off"}),
    )
    supporting_institutions = forms.CharField(
        label=_("Supporting government institutions"),
        required=False,
        help_text=_("One per line."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    supporting_csos = forms.CharField(
        label=_("Supporting civil society organisations"),
        required=False,
        help_text=_("One per line."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    policy_areas = PolicyAreaField(label=_("Policy areas"), required=False)

    class Meta:
        model = Commitment
        fields = [
            "number",
            "title",
            "problem",
            "status_quo",
            "objective",
            "expected_results",
            "policy_areas",
            "access_to_information",
            "civic_participation",
            "public_accountability",
            "technology_innovation",
            "start_date",
            "end_date",
            *FUNDING_FIELDS,
        ]
        widgets = {
            "start_date": DateInput(),
            "end_date": DateInput(),
            "problem": forms.Textarea(attrs={"rows": 4}),
            "status_quo": forms.Textarea(attrs={"rows": 4}),
            "objective": forms.Textarea(attrs={"rows": 4}),
            "expected_results": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["policy_areas"].choices = self.fields["policy_areas"].grouped_choices()
        commitment = self.instance
        if not commitment.pk:  # funding is recorded once the commitment exists
            for name in FUNDING_FIELDS:
                del self.fields[name]
        if commitment.pk:
            self.initial["lead_institution_name"] = (
                commitment.lead_institution.name if commitment.lead_institution else ""
            )
            supporting = list(commitment.supporting_organisations.all())
            self.initial["supporting_institutions"] = "\n".join(
                o.name for o in supporting if o.kind == Organisation.Kind.GOVERNMENT
            )
            self.initial["supporting_csos"] = "\n".join(
                o.name for o in supporting if o.kind != Organisation.Kind.GOVERNMENT
            )

    def service_data(self) -> dict:
        """cleaned_data in the shape commitment_create / commitment_update take."""
        data = dict(self.cleaned_data)
        data["lead_institution_name"] = data.pop("lead_institution_name", "").strip()
        data["supporting_names"] = {
            Organisation.Kind.GOVERNMENT: _names(data.pop("supporting_institutions", "")),
            Organisation.Kind.CIVIL_SOCIETY: _names(data.pop("supporting_csos", "")),
        }
        return data


class MilestoneForm(forms.ModelForm):
    """A milestone as planned during co-creation."""

    class Meta:
        model = Milestone
        fields = ["order", "description", "expected_output", "due_date"]
        widgets = {"due_date": DateInput(), "description": forms.Textarea(attrs={"rows": 3})}


class MilestoneStatusForm(forms.ModelForm):
    """During implementation only the status of a milestone moves."""

    class Meta:
        model = Milestone
        fields = ["status", "completed_on"]
        widgets = {"completed_on": DateInput()}
        help_texts = {"completed_on": _("Left empty for a completed milestone, today's date is used.")}

    def clean_completed_on(self):
        """What the help says: a completed milestone without a date was completed today (as in the service)."""
        completed_on = self.cleaned_data.get("completed_on")
        if completed_on is None and self.cleaned_data.get("status") == Milestone.Status.COMPLETED:
            return date.today()
        return completed_on


class ProgressUpdateForm(forms.ModelForm):
    class Meta:
        model = ProgressUpdate
        fields = ["reported_on", "completion", "text", "evidence_url"]
        widgets = {"reported_on": DateInput(), "text": forms.Textarea(attrs={"rows": 6})}


class TransitionForm(forms.Form):
    to_status = forms.ChoiceField(choices=ActionPlan.Status.choices)


class InstitutionContactForm(forms.Form):
    institution_name = forms.CharField(
        label=_("Institution"),
        max_length=300,
        widget=forms.TextInput(attrs={"list": "institution-names", "autocomplete": "off"}),
    )
    email = forms.EmailField(
        label=_("E-mail address of the contact's account"),
        help_text=_("The person registers first; they then post progress, answer reports and give opinions."),
    )


class CommitmentTranslationForm(forms.ModelForm):
    """A commitment's texts in another language than its plan's, and its milestones' on the same page."""

    language = forms.ChoiceField(label=_("Language of the translation"))

    class Meta:
        model = CommitmentTranslation
        fields = list(CommitmentTranslation.TEXT_FIELDS)
        widgets = {name: forms.Textarea(attrs={"rows": 4}) for name in fields[2:]}

    field_order = ["language", *Meta.fields]

    def __init__(self, *args, commitment, language: str, milestones: list, milestone_translations: dict, **kwargs):
        """`language`: the one chosen (the address's ?language=, else the page's); `milestone_translations`: the
        milestones' existing translations into it, by milestone id."""
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = other_languages(commitment)
        self.fields["language"].initial = language
        self.commitment, self.milestones = commitment, milestones
        for number, milestone in enumerate(milestones, 1):
            existing = milestone_translations.get(milestone.pk)
            original = format_html(
                '{} <span lang="{}">{}</span>', _("Original:"), milestone.content_language, milestone.description
            )
            self.fields[f"milestone_{milestone.pk}_description"] = forms.CharField(
                label=_("Milestone %(number)s: description") % {"number": number},
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
                initial=existing.description_translated if existing else "",
                help_text=original,
            )
            self.fields[f"milestone_{milestone.pk}_expected_output"] = forms.CharField(
                label=_("Milestone %(number)s: expected output") % {"number": number},
                required=False,
                max_length=500,
                initial=existing.expected_output_translated if existing else "",
            )

    def clean(self):
        """Every text the original has is translated (a page shows the translation whole, or the original), and a
        milestone is translated whole or not at all."""
        data = super().clean()
        missing = _("Translate this text too: the original has one.")
        for name, original in CommitmentTranslation.TEXT_FIELDS.items():
            if getattr(self.commitment, original) and name in data and not data[name]:
                self.add_error(name, missing)
        for milestone in self.milestones:
            description, output = f"milestone_{milestone.pk}_description", f"milestone_{milestone.pk}_expected_output"
            if data.get(output) and not data.get(description):
                self.add_error(description, _("Translate the description too, or leave both empty."))
            elif data.get(description) and milestone.expected_output and not data.get(output):
                self.add_error(output, missing)
        return data

    def service_data(self) -> dict:
        data = self.cleaned_data
        milestone_texts = {
            milestone.pk: {
                "description": data[f"milestone_{milestone.pk}_description"],
                "expected_output": data[f"milestone_{milestone.pk}_expected_output"],
            }
            for milestone in self.milestones
        }
        texts = {original: data[name] for name, original in CommitmentTranslation.TEXT_FIELDS.items()}
        return {"language": data["language"], "texts": texts, "milestone_texts": milestone_texts}
