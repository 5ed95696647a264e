"""Writing a plan's imported IRM reports and their commitment assessments.

An imported report is published (it is OGP's history) and has no PDF; its date is the year the
sheet gives, so the latest assessment of a commitment follows the sheet (a results report after the
design report of the same year). A report the IRM team writes or reopens in the portal is theirs:
the import leaves it alone and says so.
"""

from django.utils.translation import gettext as _

from commitments.models import ActionPlan, Commitment
from irm_reports.importing.reports import ReportKind
from irm_reports.importing.rows import RowData
from irm_reports.importing.summary import ImportSummary, Issue
from irm_reports.importing.writer import assign, validate
from irm_reports.indicators import derived_flags
from irm_reports.models import CommitmentAssessment, Report
from irm_reports.services.reports import latest_assessments_refresh

LANGUAGE = "en"  # OGP's sheet is in English


def _desired(kind: ReportKind, row: RowData) -> dict:
    ratings = kind.ratings(row)
    values = {name: ratings.get(name) for name in CommitmentAssessment.RATINGS}
    values["cluster"] = ratings.get("cluster") or ""
    values.update(derived_flags(values, kind.methodology)._asdict())
    return values


class AssessmentWriter:
    """The imported reports of one plan, read once (two queries), and their assessments."""

    def __init__(self, plan: ActionPlan, summary: ImportSummary):
        self.plan, self.summary = plan, summary
        self.reports = {r.report_type: r for r in Report.objects.filter(action_plan=plan, language=LANGUAGE)}
        self.assessments = {
            (a.report_id, a.commitment_id): a for a in CommitmentAssessment.objects.filter(report__action_plan=plan)
        }

    def write(self, kinds: tuple[ReportKind, ...], rows: list[tuple[RowData, Commitment]]) -> None:
        for kind in kinds:
            dated = [(row, commitment) for row, commitment in rows if kind.year(row)]
            report = self._report(kind, dated) if dated else self.reports.get(kind.report_type)
            if report is None:
                continue
            if not self._writable(report):
                if dated:
                    self._left_alone(report, dated)
                continue
            for row, commitment in dated:
                self._assessment(report, kind, row, commitment)
            self._remove_stale(report, [c for row, c in rows if not kind.year(row)])
        self._remove_other_kinds(kinds, [c for _row, c in rows])
        latest_assessments_refresh(plan_id=self.plan.pk)

    @staticmethod
    def _writable(report: Report) -> bool:
        return report.source == Report.Source.IMPORTED and report.status == Report.Status.PUBLISHED

    def _report(self, kind: ReportKind, dated: list) -> Report:
        year = max(kind.year(row) for row, _c in dated)
        desired = {"methodology": kind.methodology, "published_at": kind.published_at(year)}
        report = self.reports.get(kind.report_type)
        if report is None:
            report = Report(
                action_plan=self.plan,
                report_type=kind.report_type,
                language=LANGUAGE,
                source=Report.Source.IMPORTED,
                status=Report.Status.PUBLISHED,
                **desired,
            )
            outcome = "created"
        elif not self._writable(report):
            return report
        else:
            outcome = "updated" if assign(report, desired) else "unchanged"
        if outcome != "unchanged":
            validate(report)
            report.save()
        self.reports[kind.report_type] = report
        self.summary.count("reports", outcome)
        return report

    def _assessment(self, report: Report, kind: ReportKind, row: RowData, commitment: Commitment) -> None:
        desired = _desired(kind, row)
        assessment = self.assessments.get((report.pk, commitment.pk))
        if assessment is None:
            assessment = CommitmentAssessment(report=report, commitment=commitment, **desired)
            outcome = "created"
        else:
            outcome = "updated" if assign(assessment, desired) else "unchanged"
        if outcome != "unchanged":
            assessment.report, assessment.commitment = report, commitment
            validate(assessment)
            assessment.save()
            self.assessments[(report.pk, commitment.pk)] = assessment
        self.summary.count("assessments", outcome)

    def _remove_stale(self, report: Report, commitments: list[Commitment]) -> None:
        """Assessments of commitments whose row no longer dates this report (the sheet changed)."""
        stale = [self.assessments.pop((report.pk, c.pk)) for c in commitments if (report.pk, c.pk) in self.assessments]
        for assessment in stale:
            assessment.delete()
        self.summary.count("assessments", "deleted", len(stale))
        if stale and not any(key[0] == report.pk for key in self.assessments):
            self.reports.pop(report.report_type)
            report.delete()
            self.summary.count("reports", "deleted")

    def _remove_other_kinds(self, kinds: tuple[ReportKind, ...], commitments: list[Commitment]) -> None:
        """An imported report of a type the rows no longer describe (the sheet was corrected)."""
        current = {kind.report_type for kind in kinds}
        for report_type, report in list(self.reports.items()):
            if report_type not in current and self._writable(report):
                self._remove_stale(report, commitments)

    def _left_alone(self, report: Report, dated: list) -> None:
        row = dated[0][0]
        self.summary.count("assessments", "skipped", len(dated))
        self.summary.warnings.append(
            Issue(
                row.row,
                row.line,
                "",
                "",
                _(
                    "This plan's %(type)s is written in the portal (%(status)s): its ratings in the file "
                    "(%(count)s commitments) were not imported over it."
                )
                % {
                    "type": report.get_report_type_display(),
                    "status": report.get_status_display(),
                    "count": len(dated),
                },
                row.identifier,
            )
        )
