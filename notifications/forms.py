from django import forms
from django.utils.translation import gettext_lazy as _

from notifications import kinds
from notifications.models import Delivery


class PreferencesForm(forms.Form):
    """The one global switch, then a choice of e-mail for each kind of notification."""

    emails_enabled = forms.BooleanField(
        label=_("Receive notification e-mails"),
        required=False,
        help_text=_("Off: no notification e-mail at all, digests included. The portal still lists every notification."),
    )

    def __init__(self, *args, choices: dict[str, str], emails_enabled: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["emails_enabled"].initial = emails_enabled
        self.kind_fields = {}  # field name -> kind name (a field name is a plain identifier, for its id)
        for kind in kinds.all_kinds():
            name = self.field_name(kind.name)
            self.kind_fields[name] = kind.name
            self.fields[name] = forms.ChoiceField(
                label=kind.label,
                choices=Delivery.choices,
                initial=choices.get(kind.name, Delivery.IMMEDIATELY),
                required=False,  # a choice left out of the form stays as it was
            )

    @staticmethod
    def field_name(kind: str) -> str:
        return "email_" + kind.replace(".", "__")

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "emails_enabled": data["emails_enabled"],
            "choices": {kind: data[name] for name, kind in self.kind_fields.items() if data.get(name)},
        }
