"""The evidence of a compliance finding, stored as facts (JSON) and written out in the reader's language."""

from django.utils.dateparse import parse_date
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


def _day(value) -> str:
    day = parse_date(value) if isinstance(value, str) else value
    return date_format(day, "DATE_FORMAT") if day else "—"


def _late_plan(facts: dict) -> str:
    text = ngettext(
        "Action plan %(number)d was due on %(due)s (%(rule)s); none submitted by %(checked)s: %(days)d day late.",
        "Action plan %(number)d was due on %(due)s (%(rule)s); none submitted by %(checked)s: %(days)d days late.",
        facts["days_late"],
    ) % {
        "number": facts["plan_number"],
        "due": _day(facts["due_on"]),
        "rule": _(facts["rule"]) if facts.get("rule") else _("date corrected by staff"),
        "checked": _day(facts["checked_on"]),
        "days": facts["days_late"],
    }
    if facts.get("contrary_to_process"):
        text += " " + _("More than twelve months late: acting contrary to process since %(date)s.") % {
            "date": _day(facts["contrary_on"])
        }
    return text


def _min_requirements(facts: dict) -> str:
    items = "; ".join(f"{item['code']} — {item['explanation']}" for item in facts["not_met"])
    return _("Plan “%(plan)s”, submitted on %(submitted)s: minimum requirements not met: %(items)s") % {
        "plan": facts["plan"],
        "submitted": _day(facts.get("submitted_on")),
        "items": items,
    }


def _forum_inactive(facts: dict) -> str:
    if facts.get("last_meeting"):
        return _("“%(forum)s” last met on %(date)s; the standard asks for a meeting at least every six months.") % {
            "forum": facts["forum"],
            "date": _day(facts["last_meeting"]),
        }
    return _("“%(forum)s” has no meeting recorded; the standard asks for a meeting at least every six months.") % {
        "forum": facts["forum"]
    }


def _forum_parity(facts: dict) -> str:
    return _(
        "“%(forum)s” has %(government)d government seats and %(others)d non-governmental seats today; "
        "parity asks for at least as many non-governmental as government seats."
    ) % {"forum": facts["forum"], "government": facts["government"], "others": facts["others"]}


def _unanswered(facts: dict) -> str:
    return ngettext(
        "Consultation “%(title)s”: %(count)d of %(total)d proposal has no reasoned response; responses were due on "
        "%(due)s.",
        "Consultation “%(title)s”: %(count)d of %(total)d proposals have no reasoned response; responses were due "
        "on %(due)s.",
        facts["total"],
    ) % {"title": facts["title"], "count": facts["unanswered"], "total": facts["total"], "due": _day(facts["due_on"])}


WRITERS = {
    "late_plan": _late_plan,
    "min_requirements": _min_requirements,
    "forum_inactive": _forum_inactive,
    "forum_parity": _forum_parity,
    "unanswered_proposals": _unanswered,
}


def describe(finding) -> str:
    return WRITERS[finding.kind](finding.evidence)
