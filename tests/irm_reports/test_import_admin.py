"""The support unit uploads OGP's sheet in the admin and reads what the import did."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from commitments.models import Commitment
from irm_reports.importing import OGP_SAMPLE
from irm_reports.models import ImportRun
from tests.factories import UserFactory
from tests.irm_reports.sheets import sample, write_csv

pytestmark = pytest.mark.django_db
ADD = reverse("admin:irm_reports_importrun_add")


def _upload(path, name=None) -> SimpleUploadedFile:
    return SimpleUploadedFile(name or path.name, path.read_bytes(), content_type="text/csv")


@pytest.fixture
def small_file(tmp_path):
    """Kenya's rows of the sample, one of them with an unknown label."""
    header, rows = sample()
    rows = [r for r in rows if r["Code"] == "KEN"]
    rows[0]["Potential Impact"] = "Enormous"
    return write_csv(tmp_path / "kenya.csv", header, rows)


def test_a_small_file_is_imported_at_once_and_its_summary_shown(client, staff_user, small_file):
    client.force_login(staff_user)
    response = client.post(ADD, {"file": _upload(small_file)}, follow=True)
    run = ImportRun.objects.get()
    assert response.redirect_chain[-1][0] == reverse("admin:irm_reports_importrun_change", args=[run.pk])
    assert run.status == ImportRun.Status.DONE and run.uploaded_by == staff_user and run.rows_done == 8
    page = response.content.decode()
    assert "here is what changed" in page
    assert "8 rows read, 7 imported, 1 skipped" in page
    assert "Potential Impact" in page and "Enormous" in page and "Not a label of “potential impact”" in page
    assert Commitment.objects.count() == 7


def test_a_large_file_is_imported_by_a_worker_with_its_progress(client, staff_user, django_capture_on_commit_callbacks):
    client.force_login(staff_user)
    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(ADD, {"file": _upload(OGP_SAMPLE)}, follow=True)
    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.QUEUED and len(callbacks) == 1
    page = response.content.decode()
    assert "queued for a worker" in page and 'class="import-progress"' in page
    progress_url = reverse("admin:irm_reports_importrun_progress", args=[run.pk])
    assert progress_url in page
    assert client.get(progress_url).json() == {
        "status": "queued",
        "running": True,
        "rows_done": 0,
        "rows_total": None,
        "percent": 0,
    }
    callbacks[0]()  # the worker's turn (tasks run eagerly in tests)
    run.refresh_from_db()
    assert run.status == ImportRun.Status.DONE and run.rows_done == run.rows_total == 269
    assert client.get(progress_url).json()["percent"] == 100
    page = client.get(run.get_absolute_url()).content.decode()
    assert "269 rows read, 269 imported, 0 skipped" in page and "JO0062" in page and "High Ambition" in page
    listing = client.get(reverse("admin:irm_reports_importrun_changelist")).content.decode()
    assert "269 rows, 0 skipped, 1 disagreements" in listing


def test_a_dry_run_saves_nothing_and_can_then_be_imported_for_real(client, staff_user, small_file):
    client.force_login(staff_user)
    response = client.post(ADD, {"file": _upload(small_file), "dry_run": "on"}, follow=True)
    page = response.content.decode()
    assert "Dry run: nothing was saved." in page and "8 rows read, 7 would be imported, 1 skipped" in page
    assert Commitment.objects.count() == 0
    dry = ImportRun.objects.get()
    response = client.post(
        reverse("admin:irm_reports_importrun_changelist"),
        {"action": "import_for_real", "_selected_action": [dry.pk]},
        follow=True,
    )
    real = ImportRun.objects.exclude(pk=dry.pk).get()
    assert not real.dry_run and real.status == ImportRun.Status.DONE and real.file.name == dry.file.name
    assert Commitment.objects.count() == 7


def test_only_csv_or_excel_files_are_accepted(client, staff_user, tmp_path):
    client.force_login(staff_user)
    response = client.post(ADD, {"file": SimpleUploadedFile("notes.txt", b"hello")})
    assert response.status_code == 200 and ImportRun.objects.count() == 0
    assert "File extension “txt” is not allowed" in response.content.decode()


def test_a_file_that_is_not_the_sheet_fails_with_its_reason(client, staff_user, tmp_path):
    client.force_login(staff_user)
    path = tmp_path / "other.csv"
    path.write_text("Name,Year\nA,2020\n", encoding="utf-8")
    client.post(ADD, {"file": _upload(path)})
    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.FAILED and "Columns missing from the file" in run.error
    assert "The file was not imported" in client.get(run.get_absolute_url()).content.decode()


@pytest.mark.parametrize("role", ["participant", "researcher"])
def test_only_the_support_unit_uploads(client, role, small_file):
    user = UserFactory(researcher=True) if role == "researcher" else UserFactory()
    client.force_login(user)
    response = client.post(ADD, {"file": _upload(small_file)})
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert ImportRun.objects.count() == 0
