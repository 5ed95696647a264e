"""IRM report PDFs and imported sheets are private files: unguessable names, served only by the views."""

import importlib
import re
from types import SimpleNamespace
from unittest import mock
from urllib.parse import quote

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from common.jobs import job_claim, job_queue
from irm_reports import services
from irm_reports.models import ImportRun, Report, ReportRendering
from irm_reports.services.rendering import report_rendering_store
from tests.factories import ActionPlanFactory, UserFactory
from tests.factories.irm_reports import ReportFactory
from tests.migrations import migrated_to

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%%EOF\n"
TOKEN = r"[0-9a-f]{32}"


def _store(report: Report, pdf: bytes = PDF) -> Report:
    """What a worker does once it laid out the current version (again, when an earlier attempt died
    after writing its file)."""
    rendering, _created = ReportRendering.objects.get_or_create(
        report=report, version=report.version, language=report.language
    )
    job_queue(rendering)
    Report.objects.filter(pk=report.pk).update(rendering=rendering, status=Report.Status.QUEUED)
    report_rendering_store(rendering=job_claim(ReportRendering, rendering.pk), pdf=pdf, pages=1)
    return Report.objects.get(pk=report.pk)


def test_a_reports_pdf_is_stored_in_a_random_folder_of_its_own(assigned):
    """The path of an unpublished PDF cannot be derived from the report's id, member, years, type,
    version and language; a second render of the same version replaces the same file."""
    first = _store(ReportFactory(action_plan=assigned.action_plan))
    second = _store(ReportFactory(action_plan=assigned.action_plan, review=True))
    for report in (first, second):
        assert re.fullmatch(rf"irm_reports/{report.pk}/{TOKEN}/[a-z0-9_-]+-v1-en\.pdf", report.pdf.name)
        guessable = f"irm_reports/{report.pk}/{report.pdf.name.rsplit('/', 1)[-1]}"
        assert not default_storage.exists(guessable)
    assert first.pdf.name.split("/")[2] != second.pdf.name.split("/")[2]
    again = _store(first, pdf=PDF + b"% again\n")
    assert again.pdf.name == first.pdf.name
    assert default_storage.listdir(first.pdf.name.rsplit("/", 1)[0])[1] == [first.pdf.name.rsplit("/", 1)[-1]]


def test_behind_nginx_the_unpublished_pdf_goes_to_its_team_only(settings, report, researcher, other_researcher):
    """The team's download is an X-Accel-Redirect to nginx's internal location; anyone else is refused
    without it; once published, the version's PDF is everyone's."""
    settings.PRIVATE_FILES_ACCEL_PREFIX = "/_private/"
    report = _store(report)
    url = reverse("irm_reports:report-pdf", args=[report.pk])
    anonymous = Client().get(url)
    assert anonymous.status_code == 302 and "X-Accel-Redirect" not in anonymous
    other = Client()
    other.force_login(other_researcher)
    refused = other.get(url)
    assert refused.status_code in (403, 404) and "X-Accel-Redirect" not in refused
    team = Client()
    team.force_login(researcher)
    response = team.get(url)
    assert response.status_code == 200 and response.content == b""
    assert response["X-Accel-Redirect"] == "/_private/" + quote(report.pdf.name)
    assert response["Content-Type"] == "application/pdf" and "private" in response["Cache-Control"]
    public_url = reverse("irm_reports:report-version-pdf", args=[report.pk, 1])
    assert Client().get(public_url).status_code == 404
    services.report_publish(report=report, published_by=researcher)
    published = Client().get(public_url)
    assert published.status_code == 200 and published["X-Accel-Redirect"] == "/_private/" + quote(report.pdf.name)


def test_an_uploaded_sheet_is_stored_in_a_random_folder():
    run = ImportRun.objects.create(file=ContentFile(b"Code,Name\n", name="kenya.csv"), uploaded_by=UserFactory())
    assert re.fullmatch(rf"irm_imports/{timezone.now():%Y/%m}/{TOKEN}/kenya\.csv", run.file.name)


def _schema_editor():
    """What RunPython passes: only its connection is used."""
    return SimpleNamespace(connection=connection)


def _old_report(apps, plan, **fields):
    """A report as the code of migration 0007's time wrote it, with its history row."""
    report = apps.get_model("irm_reports", "Report").objects.create(
        action_plan_id=plan.pk, report_type="results_report", methodology="refresh_2021", **fields
    )
    history = apps.get_model("irm_reports", "HistoricalReport")
    values = {f.attname: getattr(report, f.attname) for f in report._meta.concrete_fields}
    history.objects.create(**values, history_date=timezone.now(), history_type="+")
    return report


@pytest.mark.django_db(transaction=True)
def test_the_migration_moves_files_stored_under_guessable_names_and_loses_none(media_root):
    """Files written before the random folders (report PDFs, published versions, imported sheets) are
    moved into random folders, their rows follow, and their contents are unchanged."""
    migration = importlib.import_module("irm_reports.migrations.0007_private_file_names")
    plan = ActionPlanFactory(completed=True)
    name = "madrid-2020-2022-results_report-v1-en.pdf"
    old_pdf = default_storage.save(f"irm_reports/0/{name}", ContentFile(PDF))
    old_sheet = default_storage.save("irm_imports/2026/01/kenya.csv", ContentFile(b"Code,Name\n"))
    with migrated_to(("irm_reports", "0007_private_file_names")) as migrator:
        old = migrator.apps
        report = _old_report(old, plan, status="published", pdf=old_pdf, pdf_sha256="0" * 64)
        version = old.get_model("irm_reports", "PublishedVersion").objects.create(
            report=report, version=1, language="en", pdf=old_pdf, sha256="0" * 64, size=3, published_at=timezone.now()
        )
        run = old.get_model("irm_reports", "ImportRun").objects.create(file=old_sheet)
        lost = _old_report(old, plan, language="fr", pdf="irm_reports/0/gone.pdf", pdf_sha256="0" * 64)

        with transaction.atomic():  # the migration's own transaction
            migration.move_files_to_unguessable_names(old, _schema_editor())
            assert default_storage.exists(old_pdf)  # deleted only once the migration has committed
        assert not default_storage.exists(old_pdf)

        for row in (report, version, run, lost):
            row.refresh_from_db()
        assert report.pdf.name == f"irm_reports/0/{report.file_token}/{name}"
        assert version.pdf.name == report.pdf.name and report.pdf.read() == PDF
        assert re.fullmatch(rf"irm_imports/2026/01/{TOKEN}/kenya\.csv", run.file.name)
        assert run.file.read() == b"Code,Name\n" and not default_storage.exists(old_sheet)
        assert lost.pdf.name == "irm_reports/0/gone.pdf"
        history = old.get_model("irm_reports", "HistoricalReport").objects.get(id=report.pk)
        assert history.pdf == report.pdf.name


@pytest.mark.django_db(transaction=True)
def test_a_migration_that_fails_halfway_leaves_every_row_naming_a_file_that_exists(media_root):
    """The second file cannot be copied: the migration's transaction rolls back, the first report's row
    goes back to its old name, and that file is still there (nor is any copy left behind)."""
    migration = importlib.import_module("irm_reports.migrations.0007_private_file_names")
    plan = ActionPlanFactory(completed=True)
    first = default_storage.save("irm_reports/0/first-v1-en.pdf", ContentFile(PDF))
    second = default_storage.save("irm_reports/0/second-v1-en.pdf", ContentFile(PDF))
    save, saved = default_storage.save, []

    def copy_once(name, content, *args, **kwargs):
        if saved:
            raise OSError("disk full")
        saved.append(save(name, content, *args, **kwargs))
        return saved[-1]

    with migrated_to(("irm_reports", "0007_private_file_names")) as migrator:
        one = _old_report(migrator.apps, plan, pdf=first, pdf_sha256="0" * 64)
        two = _old_report(migrator.apps, plan, language="fr", pdf=second, pdf_sha256="0" * 64)
        with (
            mock.patch.object(default_storage, "save", side_effect=copy_once),
            pytest.raises(OSError),
            transaction.atomic(),  # the migration's own transaction
        ):
            migration.move_files_to_unguessable_names(migrator.apps, _schema_editor())

        assert len(saved) == 1
        for report, name in ((one, first), (two, second)):
            report.refresh_from_db()
            assert report.pdf.name == name and default_storage.exists(name) and report.pdf.read() == PDF
        assert not default_storage.exists(saved[0])
