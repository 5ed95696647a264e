"""What awaits the support unit in the cycle (common.awaiting): compliance findings without a decision."""

from django.urls import reverse
from django.utils.translation import ngettext

from common.awaiting import Awaiting
from cycle.models import ComplianceFinding


def findings_to_decide() -> list[Awaiting]:
    count = ComplianceFinding.objects.filter(resolved_on__isnull=True, decision="").count()
    label = ngettext(
        "%(count)d compliance finding awaits a decision",
        "%(count)d compliance findings await a decision",
        count,
    ) % {"count": count}
    return [Awaiting(count=count, label=label, url=reverse("cycle:compliance"))]
