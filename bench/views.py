"""The floors: what the same server does with no portal code in the way.

B0: a constant JSON body, no database. B1: the same 25 commitments as the API's first page, fetched
with values() and returned with JsonResponse. B2: those 25 commitments rendered by a plain template.
"""

from django.http import JsonResponse
from django.shortcuts import render

from commitments.models import Commitment

FIELDS = ("id", "number", "title", "objective", "action_plan__title", "action_plan__member__name", "completion")


def _page():
    return list(Commitment.objects.order_by("id").values(*FIELDS)[:25])


def b0(request):
    return JsonResponse({"status": "ok", "items": list(range(25))})


def b1(request):
    return JsonResponse({"results": _page()})


def b2(request):
    return render(request, "bench/b2.html", {"commitments": _page()})
