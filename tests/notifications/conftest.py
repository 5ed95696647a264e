import pytest
from django.utils.translation import gettext_lazy

from accounts.services import email_to_user
from tests.factories import OrganisationFactory


@pytest.fixture
def notify():
    """Send one notification through the portal's one way, email_to_user (a membership confirmation)."""

    def send(user, *, kind="accounts.membership_decision", name="Open Kaduna", **extra):
        return email_to_user(
            user=user,
            template="account/emails/membership_confirmed",
            subject=gettext_lazy("You now speak for %(name)s"),
            context={"organisation": OrganisationFactory.build(name=name), "requests_url": "https://example.org/"},
            subject_args={"name": name},
            kind=kind,
            link="/accounts/profile/organisation/",
            **extra,
        )

    return send
