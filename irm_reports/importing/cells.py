"""Reading the cells of one row of OGP's sheet: each value checked, each problem kept as an issue.

A cell the importer cannot use is an error (the row is reported with its row, column and value, and
skipped); a cell it had to interpret is a warning (reported, and the row imported).
"""

from datetime import date

from django.utils.translation import gettext as _

from irm_reports.importing import columns as col
from irm_reports.importing import values
from irm_reports.importing.reader import SheetRow
from irm_reports.importing.summary import Issue
from irm_reports.models import CommitmentAssessment
from irm_reports.scales import SENTINELS, Answer, from_spreadsheet


class CellReader:
    """The cells of the row being read, and the errors and warnings found in them so far."""

    def start(self, sheet_row: SheetRow) -> None:
        """Read `sheet_row` from now on, with no issue found yet."""
        self.cells = sheet_row.cells
        self.sheet_row = sheet_row
        self.identifier = values.one_line(self.cells.get(col.IDENTIFIER))
        self.errors: list[Issue] = []
        self.warnings: list[Issue] = []

    # Issues ---------------------------------------------------------------------------------------
    def _issue(self, column: str, message: str, *, value: str | None = None) -> Issue:
        raw = self.cells.get(column, "") if value is None else value
        return Issue(self.sheet_row.row, self.sheet_row.line, column, values.clean(raw), message, self.identifier)

    def error(self, column: str, message: str, **kwargs) -> None:
        self.errors.append(self._issue(column, message, **kwargs))

    def warn(self, column: str, message: str, **kwargs) -> None:
        self.warnings.append(self._issue(column, message, **kwargs))

    # Cells ----------------------------------------------------------------------------------------
    def required(self, column: str, max_length: int) -> str:
        value = values.one_line(self.cells.get(column))
        if not value:
            self.error(column, _("This cell is required."))
        elif len(value) > max_length:
            self.error(column, _("Longer than %(max)s characters.") % {"max": max_length})
        return value

    def year(self, column: str, *, required: bool = False) -> int | None:
        try:
            value = values.year(self.cells.get(column))
        except ValueError:
            self.error(column, _("Not a year."))
            return None
        if value is None and required:
            self.error(column, _("This cell is required."))
        return value

    def date(self, column: str, *, end: bool) -> tuple[date | None, str]:
        raw = values.clean(self.cells.get(column))
        parsed, note = values.parse_date(raw, end=end)
        if note:
            self.warn(column, note)
        return parsed, ("" if values.is_placeholder(raw) else raw)

    def bounded_text(self, column: str, max_length: int) -> str:
        value = values.one_line(self.cells.get(column))
        if len(value) > max_length:
            self.warn(column, _("Shortened to %(max)s characters.") % {"max": max_length})
            value = value[: max_length - 1].rstrip() + "…"
        return value

    def rating(self, spec: col.Rating):
        """The rating from its code column; the label must agree (a more precise label wins)."""
        codes = spec.codes if spec.codes is not None else getattr(spec.scale, "CODES", {})
        code_raw = values.clean(self.cells.get(spec.code)) if spec.code else ""
        label_raw = values.clean(self.cells.get(spec.label)) if spec.label else ""
        code_value = self._scale_value(spec, spec.code, code_raw, codes) if code_raw else None
        # A label column holding a code is read as well (people fill either column with either).
        label_value = self._scale_value(spec, spec.label, label_raw, codes, label=True) if label_raw else None
        if code_value is None:
            return label_value
        if label_value is not None and label_value != code_value:
            if label_value not in {str(v) for v in codes.values()} | SENTINELS:
                return label_value  # e.g. "No early results to report yet", which has no code of its own
            self.warn(
                spec.label,
                _("The label disagrees with the code “%(code)s” in “%(column)s”; the code is used.")
                % {"code": code_raw, "column": spec.code},
            )
        return code_value

    def _scale_value(self, spec: col.Rating, column: str, raw: str, codes: dict, *, label: bool = False):
        raw = values.code(raw)
        if spec.scale is Answer:  # "Y", "TRUE", "1.0", "yes "… are the scale's Yes and No
            try:
                answer = values.yes_no(raw)
            except ValueError:
                answer = None
            if answer is not None:
                raw = "Yes" if answer else "No"
        try:
            return from_spreadsheet(spec.scale, raw, codes=codes)
        except ValueError:
            if raw.upper() in ("NA", "N/A"):
                self.warn(column, _("“Not applicable” does not apply to this rating; left empty."))
                return None
            rating = CommitmentAssessment._meta.get_field(spec.field).verbose_name
            if codes and not label:
                self.error(column, _("Not a code of “%(rating)s”.") % {"rating": rating})
            else:
                self.error(column, _("Not a label of “%(rating)s”.") % {"rating": rating})
            return None
