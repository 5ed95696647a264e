"""OGP's real data, with members whose country is odd, through every API list and every public page.

The lists are found from the API router and the URLconf, so a list added later is covered without
touching this file: every API list is paged through to its end (anonymously on a cold then a warm
cache, and signed in, which bypasses the cache), every item's detail is read; every public HTML list
page is paged through and every detail page reachable from it is visited.
"""

from collections import deque
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.contrib import admin
from django.db import transaction
from django.urls import NoReverseMatch, Resolver404, URLPattern, URLResolver, get_resolver, resolve, reverse
from rest_framework.permissions import IsAuthenticated
from rest_framework.test import APIClient

from analytics import selectors as analytics_selectors
from commitments.models import Member
from cycle.services import member_cycle_refresh
from grants.demo import seed_grants
from irm_reports.importing import OGP_SAMPLE, import_ogp_data
from irm_reports.models import Report
from ogp_portal.api_router import router
from support.demo import seed_support
from tests.factories import (
    ActionPlanFactory,
    CommitmentFactory,
    MemberFactory,
    MilestoneFactory,
    PolicyAreaFactory,
    ProgressUpdateFactory,
    UserFactory,
)
from tests.factories.consultations import ConsultationFactory, ProposalFactory
from tests.factories.monitoring import MonitoringReportFactory, ReportAnswerFactory
from tests.factories.support import EngagementFactory, PartnerFactory

pytestmark = pytest.mark.django_db

SHARED_SAMPLE = Path(__file__).resolve().parents[3] / "shared" / "ogp" / "data" / "ogp_commitments_sample.csv"
PUBLIC_LISTS = {
    "commitments:member-list",
    "commitments:commitment-list",
    "consultations:consultation-list",
    "consultations:proposal-list",
    "irm_reports:report-list",
}


@pytest.fixture(scope="module")
def _real_data(django_db_setup, django_db_blocker):
    """The real data of the module, built once in a transaction rolled back after it (a savepoint per test)."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield _build_real_data()
        transaction.set_rollback(True)


@pytest.fixture
def real_data(_real_data, db):
    return _real_data


def _build_real_data():
    """OGP's sample, then Kosovo (XK), a territory without any country code and a local member whose
    country was left blank, each with a plan in implementation, commitments, a consultation, monitoring reports
    (one answered) and a partner's engagement, and their cycle calendars; a draft plan under review (Kosovo); the
    demo grant calls (one with its awards) and partners."""
    for sheet in (OGP_SAMPLE, SHARED_SAMPLE):
        if sheet.is_file():
            summary = import_ogp_data(sheet)
            assert summary.ok, [str(e) for e in summary.errors[:5]]
    top_area = PolicyAreaFactory(slug="an-area-without-parent", parent=None)
    members = [
        MemberFactory(name="Kosovo", slug="kosovo", country="XK", code="XKX"),
        MemberFactory(name="A Territory", slug="a-territory", kind=Member.Kind.OTHER, country=""),
        MemberFactory(name="Somewhere Local", slug="somewhere-local", kind=Member.Kind.LOCAL, country=""),
    ]
    for member in members:
        plan = ActionPlanFactory(member=member, implementing=True)
        for _n in range(2):
            commitment = CommitmentFactory(action_plan=plan)
            commitment.policy_areas.add(top_area)
            MilestoneFactory(commitment=commitment)
            ProgressUpdateFactory(commitment=commitment)
        consultation = ConsultationFactory(action_plan=plan)
        ProposalFactory(consultation=consultation, policy_area=None)
        ProposalFactory(consultation=consultation, withdrawn=True)
        ReportAnswerFactory(report=MonitoringReportFactory(commitment=commitment, organisation=None))
        MonitoringReportFactory(commitment=commitment, milestone=commitment.milestones.first())
        EngagementFactory(partner=PartnerFactory(), member=member).commitments.add(commitment)
        member_cycle_refresh(member=member)
    _draft_under_review(members[0])
    seed_grants()
    seed_support()
    return members


def _draft_under_review(member):
    """A plan of the member in co-creation whose draft is under review: version 1 published, an amendment."""
    from drafting.services.amendments import amendment_propose
    from tests.factories.drafting import published_draft

    version = published_draft(action_plan=ActionPlanFactory(member=member))
    paragraph = version.commitments.first().paragraphs.first()
    amendment_propose(author=UserFactory(), paragraph=paragraph, text="Clearer wording")


# API ----------------------------------------------------------------------------------------------
def _api_lists() -> list[tuple[str, str, type]]:
    """(basename, list URL, viewset) of every public list the router serves (a signed-in person's own
    lists, such as their notifications, are tested with their app)."""
    return [
        (basename, reverse(f"api:{basename}-list"), viewset)
        for _p, viewset, basename in router.registry
        if IsAuthenticated not in getattr(viewset, "permission_classes", ())
        and hasattr(viewset, "list")  # the milestones' route takes a new one (POST) but lists nothing
    ]


def _page_through(api: APIClient, url: str) -> list[bytes]:
    """Every page of one list, following `next` to the end; the pages' bodies. A list that is not paginated
    (a plain array of rows, as the analytics' figures) is its one page."""
    pages, seen = [], set()
    while url:
        assert url not in seen, f"{url} comes back: the pagination loops"
        seen.add(url)
        response = api.get(url, HTTP_ACCEPT="application/json")
        assert response.status_code == 200, (url, response.content[:500])
        pages.append(response.content)
        body = response.json()
        url = None if isinstance(body, list) else body["next"]
    return pages


def _items(pages: list[bytes]) -> list[dict]:
    import json

    return [item for page in map(json.loads, pages) for item in (page if isinstance(page, list) else page["results"])]


def _check_rows(anonymous: APIClient, signed_in: APIClient, basename: str, url: str, viewset, rows: list[dict]):
    """A list of rows that are not objects (no address, no detail route: the analytics' figures, one row per group of
    a breakdown): the signed-in rows are the anonymous ones, and every breakdown answers on the real data.
    What each figure counts is tested with the app (tests/analytics)."""
    assert not hasattr(viewset, "retrieve"), f"{basename}: its rows have no url, yet it has a detail route"
    assert _items(_page_through(signed_in, url)) == rows
    for by in analytics_selectors.BREAKDOWNS:
        assert _items(_page_through(anonymous, f"{url}?by={by}")) == _items(_page_through(signed_in, f"{url}?by={by}"))


def test_every_api_list_and_detail_answers_on_real_data(real_data):
    anonymous, signed_in = APIClient(), APIClient()
    signed_in.force_authenticate(UserFactory())
    lists = _api_lists()
    assert {"member", "actionplan", "commitment", "consultation", "proposal", "report"} <= {b for b, _u, _v in lists}
    assert {"grantcall", "partner", "monitoringreport", "analytics"} <= {b for b, _u, _v in lists}
    for basename, url, viewset in lists:
        cold = _page_through(anonymous, url)
        warm = _page_through(anonymous, url)
        assert warm == cold, f"{basename}: the cached pages differ from the fresh ones"
        items = _items(cold)
        assert items, f"{basename}: the real data has no row for this list"
        if "url" not in items[0]:
            _check_rows(anonymous, signed_in, basename, url, viewset, items)
            continue
        assert [i["url"] for i in _items(_page_through(signed_in, url))] == [i["url"] for i in items]
        detail_actions = [a for a in viewset.get_extra_actions() if a.detail and "get" in a.mapping]
        for item in items:
            response = anonymous.get(item["url"], HTTP_ACCEPT="application/json")
            assert response.status_code == 200, (item["url"], response.content[:500])
            for extra in detail_actions:
                response = anonymous.get(item["url"].rstrip("/") + f"/{extra.url_path}/")
                # 404: an optional part that this item does not have (an imported report has no PDF)
                assert response.status_code < 400 or response.status_code == 404, (basename, extra.url_name, item)
    countries = {m["name"]: m["country"] for m in _items(_page_through(anonymous, reverse("api:member-list")))}
    assert (countries["Kosovo"], countries["A Territory"], countries["Somewhere Local"]) == ("XK", "", "")


# HTML ---------------------------------------------------------------------------------------------
class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.next: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
            if attrs.get("rel") == "next":
                self.next = attrs["href"]


def _parse(response) -> _Links:
    parser = _Links()
    parser.feed(response.content.decode())
    return parser


def _url_names(patterns, namespace: str = ""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = ":".join(n for n in (namespace, pattern.namespace or "") if n)
            yield from _url_names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}:{pattern.name}" if namespace else pattern.name


def _html_lists() -> dict[str, str]:
    """Every list page of the URLconf that takes no argument (the API's are the router's)."""
    found = {}
    for name in _url_names(get_resolver().url_patterns):
        if not name.endswith("-list") or name.startswith("api:"):
            continue
        try:
            found[name] = reverse(name)
        except NoReverseMatch:  # a list of one object's children (it takes an argument)
            continue
    return found


def _detail_target(href: str, base: str) -> str | None:
    """The path of a public detail page the link points to, if it does."""
    parts = urlsplit(href)
    if parts.netloc and parts.netloc != "testserver":
        return None
    path = parts.path or base
    try:
        match = resolve(path)
    except Resolver404:
        return None
    if match.view_name.endswith("-detail") and "workspace" not in match.view_name:
        return path
    return None


def _get(client, url):
    response = client.get(url)
    assert response.status_code < 400, (url, response.status_code)
    return response


def test_every_public_list_page_and_its_detail_pages_answer_on_real_data(client, real_data):
    lists = _html_lists()
    assert set(lists) >= PUBLIC_LISTS
    details: deque[str] = deque()
    visited: set[str] = set()
    for name, url in lists.items():
        response = client.get(url)
        if response.status_code == 302 and "/accounts/login/" in response["Location"]:
            continue  # not public
        pages = 0
        while url:
            page = _parse(_get(client, url))
            pages += 1
            details.extend(t for href in page.links if (t := _detail_target(href, url)))
            url = f"{reverse(name)}{page.next}" if page.next and page.next.startswith("?") else page.next
        assert name not in PUBLIC_LISTS or pages >= 1
    while details:
        path = details.popleft()
        if path in visited:
            continue
        visited.add(path)
        page = _parse(_get(client, path))
        details.extend(t for href in page.links if (t := _detail_target(href, path)))
    kinds = {resolve(path).view_name for path in visited}
    assert {"commitments:member-detail", "commitments:actionplan-detail", "commitments:commitment-detail"} <= kinds
    assert {"consultations:consultation-detail", "consultations:proposal-detail"} <= kinds
    for member in real_data:
        assert member.get_absolute_url() in visited
    # OGP's imported reports have no PDF, so the list (of published PDFs) does not link them: their pages
    # are reached from nowhere else, and are read here.
    imported = Report.objects.filter(status=Report.Status.PUBLISHED).exclude(
        pk__in=[
            resolve(path).kwargs.get("pk") for path in visited if resolve(path).view_name == "irm_reports:report-detail"
        ]
    )
    assert imported.exists()
    for report in imported:
        _get(client, report.get_absolute_url())


def test_every_admin_list_answers_on_real_data(admin_client, real_data):
    """The support unit's lists of every model, and the odd members' own pages."""
    for model in admin.site._registry:
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        assert admin_client.get(url).status_code == 200, url
    for member in real_data:
        page = admin_client.get(reverse("admin:commitments_member_change", args=[member.pk]))
        assert page.status_code == 200
