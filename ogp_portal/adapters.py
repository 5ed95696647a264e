from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context

from ogp_portal.common.site import current_site, on_site_url
from ogp_portal.services import email_enqueue_message


class AccountAdapter(DefaultAccountAdapter):
    """allauth's account e-mails (verification, password reset) go through the outbox.

    They name the portal (SITE_NAME) and link to its public address (SITE_URL): allauth builds its
    links from the host of the request, which behind a proxy is not the address people know.
    """

    def send_mail(self, template_prefix, email, context):
        ctx = {"request": allauth_context.request, "email": email, "current_site": current_site(), **context}
        for key, value in ctx.items():
            if key.endswith("_url") and isinstance(value, str) and value.startswith(("http://", "https://")):
                ctx[key] = on_site_url(value)
        email_enqueue_message(self.render_mail(template_prefix, email, ctx))
