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
        for kind in kinds.all_kinds():
            self.fields[f"kind:{kind.name}"] = forms.ChoiceField(
                label=kind.label,
                choices=Delivery.choices,
                initial=choices.get(kind.name, Delivery.IMMEDIATELY),
                required=False,  # a choice left out of the form stays as it was
            )

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "emails_enabled": data["emails_enabled"],
            "choices": {
                name.removeprefix("kind:"): value for name, value in data.items() if name.startswith("kind:") and value
            },
        }
