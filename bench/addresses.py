"""The pages `make bench` measures, each with its hit address and its miss addresses.

hit: the same address again and again (what a page cache serves). miss: addresses no cache has seen,
taken in order without repeats (bench/wrk.lua, WRK_SEQUENTIAL): other filter and search combinations,
other cursors, other detail pages, other languages. A page with no other address of its own (home, first
pages, the proposal with 2,000 comments) is missed by "writes": its address while the harness bumps the
content version (common/cache.py) faster than the page is served, so every request follows a write.

A page is a dict: name, kind (bench/targets.py judges by kind), path, headers (hit), miss (lines
"path<TAB>Header: value…", see bench/wrk.lua) and miss_by ("addresses" or "writes").
Run inside setup_data (Django set up, the database filled).
"""

import base64
import random
from urllib.parse import urlencode

LANGUAGES = ("en", "fr", "es")
MISS_ADDRESSES = 8000  # enough for the peak and half-load runs of a few seconds each at ~1,000 req/s


def line(path: str, **headers: str) -> str:
    """One line of a WRK_PATHS file: the path, then its headers (Accept_Language= becomes Accept-Language:)."""
    return "\t".join([path, *(f"{k.replace('_', '-')}: {v}" for k, v in headers.items() if v)])


def page(name: str, kind: str, path: str, miss=None, *, headers: dict | None = None) -> dict:
    """A page; without `miss` it is missed by writes (see the module's docstring). A miss line is another address,
    or the same one as someone else (another session cookie: a signed-in page of one address for everyone)."""
    cookie = (headers or {}).get("Cookie")
    lines = [m for m in (miss or []) if m.split("\t")[0] != path or (cookie and f"Cookie: {cookie}" not in m)]
    return {"name": name, "kind": kind, "path": path, "headers": headers or {}, "miss": lines[:MISS_ADDRESSES],
            "miss_by": "addresses" if miss else "writes"}  # fmt: skip


def _spread(rng: random.Random, paths, *, limit: int = MISS_ADDRESSES) -> list[str]:
    """Each path in each language (shuffled, at most `limit`); the first language is the one of the hit."""
    lines = [line(p, Accept_Language=lang) for p in paths for lang in LANGUAGES]
    rng.shuffle(lines)
    return lines[:limit]


def api_cursor(position) -> str:
    """DRF's cursor of the page after the row at `position` (ordering by id)."""
    return base64.b64encode(urlencode({"p": str(position)}).encode()).decode()


def _sample(rng: random.Random, population, count: int) -> list:
    population = list(population)
    return rng.sample(population, min(count, len(population)))


def _filter_queries(rng, areas, countries) -> tuple[list[str], list[str]]:
    from bench.datagen import VOCABULARY, WORDS

    completions = ["", "not_started", "limited", "substantial", "complete"]
    filtered = [urlencode({k: v for k, v in {"policy_area": a, "country": c, "completion": s}.items() if v})
                for a in areas for c in countries for s in completions]  # fmt: skip
    rng.shuffle(filtered)
    words = list(WORDS) + VOCABULARY[:600]
    searched = [urlencode({"search": w}) for w in words] + [urlencode({"search": w, "country": c}) for w in WORDS
                                                           for c in countries]  # fmt: skip
    rng.shuffle(searched)
    return filtered, searched


def public_pages(prepared: dict, *, seed: int = 13) -> list[dict]:
    """Every anonymous page and API list, with its miss addresses, on the filled database. The commitment page
    and the API detail carry the similar commitments of other members (peers): one stored list, two queries."""
    from bench.datagen import COUNTRIES
    from commitments.models import ActionPlan, Commitment, Member, PolicyArea
    from common.pagination import cursor_at
    from consultations.models import Consultation

    rng, n, area = random.Random(seed), prepared["commitments"], prepared["policy_area"]
    areas = list(PolicyArea.objects.values_list("slug", flat=True))
    members = list(Member.objects.order_by("name", "id").values_list("name", "id", "slug"))
    plans = list(ActionPlan.objects.order_by("pk").values_list("pk", flat=True))
    commitments = list(Commitment.objects.order_by("pk").values_list("pk", flat=True))
    consultations = list(Consultation.objects.order_by("pk").values_list("pk", flat=True))
    filtered, searched = _filter_queries(rng, areas, COUNTRIES)
    hit_filter, hit_search = f"policy_area={area}&country=KE", "search=budget"
    member_cursors = [f"?{urlencode({'cursor': cursor_at([name, pk]), **({'kind': kind} if kind else {})})}"
                      for name, pk, _slug in members for kind in ("", "national", "local")]  # fmt: skip
    api_member_pages = [f"?{urlencode({'ordering': o, 'page_size': size, 'page': p})}"
                        for o in ("name", "-name", "joined_year", "-joined_year", "country", "-country")
                        for size in range(10, 101) for p in range(1, -(-len(members) // size) + 1)]  # fmt: skip
    deep = _sample(rng, range(31, n), MISS_ADDRESSES)
    by_consultation = [f"?consultation={c}" for c in consultations]
    analytics = _analytics_queries(members)
    return [
        page("home", "home", "/"),
        page("member list", "html_list", "/members/", _spread(rng, [f"/members/{q}" for q in member_cursors])),
        page("commitment list, first page", "html_list", "/commitments/"),
        page("commitment list, last page", "html_list", f"/commitments/?cursor={prepared['html_deep_cursor']}",
             _spread(rng, [f"/commitments/?{urlencode({'cursor': cursor_at([p])})}" for p in deep])),
        page("commitment list, filtered", "html_filtered", f"/commitments/?{hit_filter}",
             _spread(rng, [f"/commitments/?{q}" for q in filtered])),
        page("commitment list, search", "html_filtered", f"/commitments/?{hit_search}",
             _spread(rng, [f"/commitments/?{q}" for q in searched])),
        page("API members", "api_list", "/api/v1/members/", _spread(rng, [f"/api/v1/members/{q}" for q in api_member_pages])),
        page("API commitments, first page", "api_list", "/api/v1/commitments/"),
        page("API commitments, deep page", "api_list", f"/api/v1/commitments/?cursor={prepared['deep_cursor']}",
             _spread(rng, [f"/api/v1/commitments/?cursor={api_cursor(p)}" for p in deep])),
        page("API commitments, filtered", "api_filtered", f"/api/v1/commitments/?{hit_filter}",
             _spread(rng, [f"/api/v1/commitments/?{q}" for q in filtered])),
        page("API commitments, search", "api_filtered", f"/api/v1/commitments/?{hit_search}",
             _spread(rng, [f"/api/v1/commitments/?{q}" for q in searched])),
        page("API proposals", "api_list", "/api/v1/proposals/", _spread(rng, [f"/api/v1/proposals/{q}" for q in by_consultation])),
        page("proposal list", "html_list", "/proposals/", _spread(rng, [f"/proposals/{q}" for q in by_consultation])),
        page("proposals, most supported", "supported_html", "/proposals/?sort=supported",
             _spread(rng, [f"/proposals/{q}&sort=supported" for q in by_consultation])),
        page("API proposals, most supported", "supported_api", "/api/v1/proposals/?sort=supported",
             _spread(rng, [f"/api/v1/proposals/{q}&sort=supported" for q in by_consultation])),
        *_consultation_pages(rng, consultations),
        page("commitment detail", "detail", f"/commitments/{commitments[0]}/",
             _spread(rng, [f"/commitments/{pk}/" for pk in _sample(rng, commitments[1:], MISS_ADDRESSES)])),
        page("API commitment detail", "detail", f"/api/v1/commitments/{commitments[0]}/",
             _spread(rng, [f"/api/v1/commitments/{pk}/" for pk in _sample(rng, commitments[1:], MISS_ADDRESSES)])),
        page("proposal with 2,000 comments", "detail", f"/proposals/{prepared['hot_proposal']}/"),
        page("action plan detail", "detail", f"/action-plans/{plans[0]}/", _spread(rng, [f"/action-plans/{pk}/" for pk in plans[1:]])),
        page("member detail", "detail", f"/members/{members[0][2]}/", _spread(rng, [f"/members/{m[2]}/" for m in members[1:]])),
        page("analytics", "html_filtered", "/analytics/", _spread(rng, [f"/analytics/?{q}" for q in analytics])),
        page("API analytics", "api_filtered", "/api/v1/analytics/?by=region",
             _spread(rng, [f"/api/v1/analytics/?{q}" for q in analytics])),
    ] + _monitoring_and_cycle_pages(rng, plans) + _drafting_pages(rng, prepared["drafts"])  # fmt: skip


def _consultation_pages(rng: random.Random, consultations: list[int]) -> list[dict]:
    """The consultation list (numbered pages), a consultation's page with its proposals, and the API's list."""
    from django.conf import settings

    from common.api.pagination import IdsFirstPagination

    def pages(size: int) -> range:
        return range(2, -(-len(consultations) // size) + 1)

    return [
        page("consultation list", "html_list", "/consultations/",
             _spread(rng, [f"/consultations/?page={n}" for n in pages(settings.PAGE_SIZE)])),
        page("consultation detail", "detail", f"/consultations/{consultations[0]}/",
             _spread(rng, [f"/consultations/{pk}/" for pk in consultations[1:]])),
        page("API consultations", "api_list", "/api/v1/consultations/",
             _spread(rng, [f"/api/v1/consultations/?page={n}" for n in pages(IdsFirstPagination.page_size)])),
    ]  # fmt: skip


def _monitoring_and_cycle_pages(rng: random.Random, plans: list[int]) -> list[dict]:
    """Each plan's monitoring view (monitoring), the partnership's calendar by quarter and the challenge areas'
    pages (cycle), with their API."""
    from cycle.models import ChallengeArea

    quarters = [f"{year}-Q{quarter}" for year in range(1990, 2060) for quarter in range(1, 5) if year != 2026]
    areas = list(ChallengeArea.objects.order_by("order", "slug").values_list("slug", flat=True))
    return [
        page("plan monitoring view", "detail", f"/action-plans/{plans[0]}/monitoring/",
             _spread(rng, [f"/action-plans/{pk}/monitoring/" for pk in plans[1:]])),
        page("cycle calendar", "html_filtered", "/calendar/?quarter=2026-Q4",
             _spread(rng, [f"/calendar/?quarter={q}" for q in quarters])),
        page("API cycle steps", "api_filtered", "/api/v1/cycle-steps/?quarter=2026-Q4",
             _spread(rng, [f"/api/v1/cycle-steps/?quarter={q}" for q in quarters if q >= "2000"])),
        page("challenge areas", "html_list", "/challenges/"),
        page("challenge area", "detail", f"/challenges/{areas[0]}/",
             _spread(rng, [f"/challenges/{slug}/" for slug in areas[1:]])),
        page("API challenge areas", "api_list", "/api/v1/challenge-areas/"),
        page("API challenge area", "detail", f"/api/v1/challenge-areas/{areas[0]}/",
             _spread(rng, [f"/api/v1/challenge-areas/{slug}/" for slug in areas[1:]])),
    ]  # fmt: skip


def _drafting_pages(rng: random.Random, drafts: dict) -> list[dict]:
    """The plans under review (bench/drafts.py): a version with a paragraph of 500 comments opened, the word diff
    of two versions, the amendments and draft versions of the API. Missed by opening other paragraphs and the long
    thread's later pages, diffing other plans, filtering by other plans, versions, commitments and states."""
    from drafting.models import Amendment, DraftParagraph

    hot, pairs = drafts["hot_version"], drafts["pairs"]
    versions = [pk for first, second, _plan in pairs for pk in (first, second)]
    paragraphs = list(DraftParagraph.objects.filter(draft_commitment__version__in=versions)
                      .exclude(pk=drafts["hot_paragraph"]).values_list("draft_commitment__version_id", "pk"))  # fmt: skip
    commitments = set(Amendment.objects.filter(version__in=versions).values_list("draft_commitment__commitment_id",
                                                                                    flat=True))  # fmt: skip
    amendment_filters = ([f"action_plan={plan}" for *_v, plan in pairs] + [f"version={v}" for v in versions]
                         + [f"commitment={c}&state={s}" for c in commitments for s in ("", "accepted", "rejected")])  # fmt: skip
    first, second, plan = pairs[0]
    return [
        page("draft version, 500 comments opened", "detail", f"/drafts/{hot}/?paragraph={drafts['hot_paragraph']}",
             _spread(rng, [f"/drafts/{v}/?paragraph={p}" for v, p in paragraphs]
                     + [f"/drafts/{hot}/?paragraph={drafts['hot_paragraph']}&comments={n}" for n in range(2, 26)])),
        page("draft versions diff", "detail", f"/drafts/{second}/diff/{first}/",
             _spread(rng, [f"/drafts/{b}/diff/{a}/" for a, b, _plan in pairs[1:]])),
        page("API amendments", "api_filtered", f"/api/v1/amendments/?action_plan={plan}",
             _spread(rng, [f"/api/v1/amendments/?{q}" for q in amendment_filters])),
        page("API draft versions", "api_list", "/api/v1/draft-versions/",
             _spread(rng, [f"/api/v1/draft-versions/?action_plan={p}" for *_v, p in pairs])),
        page("API draft version", "detail", f"/api/v1/draft-versions/{hot}/",
             _spread(rng, [f"/api/v1/draft-versions/{v}/" for v in versions if v != hot])),
    ]  # fmt: skip


def _analytics_queries(members) -> list[str]:
    """Every other breakdown, of the partnership and of each member (the hit is the partnership by region)."""
    from analytics.selectors import BREAKDOWNS

    slugs = ["", *(slug for _name, _pk, slug in members)]
    return [urlencode({"by": by, **({"member": slug} if slug else {})})
            for slug in slugs for by in BREAKDOWNS if (by, slug) != ("region", "")]  # fmt: skip
