"""Reads of the site search (/search/): every kind of public result for one query, grouped by kind.

Each group costs two queries whatever the number of matches: a count that stops past COUNT_LIMIT, and
its best rows, ranked, with their excerpts. Only what the public lists show is searched: public
proposals (ProposalQuerySet.public(), withdrawn ones left out) and reports with a published version.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Exists, OuterRef, QuerySet, Subquery
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from commitments.models import ActionPlan, Commitment, Member
from common.pagination import COUNT_LIMIT
from common.search import document, highlight, ranked, with_excerpts
from consultations.models import Consultation, Proposal
from irm_reports.models import PublishedVersion, Report

SHOWN = 5  # rows of each group on the page of every kind
SHOWN_ALONE = 50  # rows of the one kind asked for (?kind=)


@dataclass
class Hit:
    url: str
    title: SafeString
    context: str = ""
    excerpt: SafeString | str = ""
    lang: str = ""  # the language the title and excerpt are written in (content), marked when not the page's
    context_lang: str = ""


@dataclass
class Group:
    kind: str
    label: Promise
    count: int
    count_is_capped: bool
    hits: list[Hit] = field(default_factory=list)
    see_all_url: str = ""


def _count(queryset: QuerySet) -> tuple[int, bool]:
    counted = queryset.order_by().values("pk")[: COUNT_LIMIT + 1].count()
    return min(counted, COUNT_LIMIT), counted > COUNT_LIMIT


def _list_url(name: str, text: str) -> str:
    return f"{reverse(name)}?{urlencode({'search': text})}"


def _members(text: str, limit: int) -> tuple[QuerySet, list]:
    matches = Member.objects.search(text)
    rows = ranked(matches, text, vector=document(*matches.SEARCH_DOCUMENT), title="name").only(
        "slug", "name", "name_fr", "name_es", "kind"
    )
    return matches, [
        Hit(url=m.get_absolute_url(), title=highlight(m.display_name, text), context=m.get_kind_display())
        for m in rows[:limit]
    ]


def _plans(text: str, limit: int) -> tuple[QuerySet, list]:
    matches = ActionPlan.objects.search(text)
    rows = ranked(matches, text, vector="search_vector", title="title")
    rows = with_excerpts(
        rows.select_related("member"), text, {"excerpt": "description"}, whole={"marked_title": "title"}
    )
    return matches, [
        Hit(
            url=p.get_absolute_url(),
            title=highlight(p.marked_title, text, escaped=True),
            context=f"{p.member.display_name} · {p.period_label}",
            excerpt=highlight(p.excerpt, text, escaped=True),
            lang=p.language,
        )
        for p in rows[:limit]
    ]


def _commitments(text: str, limit: int) -> tuple[QuerySet, list]:
    matches = Commitment.objects.search(text)
    rows = ranked(matches, text, vector="search_vector", title="title")
    rows = rows.select_related("action_plan__member").only(
        "title", "action_plan__language", "action_plan__start_date", "action_plan__end_date",
        "action_plan__member__name", "action_plan__member__name_fr", "action_plan__member__name_es",
    )  # fmt: skip
    rows = with_excerpts(rows, text, {"excerpt": "objective"}, whole={"marked_title": "title"})
    return matches, [
        Hit(
            url=c.get_absolute_url(),
            title=highlight(c.marked_title, text, escaped=True),
            context=f"{c.action_plan.member.display_name} · {c.action_plan.period_label}",
            excerpt=highlight(c.excerpt, text, escaped=True),
            lang=c.action_plan.language,
        )
        for c in rows[:limit]
    ]


def _consultations(text: str, limit: int) -> tuple[QuerySet, list]:
    matches = Consultation.objects.search(text)
    rows = ranked(matches, text, vector="search_vector", title="title")
    rows = rows.select_related("action_plan__member").only(
        "title", "description", "language", "action_plan__member__name", "action_plan__member__name_fr",
        "action_plan__member__name_es",
    )  # fmt: skip
    rows = with_excerpts(rows, text, {"excerpt": "description"}, whole={"marked_title": "title"})
    return matches, [
        Hit(
            url=c.get_absolute_url(),
            title=highlight(c.marked_title, text, escaped=True),
            context=c.action_plan.member.display_name,
            excerpt=highlight(c.excerpt, text, escaped=True),
            lang=c.language,
        )
        for c in rows[:limit]
    ]


def _proposals(text: str, limit: int) -> tuple[QuerySet, list]:
    matches = Proposal.objects.public().exclude(status=Proposal.Status.WITHDRAWN).search(text)
    rows = ranked(matches, text, vector="search_vector", title="title").select_related("consultation")
    rows = with_excerpts(
        rows.only("title", "language", "consultation__title", "consultation__language"),
        text,
        {"excerpt": "problem"},
        whole={"marked_title": "title"},
    )
    return matches, [
        Hit(
            url=p.get_absolute_url(),
            title=highlight(p.marked_title, text, escaped=True),
            context=p.consultation.title,
            excerpt=highlight(p.excerpt, text, escaped=True),
            lang=p.language,
            context_lang=p.consultation.language,
        )
        for p in rows[:limit]
    ]


def _reports(text: str, limit: int) -> tuple[QuerySet, list]:
    published = PublishedVersion.objects.filter(report=OuterRef("pk"))
    matches = Report.objects.filter(Exists(published)).search(text)
    latest = Subquery(published.order_by("-version").values("version")[:1])
    rows = matches.select_related("action_plan__member").annotate(latest_version=latest).order_by("-pk")
    return matches, [
        Hit(
            url=reverse("irm_reports:report-version-pdf", args=[r.pk, r.latest_version]),
            title=highlight(str(r), text),
            context=r.action_plan.member.display_name,
        )
        for r in rows[:limit]
    ]


KINDS = {
    "commitments": (_("Commitments"), _commitments, "commitments:commitment-list"),
    "proposals": (_("Proposals"), _proposals, "consultations:proposal-list"),
    "consultations": (_("Consultations"), _consultations, "consultations:consultation-list"),
    "members": (_("Members"), _members, "commitments:member-list"),
    "plans": (_("Action plans"), _plans, ""),
    "reports": (_("IRM reports"), _reports, ""),
}


def site_search(*, text: str, kind: str = "") -> list[Group]:
    """The groups of results for `text` (only `kind`'s, with more rows, when it names one), those with
    matches first in the order of KINDS."""
    kinds = [kind] if kind in KINDS else list(KINDS)
    limit = SHOWN_ALONE if kind in KINDS else SHOWN
    groups = []
    for name in kinds:
        label, read, list_name = KINDS[name]
        matches, hits = read(text, limit)
        count, capped = (len(hits), False) if len(hits) < limit else _count(matches)
        url = _list_url(list_name, text) if list_name else ""
        groups.append(Group(name, label, count, capped, hits, url))
    return sorted(groups, key=lambda group: not group.hits)
