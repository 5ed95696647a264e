"""One row of OGP's sheet as the data of its member, action plan, commitment and IRM ratings.

A cell the importer cannot use makes the row an error (reported with its row, column and value,
and skipped); a cell it had to interpret is a warning (reported, and the row imported). The cells
themselves are read and checked by `CellReader` (cells.py).
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _
from django_countries import countries

from commitments.models import Member, Region
from irm_reports.importing import columns as col
from irm_reports.importing import values
from irm_reports.importing.cells import CellReader
from irm_reports.importing.reader import SheetRow
from irm_reports.importing.summary import Issue
from irm_reports.scales import Answer

KINDS = {
    "national": Member.Kind.NATIONAL,
    "local": Member.Kind.LOCAL,
    "legacy local": Member.Kind.LOCAL,
    "other": Member.Kind.OTHER,
}
REGIONS = {**{str(label).lower(): value for value, label in Region.choices}, **{v: v for v in Region.values}}
# Cells kept as written, to quote them when a row cannot be written.
RAW_KEPT = (col.CODE, col.MEMBER_NAME, col.PLAN_ID, col.PLAN_NUMBER, col.COMMITMENT_NUMBER, col.IDENTIFIER)
TITLE_MAX = 500
CLUSTER_MAX = 100


@dataclass
class MemberData:
    code: str
    name: str
    kind: str
    region: str
    country: str


@dataclass
class PlanData:
    ogp_id: str
    number: int
    submission_year: int
    end_year: int
    duration: int | None


@dataclass
class RowData:
    row: int
    line: int
    identifier: str
    member: MemberData
    plan: PlanData
    commitment: dict
    policy_areas: frozenset
    design_year: int | None
    results_year: int | None
    design: dict
    results: dict
    ogp_flags: dict = field(default_factory=dict)
    raw: dict = field(default_factory=dict)


class RowParser(CellReader):
    """Reads rows of one sheet; `area_columns` maps the policy-area columns to PolicyArea ids."""

    def __init__(self, area_columns: dict[str, int]):
        self.area_columns = area_columns

    def parse(self, sheet_row: SheetRow) -> tuple[RowData | None, list[Issue], list[Issue]]:
        self.start(sheet_row)
        data = self._parse()
        return (None if self.errors else data), self.errors, self.warnings

    # Row ------------------------------------------------------------------------------------------
    def _parse(self) -> RowData:
        identifier = self.required(col.IDENTIFIER, 40)
        member = self._member()
        plan = self._plan()
        commitment = self._commitment()
        design = {spec.field: self.rating(spec) for spec in col.DESIGN_RATINGS}
        design["cluster"] = self._cluster()
        results = {spec.field: self.rating(spec) for spec in col.RESULTS_RATINGS}
        commitment.update({flag: design[f"relevance_{short}"] == Answer.YES for flag, short in _VALUE_FLAGS.items()})
        return RowData(
            row=self.sheet_row.row,
            line=self.sheet_row.line,
            identifier=identifier,
            member=member,
            plan=plan,
            commitment=commitment,
            policy_areas=self._policy_areas(),
            design_year=self.year(col.DESIGN_YEAR),
            results_year=self.year(col.RESULTS_YEAR),
            design=design,
            results=results,
            ogp_flags={name: values.clean(self.cells.get(name)) for name in col.OGP_FLAGS},
            raw={name: values.clean(self.cells.get(name)) for name in RAW_KEPT},
        )

    def _member(self) -> MemberData:
        code = self.required(col.CODE, 20).upper()
        name = self.required(col.MEMBER_NAME, 200)
        kind = KINDS.get(values.one_line(self.cells.get(col.KIND)).lower())
        if kind is None:
            self.error(col.KIND, _("Expected National, Local, Legacy Local or Other."))
        region = REGIONS.get(values.one_line(self.cells.get(col.REGION)).lower())
        if region is None:
            self.error(col.REGION, _("Unknown OGP region."))
        country = ""
        if kind != Member.Kind.LOCAL:
            country = countries.alpha2(code) or countries.by_name(name) or ""
        if "," in name:  # "South Cotabato, Philippines": the locality, then its country
            locality, _sep, country_name = name.rpartition(",")
            found = countries.by_name(country_name.strip())
            if found:
                name, country = locality.strip(), country or found
        return MemberData(code=code, name=name, kind=kind or "", region=region or "", country=country)

    def _plan(self) -> PlanData:
        ogp_id = self.required(col.PLAN_ID, 40)
        try:
            number = values.integer(self.cells.get(col.PLAN_NUMBER))
        except ValueError:
            number = None
        if not number:
            self.error(col.PLAN_NUMBER, _("Expected a whole number from 1."))
        submission = self.year(col.SUBMISSION_YEAR, required=True)
        end = self.year(col.END_YEAR, required=True)
        if submission and end and end < submission:
            message = _("The plan ends before the year it was submitted (%(year)s).") % {"year": submission}
            self.error(col.END_YEAR, message)
        try:
            duration = values.integer(self.cells.get(col.DURATION))
        except ValueError:
            duration = None
            self.warn(col.DURATION, _("Not a number of years; ignored."))
        return PlanData(ogp_id=ogp_id, number=number or 0, submission_year=submission, end_year=end, duration=duration)

    def _commitment(self) -> dict:
        number = values.number_text(self.cells.get(col.COMMITMENT_NUMBER))
        if not number:
            self.error(col.COMMITMENT_NUMBER, _("This cell is required."))
        elif len(number) > 20:
            self.error(col.COMMITMENT_NUMBER, _("Longer than %(max)s characters.") % {"max": 20})
        title = self.bounded_text(col.TITLE, TITLE_MAX) or self.bounded_text(col.SHORT_TITLE, TITLE_MAX)
        if not title:
            self.error(col.TITLE, _("A commitment needs a title (or a short title)."))
        start, start_text = self.date(col.START_DATE, end=False)
        end, end_text = self.date(col.END_DATE, end=True)
        if start and end and end < start:
            self.warn(col.END_DATE, _("Ends before it starts; the dates are kept as written only."))
            start = end = None
        return {
            "number": number,
            "title": title,
            "short_title": self.bounded_text(col.SHORT_TITLE, TITLE_MAX),
            "full_text": values.text(self.cells.get(col.FULL_TEXT)),
            "theme": self.bounded_text(col.THEME, TITLE_MAX),
            "start_date": start,
            "end_date": end,
            "start_date_text": start_text,
            "end_date_text": end_text,
            "lead_institution_text": values.text(self.cells.get(col.LEAD)),
            "supporting_institutions_text": values.text(self.cells.get(col.SUPPORTING)),
            "ogp_url": self._url(),
        }

    def _url(self) -> str:
        url = values.one_line(self.cells.get(col.URL))
        if not url:
            return ""
        try:
            URLValidator()(url)
        except ValidationError:
            self.warn(col.URL, _("Not a web address; ignored."))
            return ""
        if len(url) > 500:
            self.warn(col.URL, _("Longer than %(max)s characters; ignored.") % {"max": 500})
            return ""
        return url

    def _cluster(self) -> str:
        in_cluster = self.rating(col.Rating("cluster", Answer, code=col.AP_REVIEW_CLUSTER))
        column = col.CLUSTER_IDS if in_cluster == Answer.YES else col.CLUSTER
        value = values.number_text(self.cells.get(column))
        if len(value) > CLUSTER_MAX:
            self.warn(column, _("Shortened to %(max)s characters.") % {"max": CLUSTER_MAX})
            value = value[: CLUSTER_MAX - 1] + "…"
        return value

    def _policy_areas(self) -> frozenset:
        tagged = set()
        for column, area_id in self.area_columns.items():
            try:
                if values.yes_no(self.cells.get(column)):
                    tagged.add(area_id)
            except ValueError:
                self.error(column, _("A policy-area column holds 0 or 1."))
        return frozenset(tagged)


_VALUE_FLAGS = {
    "access_to_information": "ati",
    "civic_participation": "cp",
    "public_accountability": "pa",
    "technology_innovation": "tech",
}
