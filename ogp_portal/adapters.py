from allauth.account.adapter import DefaultAccountAdapter

from ogp_portal.common.ratelimit import client_ip
from ogp_portal.services import email_enqueue_message


class AccountAdapter(DefaultAccountAdapter):
    """allauth's account e-mails go through the outbox; its rate limits see the client address the portal reads."""

    def send_mail(self, template_prefix, email, context):
        email_enqueue_message(self.render_mail(template_prefix, email, context))

    def get_client_ip(self, request):
        # allauth's sign-in rate limits count per address: the portal's one reading of the client address
        # (PROXY_COUNT), or behind a proxy everyone would share the proxy's.
        return client_ip(request)
