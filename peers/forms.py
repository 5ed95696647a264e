from django import forms
from django.utils.translation import gettext_lazy as _

from peers import selectors


class ExchangeRequestForm(forms.Form):
    message = forms.CharField(
        label=_("Message"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What you would like to learn from them, and what your member is working on."),
    )
    about = forms.ModelChoiceField(
        label=_("Your own commitment (optional)"),
        queryset=None,
        required=False,
        help_text=_("The commitment of your member this exchange would help."),
    )

    def __init__(self, *args, member_id=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["about"].queryset = selectors.own_commitments(member_id=member_id)


class ExchangeAnswerForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Your answer"),
        choices=[("accept", _("Accept the exchange")), ("decline", _("Decline it"))],
        widget=forms.RadioSelect,
    )
    answer = forms.CharField(
        label=_("Message to the requesting member"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("When you accept: who to contact and how. When you decline: why."),
    )
