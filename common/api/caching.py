import hashlib

from django.core.cache import cache
from django.http import HttpResponse
from django.utils.translation import get_language

from common.api.renderers import FastJSONRenderer
from common.cache import versioned

TIMEOUT = 600


class PublicReadCacheMixin:
    """Anonymous JSON reads of public data come from a cache of the rendered body.

    Keyed by absolute URL (scheme and host included: the body's links are built from them, so a request
    with another Host never fills the cache of the others), language and content version
    (common.cache), so a write shows at once.
    Throttling and permissions still run (DRF's initial() comes first); only 200 answers are kept.
    """

    def _from_cache(self, request, produce):
        renderer = getattr(request, "accepted_renderer", None)
        if request.user.is_authenticated or renderer is None or renderer.format != "json":
            return produce()
        address = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
        key = versioned(f"api:{get_language()}:{address}")
        body = cache.get(key)
        if body is None:
            response = produce()
            if response.status_code != 200:
                return response
            body = FastJSONRenderer().render(response.data)
            cache.set(key, body, TIMEOUT)
        return HttpResponse(body, content_type="application/json")

    def list(self, request, *args, **kwargs):
        return self._from_cache(request, lambda: super(PublicReadCacheMixin, self).list(request, *args, **kwargs))

    def retrieve(self, request, *args, **kwargs):
        return self._from_cache(request, lambda: super(PublicReadCacheMixin, self).retrieve(request, *args, **kwargs))
