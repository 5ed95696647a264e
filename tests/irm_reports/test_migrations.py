"""Migrations 0008 and 0009: the render fields of each report become rows of ReportRendering."""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from tests.factories import ActionPlanFactory, UserFactory
from tests.migrations import migrated_to

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = ("irm_reports", "0008_standardrequirement_to_commitments")
AFTER = ("irm_reports", "0010_report_render_fields_moved")
SHA = "a" * 64


def _reports(apps, researcher) -> dict:
    """Reports in every state, as the code before the renderings wrote them."""
    plan = ActionPlanFactory(completed=True)
    Report = apps.get_model("irm_reports", "Report")
    now = timezone.now()
    started, finished = now - timedelta(minutes=3), now - timedelta(minutes=2)
    pdf = default_storage.save("irm_reports/1/token/plan-results_report-v1-en.pdf", ContentFile(b"%PDF-1.4 v1"))
    attempt = {
        "requested_by_id": researcher.pk,
        "requested_at": started,
        "render_started_at": started,
        "render_finished_at": finished,
        "heartbeat_at": finished,
        "render_attempts": 2,
    }
    stored = {"pdf": pdf, "pdf_sha256": SHA, "pdf_size": 11, "pdf_pages": 9, "rendered_version": 1}

    def report(language, report_type="results_report", **fields):
        methodology = "legacy_2015" if report_type == "end_of_term_report" else "refresh_2021"
        return Report.objects.create(
            action_plan_id=plan.pk, report_type=report_type, methodology=methodology, language=language, **fields
        )

    return {
        "draft": report("en"),
        "ready": report("fr", status="ready", **stored, **attempt),
        "new_version": report("es", status="draft", version=2, **stored, **attempt),
        "rendering": report(
            "en", "action_plan_review", status="rendering", version=2, progress_step="laying_out", **stored, **attempt
        ),
        "failed": report("fr", "action_plan_review", status="failed", error="ValueError: no layout", **attempt),
        "queued": report("es", "action_plan_review", status="queued", requested_at=now, heartbeat_at=now),
        "imported": report("en", "end_of_term_report", status="published", source="imported"),
    }


def test_each_report_gets_the_rendering_of_its_pdf_and_of_its_current_job(media_root):
    researcher = UserFactory(researcher=True)
    with migrated_to(BEFORE) as migrator:
        old = {name: report.pk for name, report in _reports(migrator.apps, researcher).items()}
        migrator.to(AFTER)
        Report = migrator.apps.get_model("irm_reports", "Report")
        ReportRendering = migrator.apps.get_model("irm_reports", "ReportRendering")
        reports = {name: Report.objects.get(pk=pk) for name, pk in old.items()}
        rows = {
            name: list(ReportRendering.objects.filter(report_id=pk).order_by("version").values())
            for name, pk in old.items()
        }

    assert rows["draft"] == rows["imported"] == [] and reports["draft"].rendering_id is None
    assert reports["imported"].status == "published"
    [ready] = rows["ready"]
    assert ready["status"] == "done" and (ready["version"], ready["language"]) == (1, "fr")
    assert ready["pdf"].endswith("-v1-en.pdf")
    assert (ready["pdf_sha256"], ready["pdf_pages"], ready["pdf_size"]) == (SHA, 9, 11)
    assert ready["requested_by_id"] == researcher.pk and ready["attempts"] == 2
    assert ready["started_at"] < ready["finished_at"] and reports["ready"].rendering_id == ready["id"]
    assert reports["ready"].status == "ready"
    [earlier] = rows["new_version"]  # reopened as version 2: its PDF is still version 1's
    assert (earlier["status"], earlier["version"]) == ("done", 1) and reports["new_version"].rendering_id == earlier[
        "id"
    ]
    done, running = rows["rendering"]
    assert (done["status"], done["version"], done["pdf_sha256"], done["attempts"]) == ("done", 1, SHA, 0)
    assert (running["status"], running["version"], running["step"], running["attempts"]) == (
        "running",
        2,
        "laying_out",
        2,
    )
    assert running["pdf"] == "" and running["requested_by_id"] == researcher.pk
    assert reports["rendering"].rendering_id == running["id"] and reports["rendering"].status == "rendering"
    [failed] = rows["failed"]
    assert (failed["status"], failed["error"], failed["pdf"]) == ("failed", "ValueError: no layout", "")
    [queued] = rows["queued"]
    assert (queued["status"], queued["version"], queued["attempts"]) == ("queued", 1, 0)
    assert reports["queued"].rendering_id == queued["id"]


def test_going_back_puts_the_render_fields_on_the_reports_again(media_root):
    researcher = UserFactory(researcher=True)
    with migrated_to(BEFORE) as migrator:
        old = {name: report.pk for name, report in _reports(migrator.apps, researcher).items()}
        Report = migrator.apps.get_model("irm_reports", "Report")
        fields = ["status", "version", "pdf", "pdf_sha256", "rendered_version", "render_attempts", "error"]
        fields += ["progress_step", "requested_by_id"]
        before = {name: Report.objects.filter(pk=pk).values(*fields).get() for name, pk in old.items()}
        migrator.to(AFTER)
        migrator.to(BEFORE)
        Report = migrator.apps.get_model("irm_reports", "Report")
        after = {name: Report.objects.filter(pk=pk).values(*fields).get() for name, pk in old.items()}

    assert after == before
