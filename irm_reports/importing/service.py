"""Importing OGP's commitments and IRM data sheet: read, check every row, then write plan by plan.

Each action plan is written in its own transaction: a plan that fails is reported and rolled back
without losing the others, and a bad row is reported and skipped. A dry run does everything and
rolls it back, so its counts are exactly what a real import would do.
"""

import copy
import time
from collections.abc import Callable
from itertools import groupby

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils.translation import gettext as _

from commitments.models import PolicyArea
from irm_reports.importing import checks
from irm_reports.importing import columns as col
from irm_reports.importing.assessments import AssessmentWriter
from irm_reports.importing.members import MemberIndex, MemberProblem, member_upsert
from irm_reports.importing.reader import FileRejected, read_sheet
from irm_reports.importing.reports import classify
from irm_reports.importing.rows import RowData, RowParser
from irm_reports.importing.summary import ImportSummary, Issue
from irm_reports.importing.writer import CommitmentWriter, MemberState, RowProblem, plan_upsert

Progress = Callable[[int, int], None]


def import_ogp_data(
    source, *, name: str = "", dry_run: bool = False, progress: Progress | None = None
) -> ImportSummary:
    """Import OGP's sheet from `source` (a path or a binary file); returns what was done.

    `progress(rows_done, rows_total)` is called after each member, outside any transaction.
    """
    started = time.monotonic()
    summary = ImportSummary(dry_run=dry_run)
    try:
        rows = _read(source, name, summary)
    except FileRejected as error:
        summary.fatal = str(error)
        return summary
    members = MemberIndex()
    done = 0
    for _code, group in groupby(sorted(rows, key=lambda r: (r.member.code, r.row)), key=lambda r: r.member.code):
        group = sorted(group, key=lambda r: r.row)
        if dry_run:
            with transaction.atomic():
                _write_member(members, group, summary, dry_run=True)
                transaction.set_rollback(True)
        else:
            _write_member(members, group, summary, dry_run=False)
        done += len(group)
        if progress:
            progress(done, summary.rows_total)
    summary.rows_imported = len(rows) - len({i.row for i in summary.errors} & {r.row for r in rows})
    summary.seconds = round(time.monotonic() - started, 2)
    return summary


def _read(source, name: str, summary: ImportSummary) -> list[RowData]:
    """Every row of the file parsed and checked; bad rows are in summary.errors."""
    sheet = read_sheet(source, name=name)
    missing = [c for c in col.REQUIRED if c not in sheet.header]
    if missing:
        raise FileRejected(_("Columns missing from the file: %(columns)s.") % {"columns": ", ".join(missing)})
    areas = {}
    area_names = dict(PolicyArea.objects.values_list("name", "pk"))
    lowered = {n.lower(): pk for n, pk in area_names.items()}
    for column in sheet.header:
        pk = area_names.get(column) or (None if column in col.KNOWN else lowered.get(column.lower()))
        if pk:
            areas[column] = pk
    ignored = [c for c in sheet.header if c and c not in col.KNOWN and c not in col.DERIVED and c not in areas]
    if ignored:
        summary.notices.append(_("Columns not imported (unknown): %(columns)s.") % {"columns": ", ".join(ignored)})
    if sheet.encoding == "cp1252":
        summary.notices.append(_("The file was not UTF-8; it was read as Windows-1252 text."))
    summary.rows_total = len(sheet.rows)
    parser, rows, seen = RowParser(areas), [], {}
    for sheet_row in sheet.rows:
        data, errors, warnings = parser.parse(sheet_row)
        summary.warnings += warnings
        if data is not None and data.identifier in seen:
            errors = [
                Issue(
                    sheet_row.row,
                    sheet_row.line,
                    col.IDENTIFIER,
                    data.identifier,
                    _("This commitment is already in row %(row)s.") % {"row": seen[data.identifier]},
                    data.identifier,
                )
            ]
            data = None
        summary.errors += errors
        if data is None:
            summary.count("commitments", "skipped")
            continue
        seen[data.identifier] = sheet_row.row
        rows.append(data)
    return rows


def _skip(summary: ImportSummary, rows: list[RowData], column: str, message: str) -> None:
    for row in rows:
        summary.errors.append(Issue(row.row, row.line, column, row.raw.get(column, ""), message, row.identifier))
        summary.count("commitments", "skipped")


def _message(error: Exception) -> str:
    if isinstance(error, ValidationError) and hasattr(error, "error_dict"):
        return "; ".join(f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items())
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    return str(error)


def _write_member(members: MemberIndex, rows: list[RowData], summary: ImportSummary, *, dry_run: bool) -> None:
    first = rows[0]
    for row in rows[1:]:
        for name in ("kind", "region"):
            if getattr(row.member, name) != getattr(first.member, name):
                summary.warnings.append(
                    Issue(
                        row.row,
                        row.line,
                        col.KIND if name == "kind" else col.REGION,
                        getattr(row.member, name),
                        _("Differs from row %(row)s of the same member; row %(row)s is used.") % {"row": first.row},
                        row.identifier,
                    )
                )
    try:
        with transaction.atomic():
            member, outcome = member_upsert(index=members, data=first.member)
    except (MemberProblem, ValidationError) as error:
        _skip(summary, rows, col.MEMBER_NAME, _message(error))
        return
    summary.count("members", outcome)
    plans = {}
    for row in rows:
        plans.setdefault(row.plan.ogp_id, []).append(row)
    state = MemberState(member, [r.identifier for r in rows], list(plans))
    for plan_rows in plans.values():
        before = (copy.deepcopy(summary.counts), summary.compared, len(summary.disagreements))
        try:
            with transaction.atomic():
                _write_plan(state, plan_rows, summary)
        except (RowProblem, ValidationError, DatabaseError) as error:
            # The plan's transaction is rolled back: so are its counts and what was read for it.
            summary.counts, summary.compared, kept = before[0], before[1], before[2]
            del summary.disagreements[kept:]
            if isinstance(error, RowProblem):
                _skip(summary, plan_rows, error.column, str(error))
            else:
                message = _("The action plan could not be imported: %(error)s") % {"error": _message(error)}
                _skip(summary, plan_rows, "", message)
            state = MemberState(member, [r.identifier for r in rows], list(plans))


def _write_plan(state: MemberState, rows: list[RowData], summary: ImportSummary) -> None:
    first = rows[0]
    for row in rows[1:]:
        if row.plan != first.plan:
            summary.warnings.append(
                Issue(
                    row.row,
                    row.line,
                    col.PLAN_ID,
                    row.plan.ogp_id,
                    _("The plan's number or years differ from row %(row)s; row %(row)s is used.") % {"row": first.row},
                    row.identifier,
                )
            )
    plan, outcome = plan_upsert(state=state, data=first.plan)
    summary.count("action_plans", outcome)
    writer = CommitmentWriter(state, plan, summary)
    written = []
    for row in rows:
        try:
            written.append((row, writer.write(row)))
        except RowProblem as error:
            _skip(summary, [row], error.column, str(error))
    writer.flush()
    kinds = classify([row for row, _c in written], plan.submission_year or first.plan.submission_year)
    for row, _commitment in written:
        compared, disagreements = checks.compare(row, kinds[1])
        summary.compared += compared
        summary.disagreements += disagreements
    AssessmentWriter(plan, summary).write(kinds, written)
