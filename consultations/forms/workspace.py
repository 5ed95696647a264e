"""Input shapes of the point of contact's workspace; forms validate, services save."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from commitments.forms import DateInput, PolicyAreaField
from common.forms import ContentLanguageMixin
from consultations.models import (
    Consultation,
    Forum,
    ForumMeeting,
    ForumSeat,
    Proposal,
    ProposalResponse,
    ResponseTemplate,
)


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class ConsultationForm(ContentLanguageMixin, forms.ModelForm):
    policy_areas = PolicyAreaField(label=_("Policy areas in scope"), required=False)

    class Meta:
        model = Consultation
        fields = [
            "title",
            "language",
            "kind",
            "description",
            "opens_at",
            "closes_at",
            "response_due_on",
            "policy_areas",
            "max_proposals_per_participant",
        ]
        widgets = {
            "opens_at": DateTimeInput(),
            "closes_at": DateTimeInput(),
            "response_due_on": DateInput(),
            "description": forms.Textarea(attrs={"rows": 8}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["policy_areas"].choices = self.fields["policy_areas"].grouped_choices()
        self.fields["response_due_on"].required = False
        self.fields["response_due_on"].help_text = _("Leave empty for %(days)d days after the closing date.") % {
            "days": settings.CONSULTATION_RESPONSE_DAYS
        }


class ConsultationEndForm(forms.Form):
    action = forms.ChoiceField(
        label=_("What to do"),
        choices=[("close", _("Close it now")), ("cancel", _("Cancel it"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}), help_text=_("Shown on the consultation's page.")
    )


class ResponseForm(forms.ModelForm):
    commitments = forms.ModelMultipleChoiceField(
        label=_("Commitments it fed"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = ProposalResponse
        fields = ["outcome", "reasons", "commitments", "shows_opinions"]
        widgets = {"outcome": forms.RadioSelect, "reasons": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["outcome"].choices = ProposalResponse.Outcome.choices
        self.fields["commitments"].queryset = plan.commitments.order_by("sort_key")
        self.fields["commitments"].label_from_instance = lambda c: f"{c.number}. {c.title}"
        self.fields["commitments"].help_text = _("Required for a merged proposal; accepted ones may name them too.")


class BulkResponseForm(forms.Form):
    proposals = forms.ModelMultipleChoiceField(queryset=None, widget=forms.MultipleHiddenInput)
    template = forms.ModelChoiceField(
        label=_("Start from a template"), queryset=None, required=False, empty_label=_("No template")
    )
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=[("", _("The template's outcome")), *ProposalResponse.Outcome.choices],
        required=False,
    )
    reasons = forms.CharField(label=_("Reasons"), widget=forms.Textarea(attrs={"rows": 5}), required=False)
    commitments = forms.ModelMultipleChoiceField(
        label=_("Commitments they fed"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    publish = forms.BooleanField(label=_("Publish now (and notify authors and followers)"), required=False)

    def __init__(self, *args, consultation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["proposals"].queryset = consultation.proposals.filter(status__in=Proposal.TO_ANSWER)
        self.fields["template"].queryset = ResponseTemplate.objects.filter(member=consultation.action_plan.member)
        self.fields["commitments"].queryset = consultation.action_plan.commitments.order_by("sort_key")
        self.fields["commitments"].label_from_instance = lambda c: f"{c.number}. {c.title}"

    def clean(self):
        cleaned = super().clean()
        template = cleaned.get("template")
        if template is not None:
            cleaned["outcome"] = cleaned.get("outcome") or template.outcome
            cleaned["reasons"] = (cleaned.get("reasons") or "").strip() or template.reasons
        if not cleaned.get("outcome"):
            self.add_error("outcome", _("Choose the outcome, or a template."))
        if not (cleaned.get("reasons") or "").strip():
            self.add_error("reasons", _("Give the reasons, or choose a template."))
        cleaned.pop("template", None)
        return cleaned


class ReferralForm(forms.Form):
    institution_name = forms.CharField(
        label=_("Institution"),
        max_length=300,
        widget=forms.TextInput(attrs={"list": "institution-names", "autocomplete": "off"}),
    )
    question = forms.CharField(label=_("What is asked"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    due_on = forms.DateField(
        label=_("Opinion wanted by"),
        required=False,
        widget=DateInput(),
        help_text=_("The institution's contacts see the date; leave empty for none."),
    )


class InstitutionOpinionForm(forms.Form):
    """The opinion a contact gives for the institution (Markdown)."""

    opinion = forms.CharField(
        label=_("The institution's opinion"),
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Seen by the point of contact before the reasoned response, which may publish it. Markdown."),
    )


class OpinionForm(forms.Form):
    opinion = forms.CharField(label=_("Opinion received"), widget=forms.Textarea(attrs={"rows": 6}))
    received_on = forms.DateField(label=_("Received on"), required=False, widget=DateInput())


class ResponseTemplateForm(forms.ModelForm):
    class Meta:
        model = ResponseTemplate
        fields = ["title", "outcome", "reasons"]
        widgets = {"outcome": forms.RadioSelect, "reasons": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["outcome"].choices = ProposalResponse.Outcome.choices


class ForumForm(forms.ModelForm):
    class Meta:
        model = Forum
        fields = ["name", "description", "established_on", "rules_url"]
        widgets = {"established_on": DateInput(), "description": forms.Textarea(attrs={"rows": 6})}


class ForumSeatForm(forms.ModelForm):
    class Meta:
        model = ForumSeat
        fields = ["organisation_name", "person_name", "sector", "role", "since", "until"]
        widgets = {"since": DateInput(), "until": DateInput()}


class ForumMeetingForm(forms.ModelForm):
    class Meta:
        model = ForumMeeting
        fields = [
            "title",
            "held_on",
            "phase",
            "action_plan",
            "modality",
            "open_to_public",
            "agenda",
            "attendance_government",
            "attendance_civil_society",
            "attendance_other",
            "attendance_notes",
            "minutes",
            "minutes_published",
        ]
        widgets = {
            "held_on": DateInput(),
            "agenda": forms.Textarea(attrs={"rows": 5}),
            "attendance_notes": forms.Textarea(attrs={"rows": 3}),
            "minutes": forms.Textarea(attrs={"rows": 8}),
        }

    def __init__(self, *args, member, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action_plan"].queryset = member.action_plans.order_by("-start_date")
