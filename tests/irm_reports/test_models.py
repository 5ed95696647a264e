import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import RestrictedError

from irm_reports.models import Report, ReportRendering
from tests.factories.irm_reports import ReportFactory

pytestmark = pytest.mark.django_db


def test_one_report_of_a_type_per_plan_and_language(report):
    duplicate = Report(action_plan=report.action_plan, report_type=report.report_type, methodology=report.methodology)
    with pytest.raises(ValidationError, match="already has a report of this type"):
        duplicate.full_clean()
    ReportFactory(action_plan=report.action_plan, language="fr")


def test_a_report_type_is_written_with_its_own_methodologies(completed_plan):
    report = Report(action_plan=completed_plan, report_type="action_plan_review", methodology="legacy_2014")
    with pytest.raises(ValidationError) as error:
        report.full_clean()
    assert "IRM Refresh" in str(error.value.message_dict["methodology"])


def test_a_ready_report_has_its_pdf(report):
    with pytest.raises(IntegrityError):
        Report.objects.filter(pk=report.pk).update(status="ready")


def test_an_imported_report_is_published_without_a_pdf_and_a_portal_one_is_not(completed_plan):
    """OGP's history has no PDF in the portal; every report written in the portal keeps the rule."""
    imported = Report.objects.create(
        action_plan=completed_plan,
        report_type="end_of_term_report",
        methodology="legacy_2015",
        source=Report.Source.IMPORTED,
        status=Report.Status.PUBLISHED,
    )
    assert imported.is_imported and not imported.has_current_pdf
    for status in (Report.Status.READY, Report.Status.PUBLISHED):
        with pytest.raises(IntegrityError), transaction.atomic():
            Report.objects.create(
                action_plan=completed_plan, report_type="progress_report", methodology="legacy_2015", status=status
            )
    with pytest.raises(IntegrityError), transaction.atomic():
        Report.objects.filter(pk=imported.pk).update(status=Report.Status.READY)


def test_a_report_is_deleted_with_its_renderings_and_its_latest_rendering_only_with_it():
    report = ReportFactory(status="ready", pdf="irm_reports/x.pdf", pdf_sha256="0" * 64)
    with pytest.raises(RestrictedError):
        report.rendering.delete()
    report.delete()
    assert not ReportRendering.objects.exists()
