"""Writes of the IRM app; every state rule of reports and assessments is enforced here."""

from irm_reports.services.assessments import assessment_save, recommendations_save, requirement_assessments_save
from irm_reports.services.imports import (
    import_run_claim,
    import_run_create,
    import_run_execute,
    import_run_failed,
    import_run_progress,
    import_run_release,
    import_run_repeat,
    import_run_requeue_stale,
)
from irm_reports.services.rendering import (
    report_claim,
    report_pdf_name,
    report_progress,
    report_release,
    report_render,
    report_render_failed,
    report_requeue_stale,
    report_store_pdf,
)
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
    "import_run_claim",
    "import_run_create",
    "import_run_execute",
    "import_run_failed",
    "import_run_progress",
    "import_run_release",
    "import_run_repeat",
    "import_run_requeue_stale",
    "assessment_save",
    "latest_assessments_refresh",
    "recommendations_save",
    "report_claim",
    "report_create",
    "report_new_version",
    "report_pdf_name",
    "report_progress",
    "report_publish",
    "report_release",
    "report_render",
    "report_render_failed",
    "report_request_render",
    "report_requeue_stale",
    "report_store_pdf",
    "report_update",
    "requirement_assessments_save",
    "researcher_assign",
    "researcher_unassign",
]
