from irm_reports.models.assessments import CommitmentAssessment, Recommendation, RequirementAssessment
from irm_reports.models.imports import ImportRun
from irm_reports.models.reports import PublishedVersion, Report, ResearcherAssignment

__all__ = [
    "CommitmentAssessment",
    "ImportRun",
    "PublishedVersion",
    "Recommendation",
    "Report",
    "RequirementAssessment",
    "ResearcherAssignment",
]
