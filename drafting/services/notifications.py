"""E-mails of drafting, written in the transaction of the decision, in the recipient's language."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.services import email_to_user
from common.site import absolute_url
from common.text import single_line
from drafting.models import Amendment


def amendment_decided_email(*, amendment: Amendment) -> bool:
    """Tell the amendment's author what the point of contact decided, and why."""
    author = amendment.author
    if author is None or not author.is_active or not author.email:
        return False
    email_to_user(
        user=author,
        template="drafting/emails/amendment_decided",
        subject=_("Your amendment to commitment %(number)s: %(state)s"),
        context={
            "amendment": amendment,
            "amendment_url": absolute_url(amendment.get_absolute_url()),
            "profile_url": absolute_url(reverse("profile")),
        },
        subject_args={
            "number": single_line(amendment.draft_commitment.number),
            "state": single_line(str(amendment.get_state_display())),
        },
        kind="drafting.amendment_decided",
        link=amendment.get_absolute_url(),
    )
    return True
