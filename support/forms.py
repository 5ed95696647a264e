from django import forms
from django.utils.translation import gettext_lazy as _

from consultations.forms import MultipleFileField
from support.models import ServiceOffer, SupportRequest

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ServiceChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.display_name} ({obj.get_level_display()})"


class SupportRequestForm(forms.Form):
    service = ServiceChoiceField(label=_("Service"), queryset=ServiceOffer.objects.none(), empty_label=None)
    description = forms.CharField(
        label=_("What you need"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=5000,
        help_text=_("The context, who is involved and what a good result would be."),
    )
    wanted_by = forms.DateField(label=_("Wanted by"), required=False, widget=DATE)
    is_public = forms.BooleanField(
        label=_("Once delivered, list this support on the member's public page"), required=False
    )
    attachments = MultipleFileField(label=_("Attachments (PDF or images)"), required=False)

    def __init__(self, *args, services=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = services if services is not None else ServiceOffer.objects.none()


class SupportNoteForm(forms.Form):
    body = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 4}), max_length=5000)
    attachments = MultipleFileField(label=_("Attachments (PDF or images)"), required=False)


class TransitionForm(forms.Form):
    to_status = forms.ChoiceField(
        label=_("Action"),
        choices=[(s, label) for s, label in SupportRequest.Status.choices if s != SupportRequest.Status.RECEIVED],
    )
    due_date = forms.DateField(label=_("Due date"), required=False, widget=DATE)
    reason = forms.CharField(label=_("Reason for declining"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    outcome = forms.CharField(label=_("Outcome"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class QueueFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), required=False)
    service = forms.ModelChoiceField(label=_("Service"), queryset=ServiceOffer.objects.all(), required=False)
    representative = forms.ChoiceField(label=_("Representative"), required=False)

    def __init__(self, *args, representatives=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", _("Open requests")), *SupportRequest.Status.choices]
        self.fields["representative"].choices = [("", _("Anyone"))] + [(u.pk, str(u)) for u in representatives]
