"""The import of OGP's sample on an empty database: the command, a dry run, the importer's language.

(tests/irm_reports/test_import_sample.py checks what the import made, on the sample imported once.)
"""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from commitments.models import ActionPlan, Commitment, Member
from irm_reports.importing import OGP_SAMPLE, import_ogp_data
from irm_reports.models import CommitmentAssessment, Report

pytestmark = pytest.mark.django_db

HISTORY = (Member.history, ActionPlan.history, Commitment.history)


@pytest.mark.parametrize("language", ["fr", "es"])
def test_the_import_reads_ogps_english_labels_whatever_language_the_importer_uses(language):
    """An upload in the admin runs in the uploader's language (at once, without a worker): same result."""
    from django.utils import translation

    with translation.override(language):
        summary = import_ogp_data(OGP_SAMPLE)
    assert summary.rows_imported == 269 and summary.errors == []
    assert CommitmentAssessment.objects.filter(starred=True).exists()


def test_a_dry_run_writes_nothing_and_counts_what_it_would_do():
    summary = import_ogp_data(OGP_SAMPLE, dry_run=True)
    assert summary.dry_run and summary.counts["commitments"]["created"] == 269
    assert summary.counts["assessments"]["created"] == 402
    assert Member.objects.count() == Commitment.objects.count() == Report.objects.count() == 0
    assert [h.count() for h in HISTORY] == [0, 0, 0]


def test_the_command_prints_the_summary_and_its_progress(tmp_path):
    out, err = StringIO(), StringIO()
    call_command("import_ogp_commitments", str(OGP_SAMPLE), stdout=out, stderr=err)
    text = out.getvalue()
    assert "269 rows read, 269 imported, 0 skipped" in text
    assert "Commitments" in text and "JO0062 (row 174): High Ambition" in text
    assert "row 35 (line 891), KE0037, column “Start Date” = “7/16/1905”" in text
    assert "269/269 rows (100 %)" in err.getvalue()
    with pytest.raises(CommandError, match="no file"):
        call_command("import_ogp_commitments", str(tmp_path / "missing.csv"), stdout=StringIO())
