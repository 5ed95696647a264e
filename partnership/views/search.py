"""The site search: one page for every kind of result."""

from django.views.generic import TemplateView

from common.filters import SEARCH_MAX_LENGTH
from partnership import search

EXAMPLES = ("open contracting", "contratación abierta", "budget", "justice ouverte")


class SearchView(TemplateView):
    template_name = "partnership/search.html"

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
