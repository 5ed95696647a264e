from irm_reports.models.assessments import CommitmentAssessment, Recommendation, RequirementAssessment
from irm_reports.models.imports import ImportRun
from irm_reports.models.renderings import ReportRendering
from irm_reports.models.reports import PublishedVersion, RenderStep, Report, ResearcherAssignment

__all__ = [
    "CommitmentAssessment",
    "ImportRun",
    "PublishedVersion",
    "Recommendation",
    "RenderStep",
    "Report",
    "ReportRendering",
    "RequirementAssessment",
    "ResearcherAssignment",
]
