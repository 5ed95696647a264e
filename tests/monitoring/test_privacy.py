"""A person's reports in their data download; deleting the account removes drafts and flags, keeps the rest."""

import pytest

from accounts import privacy
from monitoring.models import MonitoringReport, ReportFlag
from monitoring.services.moderation import report_flag
from tests.consultations.files import png_upload
from tests.factories.monitoring import MonitoringReportFactory

pytestmark = pytest.mark.django_db


def test_download_and_deletion(commitment, monitor):
    from monitoring.services.reports import report_create

    submitted = MonitoringReportFactory(commitment=commitment, author=monitor)
    draft = report_create(
        commitment=commitment, author=monitor, finding="delayed", text="Notes", evidence=[png_upload()]
    )
    report_flag(report=MonitoringReportFactory(commitment=commitment), user=monitor, reason="spam")
    data = privacy.user_data_export(user=monitor)
    assert {r["id"] for r in data["monitoring_reports"]} == {submitted.pk, draft.pk}
    assert data["monitoring_reports"][1]["files"][0]["type"] == "image/png"
    assert len(data["monitoring_flags"]) == 1
    from monitoring.privacy import user_erase

    user_erase(monitor)
    assert list(MonitoringReport.objects.filter(author=monitor).values_list("pk", flat=True)) == [submitted.pk]
    assert not ReportFlag.objects.filter(user=monitor).exists()
