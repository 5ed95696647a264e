from django import forms
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from accounts.models import ApiTokenScope, User


class SignupForm(forms.Form):
    """Extra fields of the registration form (allauth adds e-mail and password)."""

    full_name = forms.CharField(label=_("Full name"), max_length=150)
    organisation_name = forms.CharField(
        label=_("Organisation (optional)"),
        max_length=300,
        required=False,
        help_text=_("The civil society organisation you take part for, if any."),
    )

    def signup(self, request, user: User) -> None:
        from accounts.services import user_complete_signup

        user_complete_signup(
            user=user,
            full_name=self.cleaned_data["full_name"],
            organisation_name=self.cleaned_data.get("organisation_name", ""),
            language=translation.get_language() or "",
        )


class MembershipDecisionForm(forms.Form):
    CONFIRM, REFUSE = "confirm", "refuse"

    decision = forms.ChoiceField(choices=[(CONFIRM, _("Confirm")), (REFUSE, _("Refuse"))])


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["full_name", "language"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [("", _("The portal's default language")), *settings.LANGUAGES]


class PasswordConfirmedForm(forms.Form):
    """A form the person confirms with their password: a session alone (a borrowed or stolen one) is not enough."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This is not your password."))
        return password


class AccountDeleteForm(PasswordConfirmedForm):
    """The person confirms the deletion of their account with their password."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].help_text = _("To confirm that it is you who deletes the account.")


class ApiTokenForm(PasswordConfirmedForm):
    """The scope of a new API token (read-only unless the person asks for more), confirmed with the password, as
    the API's token endpoint asks: a token outlives the session."""

    field_order = ["scope", "password"]

    scope = forms.ChoiceField(
        label=_("What the token may do"),
        choices=ApiTokenScope.Scope.choices,
        initial=ApiTokenScope.Scope.READ,
        widget=forms.RadioSelect,
        help_text=_(
            "A read-only token cannot change anything, even if it leaks. "
            "Choose read and write only for an integration that writes."
        ),
    )
