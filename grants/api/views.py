"""Grant calls through the API: read only."""

from rest_framework import viewsets

from common.api.pagination import PageNumberPagination
from grants import selectors
from grants.api.serializers import GrantCallSerializer


class GrantCallViewSet(viewsets.ReadOnlyModelViewSet):
    """Published micro-grant and Trust Fund calls, each with the grants it awarded."""

    lookup_value_regex = r"\d+"
    serializer_class = GrantCallSerializer
    pagination_class = PageNumberPagination

    def get_queryset(self):
        return selectors.calls_for_api()
