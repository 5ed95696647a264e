from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.forms import LoginForm as AllauthLoginForm

from ogp_portal.email_address import clean_email, normalize_email_or_none
from ogp_portal.services import email_enqueue_message


class AccountAdapter(DefaultAccountAdapter):
    """allauth's account e-mails (verification, password reset) go through the outbox.

    Addresses are brought to their normal form (`ogp_portal.email_address`) before allauth checks that
    they are free, stores them or looks an account up by them.
    """

    def send_mail(self, template_prefix, email, context):
        email_enqueue_message(self.render_mail(template_prefix, email, context))

    def clean_email(self, email):
        return super().clean_email(clean_email(email))


class LoginForm(AllauthLoginForm):
    """allauth's sign-in form, looking the account up by the normal form of the address typed."""

    def clean_login(self) -> str:
        login = super().clean_login()
        return normalize_email_or_none(login) or login
