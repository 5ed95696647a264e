from decimal import Decimal

from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from accounts.services import email_to_user
from common.site import absolute_url


def money(amount: Decimal, currency: str) -> str:
    """USD 5,000.00 in the active language's number format."""
    return f"{currency} {number_format(amount, 2, force_grouping=True)}"


SUBJECTS = {
    "application_submitted": _("Your application “%(title)s” is received"),
    "application_decided": _("Decision on your application “%(title)s”"),
}


def notify_applicant(application, template: str) -> None:
    """An e-mail to the person who applied, in their language, written with the change that causes it."""
    user = application.applicant
    if user is None or not user.is_active:
        return
    email_to_user(
        user=user,
        template=f"grants/emails/{template}",
        subject=SUBJECTS[template],
        context={
            "application": application,
            "call": application.call,
            "application_url": absolute_url(reverse("grants:application-detail", kwargs={"pk": application.pk})),
        },
        subject_args={"title": application.title},
        kind="grants.application",
        link=reverse("grants:application-detail", kwargs={"pk": application.pk}),
    )
