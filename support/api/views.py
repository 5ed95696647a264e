from django.db.models import Prefetch
from rest_framework import viewsets

from support import selectors
from support.api.serializers import PartnerSerializer
from support.models import Partner


class PartnerViewSet(viewsets.ReadOnlyModelViewSet):
    """Multilateral and technical partners, with the support they give members (engagements)."""

    lookup_value_regex = r"\d+"
    serializer_class = PartnerSerializer

    def get_queryset(self):
        return Partner.objects.order_by("name", "id").prefetch_related(
            Prefetch("engagements", queryset=selectors.engagement_rows())
        )
