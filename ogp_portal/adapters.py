from allauth.account.adapter import DefaultAccountAdapter

from ogp_portal.services import email_enqueue_message


class AccountAdapter(DefaultAccountAdapter):
    """allauth's account e-mails (verification, password reset) go through the outbox."""

    def send_mail(self, template_prefix, email, context):
        email_enqueue_message(self.render_mail(template_prefix, email, context))
