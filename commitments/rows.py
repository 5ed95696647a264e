"""The rows of the HTML commitment lists (an action plan's page, the commitment list) and of the member list,
written in Python: the markup of templates/commitments/includes/_commitment_row.html, includes/_progress.html and
includes/_member_row.html, byte for byte.

An action plan shows all its commitments (dozens) on one page; through the two includes each row cost more than
the page's queries. The templates stay the reference: tests/commitments/test_commitment_rows.py (and
test_member_rows.py) renders both
on the same rows, in every language, and compares them.
"""

from functools import lru_cache

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language, gettext

from commitments import member_counts, row_selectors
from commitments.models import ActionPlan, Commitment, Member, PolicyArea
from common.cache import cached_fragments
from common.choices import choice_display
from common.html import SharedParts, joined
from common.html import template_value as _value
from common.models import in_page_language
from common.templatetags.markup import localized
from common.templatetags.portal import percent
from common.translations import shown_row_texts

_COMPLETION = Commitment._meta.get_field("completion")

_ROW = (
    '\n<li class="card commitment-card" id="commitment-{pk}">\n  <div class="card-heading">\n'
    '    <span class="commitment-number">{number}</span>\n'
    '    <a href="{url}" class="card-title"{lang}>{title}</a>{machine}\n  </div>\n  <p class="muted">\n'
    "    {plan}\n    {lead}\n    {completion}\n  </p>\n  {tags}\n  {progress}\n</li>\n"
)
_PROGRESS = (
    '\n<div class="progress" title="{title}">\n'
    '  <div class="progress-bar" role="progressbar" aria-valuenow="{pct}" aria-valuemin="0" aria-valuemax="100" '
    'aria-label="{label}"><span style="width: {pct}%"></span></div>\n'
    '  <span class="progress-label">{short}</span>\n</div>\n'
)


def progress(done, total, labels: dict | None = None) -> str:
    """includes/_progress.html (its output, final line break included): the share of milestones completed.
    `labels`: its texts in the active language, when a list passes them once for all its rows (_labels())."""
    labels = labels or _labels()
    if not total:
        return labels["none"]
    values = {"done": _value(done), "total": _value(total)}
    return _PROGRESS.format(
        title=labels["title"] % values, pct=_value(percent(done, total)), label=labels["label"],
        short=labels["short"] % values,
    )  # fmt: skip


def _labels() -> dict:
    """The progress bar's and a row's texts in the active language (read once per language: a loop of progress
    bars asks for them at every row)."""
    return _labels_in(get_language())


@lru_cache(maxsize=16)
def _labels_in(_language: str | None) -> dict:
    return {
        "none": f'\n<p class="progress-none muted">{gettext("No milestones recorded")}</p>\n',
        "title": gettext("%(done)s of %(total)s milestones completed"),
        "label": gettext("Milestones completed"),
        "short": gettext("%(done)s/%(total)s milestones"),
        "machine": f' <span class="badge badge-machine">{gettext("Machine translation")}</span>',
    }


def _shared() -> SharedParts:
    """What the rows of one list share (a list shows the same plan, areas and completions on many rows)."""
    return SharedParts(**_labels())


def _plan(row: dict) -> str:
    plan = ActionPlan(
        id=row["action_plan_id"], start_date=row["action_plan__start_date"], end_date=row["action_plan__end_date"]
    )
    member = Member(
        name=row["action_plan__member__name"], name_fr=row["action_plan__member__name_fr"],
        name_es=row["action_plan__member__name_es"],
    )  # fmt: skip
    label = f"{_value(localized(member))} · {_value(plan.period_label)}"
    return f'<a href="{_value(plan.get_absolute_url())}">{label}</a> · '


@lru_cache(maxsize=4096)
def _area_tag(slug: str, name: str, name_fr: str, name_es: str, *where) -> str:
    """A policy area's tag, written once per process for what it shows (about 60 areas on a plan's page, each
    localized and linked): its key holds everything the markup reads (the language, the URLconf, the prefix)."""
    area = PolicyArea(slug=slug, name=name, name_fr=name_fr, name_es=name_es)
    return f'<li><a class="tag" href="{_value(area.get_absolute_url())}">{_value(localized(area))}</a></li>'


def _completion(completion: str) -> str:
    label = choice_display(_COMPLETION, completion)
    return f' · <span class="badge badge-{_value(completion)}">{_value(label)}</span>'


def _tags(areas: list, shared: SharedParts) -> str:
    if not areas:
        return ""
    where = shared.keep("where", lambda: (get_language(), get_urlconf() or settings.ROOT_URLCONF, get_script_prefix()))
    return f'<ul class="tags">{"".join(_area_tag(a.slug, a.name, a.name_fr, a.name_es, *where) for a in areas)}</ul>'


def commitment_row(row: dict, *, show_plan: bool = False, shared: SharedParts | None = None) -> str:
    """One row (a row of commitments.row_selectors.listed_commitment_rows or action_plan_commitment_rows), as the
    template renders the commitment (the active language); `shared`: what the rows of its list share."""
    shared = shared or _shared()
    source = row["action_plan__language"]
    language = shared.language
    texts, machine = shown_row_texts(source, language, row["translations"])
    completion = row["completion"]
    lead = row["lead_institution__name"]
    return _ROW.format(
        pk=_value(row["id"]),
        number=_value(row["number"]),
        url=_value(shared.url("commitments:commitment-detail", row["id"])),
        lang=shared.lang(language if texts else source),
        title=_value(texts.get("title") or row["title"]),
        machine=shared.labels["machine"] if machine else "",
        plan=shared.keep(("plan", row["action_plan_id"]), lambda: _plan(row)) if show_plan else "",
        lead=_value(lead) if lead is not None else "",
        completion=shared.keep(("completion", completion), lambda: _completion(completion)) if completion else "",
        tags=_tags(row["areas"], shared),
        progress=progress(row["milestones_completed"], row["milestone_count"], shared.labels),
    )


def listed_rows(ids: list[int]) -> SafeString:
    """The commitment list's rows (with their plan) of these commitments, in this order. Each row is kept in the
    cache (per language and content version, common.cache.cached_fragments): another filter or page that lists it
    reads it with the others in one call; only the rows not found are read from the database and written."""

    def render(missing: list[int]) -> dict:
        shared = _shared()
        return {
            row["id"]: commitment_row(row, show_plan=True, shared=shared)
            for row in row_selectors.listed_commitment_rows(ids=missing)
        }

    return joined(cached_fragments("listed-commitment", ids, render))


def commitment_rows(rows: list[dict], *, show_plan: bool = False) -> SafeString:
    """The rows of a list page, joined (`rows`: of the selectors above)."""
    shared = _shared()
    return joined(commitment_row(row, show_plan=show_plan, shared=shared) for row in rows)


_MEMBER_ROW = (
    '<tr>\n  <th scope="row"><a href="{url}">{name}</a>{other_names}</th>\n  <td>{kind}</td>\n  <td>{country}</td>\n'
    '  <td>{region}</td>\n  <td class="num">{plans}</td>\n  <td class="num">{commitments}</td>\n'
    '  <td><span class="badge badge-{status}">{status_label}</span></td>\n</tr>\n'
)


def _other_name(language: str, name: str) -> str:
    return f' <small class="muted alt-name" lang="{_value(language)}">({_value(name)})</small>'


def _names(member: Member, language: str) -> tuple[str, str]:
    """The member's name as `localized` shows it and its other names as `other_names` lists them, in the list's
    language read once (each of them reads the request's language again, three times a row)."""
    shown, shown_language = in_page_language(member.name, member.name_fr, member.name_es, language=language)
    others = "".join(_other_name(other, name) for other, name in member.names_other_than(shown))
    if shown_language != language:
        shown = format_html('<span lang="{}">{}</span>', shown_language, shown)
    return _value(shown), others


def member_row(member: Member, shared: SharedParts) -> str:
    """A row of the member list (a member of partnership.selectors.member_list, with its counts), as
    includes/_member_row.html renders it in the active language."""
    name, other_names = _names(member, shared.language)
    code = member.__dict__["country"]  # the stored code: member.country builds a Country (and reads the language)
    return _MEMBER_ROW.format(
        url=_value(shared.url("commitments:member-detail", member.slug)),
        name=name,
        other_names=other_names,
        kind=_value(shared.keep(("kind", member.kind), member.get_kind_display)),
        country=shared.keep(("country", code), lambda: _value(member.country.name)),
        region=_value(shared.keep(("region", member.region), member.get_region_display)),
        plans=_value(member.plan_count),
        commitments=_value(member.commitment_count),
        status=_value(member.status),
        status_label=_value(shared.keep(("status", member.status), member.get_status_display)),
    )


def member_rows(members) -> SafeString:
    """The member list's rows, joined, with their counts (member_counts.with_member_counts)."""
    shared = SharedParts()
    return joined(member_row(member, shared) for member in member_counts.with_member_counts(list(members)))
