"""What awaits the support unit in accounts (common.awaiting): memberships of organisations still to confirm."""

from django.urls import reverse
from django.utils.translation import ngettext

from accounts.models import User
from common.awaiting import Awaiting


def memberships_to_confirm() -> list[Awaiting]:
    count = User.objects.filter(
        organisation__isnull=False, organisation_confirmed_at__isnull=True, is_active=True
    ).count()
    label = ngettext(
        "%(count)d membership of an organisation awaits confirmation",
        "%(count)d memberships of organisations await confirmation",
        count,
    ) % {"count": count}
    return [Awaiting(count=count, label=label, url=reverse("profile-organisation"))]
