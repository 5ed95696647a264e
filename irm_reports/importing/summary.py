"""What an import did: counts per kind of record, the rows it could not import, and every point on
which OGP's own stars and flags disagree with the portal's. Kept as JSON on an ImportRun."""

from collections.abc import Iterator
from dataclasses import asdict, dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

KINDS = {
    "members": gettext_lazy("Members"),
    "action_plans": gettext_lazy("Action plans"),
    "commitments": gettext_lazy("Commitments"),
    "institutions": gettext_lazy("Institutions"),
    "reports": gettext_lazy("IRM reports"),
    "assessments": gettext_lazy("IRM assessments"),
}
OUTCOMES = {
    "created": gettext_lazy("created"),
    "updated": gettext_lazy("updated"),
    "unchanged": gettext_lazy("unchanged"),
    "deleted": gettext_lazy("deleted"),
    "skipped": gettext_lazy("skipped"),
}


@dataclass
class Issue:
    """A cell the importer could not use (error: the row is skipped) or had to interpret (warning)."""

    row: int | None
    line: int | None
    column: str
    value: str
    message: str
    identifier: str = ""

    def where(self) -> str:
        if self.row is None:
            return _("file")
        if self.line and self.line != self.row:
            return _("row %(row)s (line %(line)s)") % {"row": self.row, "line": self.line}
        return _("row %(row)s") % {"row": self.row}

    def __str__(self):
        value = self.value if len(self.value) <= 80 else self.value[:77] + "…"
        parts = [self.where()]
        if self.identifier:
            parts.append(self.identifier)
        if self.column:
            parts.append(_("column “%(column)s” = “%(value)s”") % {"column": self.column, "value": value})
        return f"{', '.join(parts)}: {self.message}"


@dataclass
class Disagreement:
    """OGP's value of one of its star or flag columns differs from the portal's own computation."""

    identifier: str
    row: int
    column: str
    ogp: bool
    portal: bool

    def __str__(self):
        yes_no = {True: _("yes"), False: _("no")}
        return _("%(id)s (row %(row)s): %(column)s — OGP says %(ogp)s, the portal's rules say %(portal)s") % {
            "id": self.identifier,
            "row": self.row,
            "column": self.column,
            "ogp": yes_no[self.ogp],
            "portal": yes_no[self.portal],
        }


@dataclass
class ImportSummary:
    dry_run: bool = False
    rows_total: int = 0
    rows_imported: int = 0
    seconds: float = 0.0
    counts: dict = field(default_factory=lambda: {kind: dict.fromkeys(OUTCOMES, 0) for kind in KINDS})
    errors: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    disagreements: list[Disagreement] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    compared: int = 0
    fatal: str = ""

    def count(self, kind: str, outcome: str, number: int = 1) -> None:
        self.counts[kind][outcome] += number

    @property
    def rows_skipped(self) -> int:
        return len({issue.row for issue in self.errors if issue.row is not None})

    @property
    def ok(self) -> bool:
        return not self.fatal and not self.errors

    def changed(self) -> bool:
        return any(c["created"] or c["updated"] or c["deleted"] for c in self.counts.values())

    def as_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "ImportSummary":
        if not data:
            return cls()
        data = dict(data)
        data["errors"] = [Issue(**i) for i in data.get("errors", [])]
        data["warnings"] = [Issue(**i) for i in data.get("warnings", [])]
        data["disagreements"] = [Disagreement(**d) for d in data.get("disagreements", [])]
        return cls(**data)

    def count_rows(self) -> list[tuple[str, dict]]:
        """(kind label, counts) for the table of the summary."""
        return [(str(label), self.counts[kind]) for kind, label in KINDS.items()]

    def lines(self) -> Iterator[str]:
        """The summary as text (the command prints it; the admin shows the same)."""
        if self.fatal:
            yield _("The file was not imported: %(reason)s") % {"reason": self.fatal}
            return
        if self.dry_run:
            heading = _("Dry run: nothing was saved.")
            counts = _("%(rows)s rows read, %(imported)s would be imported, %(skipped)s skipped, in %(seconds).1f s.")
        else:
            heading = _("Import finished.")
            counts = _("%(rows)s rows read, %(imported)s imported, %(skipped)s skipped, in %(seconds).1f s.")
        yield f"{heading} " + counts % {
            "rows": self.rows_total,
            "imported": self.rows_imported,
            "skipped": self.rows_skipped,
            "seconds": self.seconds,
        }
        width = max(len(str(label)) for label in KINDS.values())
        yield " " * width + "".join(f"{str(o):>11}" for o in OUTCOMES.values())
        for label, counts in self.count_rows():
            yield f"{label:<{width}}" + "".join(f"{counts[o]:>11}" for o in OUTCOMES)
        yield from self._section(_("Rows not imported"), self.errors)
        yield from self._section(_("Warnings (imported, worth a look)"), self.warnings)
        yield ""
        yield _("Stars and flags: %(compared)s values compared with OGP's columns, %(count)s disagreements.") % {
            "compared": self.compared,
            "count": len(self.disagreements),
        }
        for disagreement in self.disagreements:
            yield f"  {disagreement}"
        yield from self._section(_("Notes"), self.notices)

    @staticmethod
    def _section(title: str, items: list) -> Iterator[str]:
        if items:
            yield ""
            yield f"{title} ({len(items)}):"
            for item in items:
                yield f"  {item}"
