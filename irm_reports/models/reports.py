from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from common.files import new_file_token
from common.models import TimeStampedModel
from irm_reports.scales import METHODOLOGIES_BY_TYPE, Answer, Iap2Level, Methodology, ReportType


class ResearcherAssignment(models.Model):
    """An IRM researcher assigned to assess an action plan (set by the support unit)."""

    action_plan = models.ForeignKey(
        "commitments.ActionPlan",
        verbose_name=_("action plan"),
        on_delete=models.CASCADE,
        related_name="researcher_assignments",
    )
    researcher = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("researcher"),
        on_delete=models.CASCADE,
        related_name="irm_assignments",
        limit_choices_to={"role": "irm_researcher"},
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("assigned at"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("researcher assignment")
        verbose_name_plural = _("researcher assignments")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["action_plan", "researcher"],
                name="assignment_unique_researcher_per_plan",
                violation_error_message=_("This researcher is already assigned to this action plan."),
            )
        ]

    def __str__(self):
        return f"{self.researcher} — {self.action_plan}"


class RenderStep(models.TextChoices):
    """The steps of a rendering, shown on the report's page while the PDF is made."""

    NONE = "", _("—")
    COLLECTING = "collecting", _("Collecting data")
    RENDERING_HTML = "rendering_html", _("Rendering HTML")
    LAYING_OUT = "laying_out", _("Laying out pages")
    STORING = "storing", _("Storing the PDF")


class ReportQuerySet(models.QuerySet):
    def search(self, text: str):
        """The reports of the plans found by `text` (common.search): only what is public whatever the state
        of the report's next version (its overview may be a draft)."""
        from commitments.models import ActionPlan

        if not text.split():
            return self
        return self.filter(action_plan__in=ActionPlan.objects.search(text))

    def published(self):
        return self.filter(status=Report.Status.PUBLISHED)

    def assigned_to(self, user):
        return self.filter(action_plan__researcher_assignments__researcher=user)


class Report(TimeStampedModel):
    """An IRM report on one action plan, in one language, rendered to PDF by a Celery worker."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        QUEUED = "queued", _("Queued for rendering")
        RENDERING = "rendering", _("Rendering")
        READY = "ready", _("Ready to publish")
        PUBLISHED = "published", _("Published")
        FAILED = "failed", _("Rendering failed")

    Step = RenderStep

    class Source(models.TextChoices):
        PORTAL = "portal", _("Written in the portal")
        IMPORTED = "imported", _("Imported from OGP's data")

    EDITABLE = (Status.DRAFT, Status.READY, Status.FAILED)
    IN_PROGRESS = (Status.QUEUED, Status.RENDERING)

    action_plan = models.ForeignKey(
        "commitments.ActionPlan", verbose_name=_("action plan"), on_delete=models.PROTECT, related_name="reports"
    )
    report_type = models.CharField(_("report type"), max_length=30, choices=ReportType.choices)
    methodology = models.CharField(_("methodology"), max_length=30, choices=Methodology.choices)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES, default="en")
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, editable=False)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    # An imported report is part of OGP's published history: its ratings come from OGP's commitments
    # data and it has no PDF until the IRM team reopens it as a new version of its own.
    source = models.CharField(_("source"), max_length=20, choices=Source.choices, default=Source.PORTAL, editable=False)
    # Content written by the researcher.
    overview = models.TextField(_("overview: key observations, strengths and challenges"), blank=True)
    implementation_factors = models.TextField(_("factors affecting implementation"), blank=True)
    participation = models.TextField(_("participation and co-creation"), blank=True)
    methodology_text = models.TextField(
        _("methodology notes"), blank=True, help_text=_("Sources, interviews and anything specific to this report.")
    )
    acted_according_to_process = models.CharField(
        _("acted according to OGP process"), max_length=20, choices=Answer.choices, null=True, blank=True
    )
    iap2_level_development = models.CharField(
        _("IAP2 level during development"), max_length=20, choices=Iap2Level.choices, null=True, blank=True
    )
    iap2_level_implementation = models.CharField(
        _("IAP2 level during implementation"), max_length=20, choices=Iap2Level.choices, null=True, blank=True
    )
    # The PDFs are stored in a folder named by this random token, so their paths cannot be guessed
    # (they are served only through permission-checking views).
    file_token = models.CharField(_("file folder"), max_length=32, default=new_file_token, editable=False)
    # The latest rendering asked for; its status is mirrored in `status` (queued, rendering, ready, failed).
    # It is deleted with the report only (RESTRICT).
    rendering = models.ForeignKey(
        "irm_reports.ReportRendering",
        verbose_name=_("latest rendering"),
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, editable=False)

    objects = ReportQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("IRM report")
        verbose_name_plural = _("IRM reports")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["action_plan", "report_type", "language"],
                name="report_unique_type_language_per_plan",
                violation_error_message=_("This action plan already has a report of this type in this language."),
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["ready", "published"])
                | Q(rendering__isnull=False)
                | Q(source="imported", status="published"),
                name="report_ready_has_pdf",
                violation_error_message=_("A ready or published report has its PDF."),
            ),
        ]

    def __str__(self):
        return f"{self.get_report_type_display()} — {self.action_plan}"

    def get_absolute_url(self):
        return reverse("irm_reports:report-detail", args=[self.pk])

    def clean(self):
        allowed = METHODOLOGIES_BY_TYPE.get(self.report_type, ())
        if self.report_type and self.methodology and self.methodology not in allowed:
            raise ValidationError(
                {
                    "methodology": _("A %(type)s is written with: %(allowed)s.")
                    % {
                        "type": ReportType(self.report_type).label,
                        "allowed": ", ".join(str(Methodology(m).label) for m in allowed),
                    }
                }
            )

    @property
    def is_editable(self) -> bool:
        return self.status in self.EDITABLE

    @property
    def is_rendering(self) -> bool:
        return self.status in self.IN_PROGRESS

    @property
    def has_current_pdf(self) -> bool:
        return bool(self.pdf) and self.status in (self.Status.READY, self.Status.PUBLISHED)

    # What the pages and the API show of the latest rendering (select_related("rendering") in lists).
    @property
    def pdf_rendering(self):
        """The latest rendering when it produced its PDF."""
        rendering = self.rendering
        return rendering if rendering is not None and rendering.status == rendering.Status.DONE else None

    @property
    def pdf(self):
        return self.pdf_rendering.pdf if self.pdf_rendering else None

    @property
    def pdf_pages(self) -> int | None:
        return self.pdf_rendering.pdf_pages if self.pdf_rendering else None

    @property
    def pdf_sha256(self) -> str:
        return self.pdf_rendering.pdf_sha256 if self.pdf_rendering else ""

    @property
    def progress_step(self) -> str:
        return self.rendering.step if self.rendering else ""

    def get_progress_step_display(self) -> str:
        return RenderStep(self.progress_step).label if self.progress_step in RenderStep.values else self.progress_step

    @property
    def error(self) -> str:
        """Why the rendering of the current version failed, while it is failed."""
        return self.rendering.error if self.rendering and self.status == self.Status.FAILED else ""

    @property
    def requested_at(self):
        return self.rendering.requested_at if self.rendering else None

    @property
    def render_started_at(self):
        return self.rendering.started_at if self.rendering else None

    @property
    def render_finished_at(self):
        return self.rendering.finished_at if self.rendering else None

    @property
    def is_imported(self) -> bool:
        return self.source == self.Source.IMPORTED

    @property
    def is_legacy(self) -> bool:
        return self.report_type in (ReportType.PROGRESS_REPORT, ReportType.END_OF_TERM_REPORT)


class PublishedVersion(models.Model):
    """A published version of a report, with its PDF; older versions stay downloadable."""

    report = models.ForeignKey(
        Report, verbose_name=_("report"), on_delete=models.CASCADE, related_name="published_versions"
    )
    version = models.PositiveIntegerField(_("version"))
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    pdf = models.FileField(_("PDF"), max_length=300)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    size = models.PositiveIntegerField(_("size (bytes)"))
    published_at = models.DateTimeField(_("published at"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("published version")
        verbose_name_plural = _("published versions")
        ordering = ["-published_at", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["report", "version"], name="publishedversion_unique_version"),
        ]

    def __str__(self):
        return f"{self.report} v{self.version}"

    def get_absolute_url(self):
        return reverse("irm_reports:report-version-pdf", args=[self.report_id, self.version])
