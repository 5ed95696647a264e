import pytest
from django.core.management import CommandError, call_command

from irm_reports.models import Report
from tests.factories.irm_reports import complete_results_report

pytestmark = pytest.mark.django_db


def test_render_report_sync_renders_in_the_command(capsys):
    report = complete_results_report(commitments=2)
    call_command("render_report", str(report.pk), "--sync")
    report.refresh_from_db()
    assert report.status == Report.Status.READY
    out = capsys.readouterr().out
    assert f"Report {report.pk} version 1" in out and report.pdf_sha256 in out


def test_render_report_queues_by_default(django_capture_on_commit_callbacks, capsys):
    report = complete_results_report(commitments=1)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        call_command("render_report", str(report.pk))
    assert "queued" in capsys.readouterr().out and len(callbacks) == 1
    assert Report.objects.get(pk=report.pk).status == Report.Status.QUEUED


def test_render_report_explains_what_is_missing(report):
    with pytest.raises(CommandError, match="cannot be rendered yet"):
        call_command("render_report", str(report.pk), "--sync")
    with pytest.raises(CommandError, match="no report"):
        call_command("render_report", "999999")
