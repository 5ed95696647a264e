"""Writes of the IRM app; every state rule of reports and assessments is enforced here.

The imports of OGP's data sheet are in `irm_reports.services.imports` (not re-exported here: the importer
uses the report services, and the import services use the importer).
"""

from irm_reports.services.assessments import assessment_save, recommendations_save, requirement_assessments_save
from irm_reports.services.rendering import report_pdf_name, report_rendering_run, report_rendering_store
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
    "report_pdf_name",
    "report_publish",
    "report_rendering_run",
    "report_rendering_store",
    "report_request_render",
    "report_update",
    "requirement_assessments_save",
    "researcher_assign",
    "researcher_unassign",
]
