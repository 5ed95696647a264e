"""Members of OGP's sheet matched with the portal's: by OGP code first, then by name and country.

The demo data seeds national members with their ISO code (OGP's `Code` for countries) and the OGP
Local members without one, named without their country ("South Cotabato" for OGP's "South
Cotabato, Philippines"): matching by name as well keeps the portal free of duplicates, and the
import records OGP's code on the member it matched.
"""

from collections import defaultdict

from django.utils.text import slugify
from django.utils.translation import gettext as _

from commitments.country_names import country_names
from commitments.models import Member
from irm_reports.importing.rows import MemberData


class MemberProblem(Exception):
    """The member of a group of rows cannot be matched or created."""


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


class MemberIndex:
    """Every member, read once, by code and by name (English, French and Spanish)."""

    def __init__(self):
        self.by_code: dict[str, Member] = {}
        self.by_name: dict[str, list[Member]] = defaultdict(list)
        self.slugs: set[str] = set()
        for member in Member.objects.all():
            self.add(member)

    def add(self, member: Member) -> None:
        if member.code:
            self.by_code[member.code.upper()] = member
        for name in {_key(member.name), _key(member.name_fr or ""), _key(member.name_es or "")} - {""}:
            self.by_name[name].append(member)
        self.slugs.add(member.slug)

    def find(self, data: MemberData) -> Member | None:
        member = self.by_code.get(data.code)
        if member is not None:
            return member
        candidates = [
            m
            for m in self.by_name.get(_key(data.name), [])
            if (not data.country or not m.country or m.country.code == data.country)
            and (not m.code or m.code.upper() == data.code)
        ]
        same_kind = [m for m in candidates if m.kind == data.kind]
        candidates = same_kind or candidates
        if len(candidates) > 1:
            raise MemberProblem(
                _("Several members are named “%(name)s”; give one of them the OGP code %(code)s in the admin.")
                % {"name": data.name, "code": data.code}
            )
        return candidates[0] if candidates else None

    def national_of(self, country: str) -> Member | None:
        for member in self.by_code.values():
            if member.kind == Member.Kind.NATIONAL and member.country and member.country.code == country:
                return member
        return None

    def new_slug(self, data: MemberData) -> str:
        base = slugify(data.name)[:180] or slugify(data.code)
        for slug in (base, f"{base}-{slugify(data.code)}"):
            if slug not in self.slugs:
                return slug
        number = 2
        while f"{base}-{number}" in self.slugs:
            number += 1
        return f"{base}-{number}"


def _translated_names(data: MemberData) -> dict[str, str]:
    """A new national member takes its country's French and Spanish names; a local one keeps its English name."""
    if data.kind == Member.Kind.NATIONAL and data.country:
        return country_names(data.country)
    return {}


def member_upsert(*, index: MemberIndex, data: MemberData) -> tuple[Member, str]:
    """The member of these rows, created or brought up to date; returns it and the outcome.

    OGP's code, region and kind are OGP's to say; the portal keeps its own names and translations.
    """
    member = index.find(data)
    if member is None:
        if not data.country and data.kind != Member.Kind.OTHER:
            raise MemberProblem(
                _(
                    "No member matches “%(name)s” (code %(code)s) and its country is not known: write it as "
                    "“Locality, Country” or add the member in the admin first."
                )
                % {"name": data.name, "code": data.code}
            )
        member = Member(
            name=data.name,
            **_translated_names(data),
            slug=index.new_slug(data),
            kind=data.kind,
            country=data.country,
            region=data.region,
            code=data.code,
            parent=index.national_of(data.country) if data.kind == Member.Kind.LOCAL else None,
        )
        member.full_clean()
        member.save()
        index.add(member)
        return member, "created"
    changed = False
    for name, value in (("code", data.code), ("region", data.region)):
        if getattr(member, name) != value:
            setattr(member, name, value)
            changed = True
    if member.kind != data.kind and not (member.parent_id and data.kind != Member.Kind.LOCAL):
        member.kind, changed = data.kind, True
    if not member.country and data.country:
        member.country, changed = data.country, True
    if not changed:
        return member, "unchanged"
    member.full_clean()
    member.save()
    index.add(member)
    return member, "updated"
