"""Input shapes of the participants' pages (and moderation); forms validate, services save."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from common.forms import ContentLanguageMixin
from common.widgets import FastSelect
from consultations.models import Comment, Consultation, Flag, Proposal

ACCEPT = "application/pdf,image/png,image/jpeg,image/gif,image/webp"


class HoneypotField(forms.CharField):
    """A field people never see (hidden by CSS) and bots fill in: a filled one refuses the form."""

    def __init__(self, **kwargs):
        super().__init__(
            label=_("Leave this field empty"),
            required=False,
            template_name="consultations/forms/honeypot.html",
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
            **kwargs,
        )


class HoneypotMixin:
    """Adds the honeypot field `website` to a form; filled in, it refuses the whole form."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["website"] = HoneypotField()

    def clean(self):
        cleaned = super().clean()
        if cleaned.pop("website", ""):
            raise ValidationError(_("This form was filled in automatically; it was not sent."), code="honeypot")
        return cleaned


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ACCEPT}))
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(f, initial) for f in files if f]


ATTACHMENTS_HELP = _("PDF documents or images, up to %(count)d files of %(size)s each.") % {
    "count": settings.CONSULTATION_ATTACHMENT_MAX_COUNT,
    "size": filesizeformat(settings.CONSULTATION_ATTACHMENT_MAX_BYTES),
}


class ProposalForm(HoneypotMixin, ContentLanguageMixin, forms.ModelForm):
    submission_key = forms.UUIDField(widget=forms.HiddenInput)
    on_behalf = forms.BooleanField(label="", required=False)
    attachments = MultipleFileField(
        label=_("Attachments"),
        required=False,
        help_text=ATTACHMENTS_HELP,
        # The browser refuses a selection beyond the limits before sending it (static/js/portal.js): a body
        # too large for the server would be refused whole, with the text written in the form.
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
        model = Proposal
        fields = ["title", "problem", "solution", "expected_results", "policy_area", "language"]
        labels = {"language": _("Language you are writing in")}
        widgets = {
            "title": forms.TextInput(attrs={"data-similar-source": "true", "autocomplete": "off"}),
            "problem": forms.Textarea(attrs={"rows": 6}),
            "solution": forms.Textarea(attrs={"rows": 6}),
            "expected_results": forms.Textarea(attrs={"rows": 4}),
            # <select>s written in Python: Django renders each of a hundred policy areas through two templates.
            "policy_area": FastSelect,
            "language": FastSelect,
        }

    def __init__(self, *args, consultation: Consultation, user, **kwargs):
        super().__init__(*args, **kwargs)
        scope = consultation.policy_areas.all()
        self.fields["policy_area"].queryset = scope if scope else self.fields["policy_area"].queryset.order_by("name")
        self.fields["policy_area"].empty_label = _("None in particular")
        organisation = user.confirmed_organisation
        if organisation is None:
            del self.fields["on_behalf"]
        else:
            self.fields["on_behalf"].label = _("Submit on behalf of %(name)s") % {"name": organisation.name}
            self.initial.setdefault("on_behalf", self.instance.organisation_id is not None)
        attachments = self.instance.attachments.all() if self.instance.pk else None
        if attachments:
            self.fields["remove_attachments"].queryset = attachments
        else:
            del self.fields["remove_attachments"]
        if self.instance.pk:
            del self.fields["submission_key"]
        self.fields["language"].help_text = ""
        self.order_fields(["title", "problem", "solution", "expected_results", "policy_area", "language", "on_behalf"])

    def service_data(self, user) -> dict:
        data = dict(self.cleaned_data)
        if "on_behalf" in data:
            data["organisation"] = user.confirmed_organisation if data.pop("on_behalf") else None
        return data


class WithdrawForm(forms.Form):
    withdrawal_reason = forms.ChoiceField(
        label=_("Why do you withdraw it?"), choices=Proposal.WithdrawalReason.choices, widget=forms.RadioSelect
    )
    withdrawal_note = forms.CharField(
        label=_("Explanation"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required for “Other reason”; shown with the proposal."),
    )


class CommentForm(HoneypotMixin, forms.ModelForm):
    parent = forms.ModelChoiceField(queryset=Comment.objects.none(), required=False, widget=forms.HiddenInput)

    class Meta:
        model = Comment
        fields = ["body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 3})}
        labels = {"body": _("Your comment")}

    def __init__(self, *args, proposal=None, **kwargs):
        super().__init__(*args, **kwargs)
        if proposal is not None:
            self.fields["parent"].queryset = proposal.comments.filter(parent__isnull=True)


class CommentEditForm(forms.ModelForm):
    class Meta:
        model = Comment
        fields = ["body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 4})}


class FlagForm(forms.ModelForm):
    class Meta:
        model = Flag
        fields = ["reason", "note"]
        widgets = {"reason": forms.RadioSelect, "note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].choices = Flag.Reason.choices


class ModerationForm(forms.Form):
    action = forms.ChoiceField(
        label=_("Decision"),
        choices=[("hide", _("Hide it from the public")), ("restore", _("Show it (restore or keep visible)"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))
