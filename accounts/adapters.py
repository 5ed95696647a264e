from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.forms import LoginForm as AllauthLoginForm
from allauth.core import context as allauth_context
from django.urls import reverse

from accounts.email_address import clean_email, normalize_email_or_none
from common.outbox import email_enqueue_message
from common.ratelimit import client_ip
from common.site import current_site, on_site_url


class AccountAdapter(DefaultAccountAdapter):
    """allauth's account e-mails (verification, password reset) go through the outbox.

    They name the portal (SITE_NAME) and link to its public address (SITE_URL): allauth builds its
    links from the host of the request, which behind a proxy is not the address people know.
    Addresses are brought to their normal form (`accounts.email_address`) before allauth checks that
    they are free, stores them or looks an account up by them. Its rate limits see the client address
    the portal reads (PROXY_COUNT).
    """

    def send_mail(self, template_prefix, email, context):
        ctx = {"request": allauth_context.request, "email": email, "current_site": current_site(), **context}
        for key, value in ctx.items():
            if key.endswith("_url") and isinstance(value, str) and value.startswith(("http://", "https://")):
                ctx[key] = on_site_url(value)
        email_enqueue_message(self.render_mail(template_prefix, email, ctx))

    def get_login_redirect_url(self, request):
        """Each role lands where its work is, when the sign-in names no page (allauth follows ?next= first):
        support staff in the admin, a point of contact in their member's workspace, a researcher among their
        reports, anyone else on "My participation". The pages of the apps above are known here by name only."""
        user = request.user
        if user.is_staff:
            return reverse("admin:index")
        if user.is_point_of_contact:
            return reverse("commitments:workspace-member", args=[user.member.slug])
        if user.role == user.Role.IRM_RESEARCHER:
            return reverse("irm_reports:workspace")
        return reverse("consultations:proposal-mine")

    def clean_email(self, email):
        return super().clean_email(clean_email(email))

    def get_client_ip(self, request):
        # allauth's sign-in rate limits count per address: the portal's one reading of the client address
        # (PROXY_COUNT), or behind a proxy everyone would share the proxy's.
        return client_ip(request)


class LoginForm(AllauthLoginForm):
    """allauth's sign-in form, looking the account up by the normal form of the address typed."""

    def clean_login(self) -> str:
        login = super().clean_login()
        return normalize_email_or_none(login) or login
