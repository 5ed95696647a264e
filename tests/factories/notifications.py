import factory
from factory.django import DjangoModelFactory

from notifications.kinds import DEFAULT_KIND
from notifications.models import Notification
from notifications.services import notification_create


class NotificationFactory(DjangoModelFactory):
    """A notification made by the service, so the recipient's unread count moves with it."""

    class Meta:
        model = Notification

    recipient = factory.SubFactory("tests.factories.accounts.UserFactory")
    kind = DEFAULT_KIND
    title = factory.Sequence(lambda n: f"Something happened {n}")
    text = "A short text."
    link = "/proposals/"
    emails_wanted = False

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return notification_create(**kwargs)
