"""The site search: one page for every kind of result."""

import contextlib

from django.views.generic import TemplateView

from common.filters import SEARCH_MAX_LENGTH
from common.ratelimit import RateLimited
from common.views import RateLimitMixin
from partnership import search

EXAMPLES = ("open contracting", "contratación abierta", "budget", "justice ouverte")


class SearchView(RateLimitMixin, TemplateView):
    """Each search costs a full-text query per kind: counted per account and per address
    (settings.RATE_LIMITS["partnership.search"]); past the limit the page says when to try again (429)."""

    template_name = "partnership/search.html"
    rate_limit_scope = "partnership.search"

    def get(self, request, *args, **kwargs):
        try:
            with self.rate_limited():
                context = self.get_context_data(**kwargs)
        except RateLimited as error:
            response = self.render_to_response(
                {"q": "", "kind": "", "examples": EXAMPLES, "refused": error.messages[0]}, status=429
            )
            if error.wait:
                response["Retry-After"] = str(error.wait)
            return response
        return self.render_to_response(context)

    def rate_limited(self):
        if not self.request.GET.get("q", "").strip():  # the empty page searches nothing
            return contextlib.nullcontext()
        return super().rate_limited()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        text = " ".join(self.request.GET.get("q", "").split())
        kind = self.request.GET.get("kind", "")
        context.update(q=text, kind=kind if kind in search.KINDS else "", examples=EXAMPLES, too_long=False)
        if len(text) > SEARCH_MAX_LENGTH:
            context["too_long"] = True
            context["max_length"] = SEARCH_MAX_LENGTH
        elif text:
            context["groups"] = search.site_search(text=text, kind=kind)
            context["has_results"] = any(group.hits for group in context["groups"])
        return context
