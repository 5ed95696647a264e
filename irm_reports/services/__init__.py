"""Writes of the IRM app; every state rule of reports and assessments is enforced here.

Two modules are not re-exported here: `irm_reports.services.imports` (the imports of OGP's data sheet:
the importer uses the report services, and the import services use the importer) and
`irm_reports.services.rendering` (what a worker runs: it loads WeasyPrint, which the web processes
never need).
"""

from irm_reports.services.assessments import assessment_save, recommendations_save, requirement_assessments_save
from irm_reports.services.reports import (
    latest_assessments_refresh,
    report_create,
    report_new_version,
    report_publish,
    report_request_render,
    report_update,
    researcher_assign,
    researcher_unassign,
)

__all__ = [
    "assessment_save",
    "latest_assessments_refresh",
    "recommendations_save",
    "report_create",
    "report_new_version",
    "report_publish",
    "report_request_render",
    "report_update",
    "requirement_assessments_save",
    "researcher_assign",
    "researcher_unassign",
]
