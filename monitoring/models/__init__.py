from monitoring.models.report import Finding, MonitoringReport, ReportEvidence
from monitoring.models.response import CommitmentMonitoring, ReportAnswer, ReportFlag

__all__ = ["CommitmentMonitoring", "Finding", "MonitoringReport", "ReportAnswer", "ReportEvidence", "ReportFlag"]
