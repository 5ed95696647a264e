from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from commitments.models import ActionPlan, Member
from common.markdown import validate_no_markup
from common.models import TimeStampedModel

MARKDOWN_VALIDATORS = [MaxLengthValidator(20000), validate_no_markup]


class Sector(models.TextChoices):
    GOVERNMENT = "government", _("Government")
    CIVIL_SOCIETY = "civil_society", _("Civil society")
    OTHER = "other", _("Other non-governmental")


class Forum(TimeStampedModel):
    """A member's multi-stakeholder forum: government and civil society overseeing the OGP process."""

    member = models.OneToOneField(Member, verbose_name=_("member"), on_delete=models.PROTECT, related_name="forum")
    name = models.CharField(_("name"), max_length=300)
    description = models.TextField(_("mandate and how it works"), blank=True, validators=MARKDOWN_VALIDATORS)
    established_on = models.DateField(_("established on"), null=True, blank=True)
    rules_url = models.URLField(
        _("published rules on participation"), blank=True, help_text=_("A link to the forum's public rules.")
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("multi-stakeholder forum")
        verbose_name_plural = _("multi-stakeholder forums")
        ordering = ["member__name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("consultations:forum-detail", args=[self.member.slug])


class ForumSeatQuerySet(models.QuerySet):
    def current(self, on=None):
        on = on or timezone.localdate()
        return self.filter(Q(until__isnull=True) | Q(until__gte=on)).filter(Q(since__isnull=True) | Q(since__lte=on))

    def held_by(self, user):
        """The seats the user's confirmed organisation holds: a seat names its organisation in words, so a seat is
        the organisation's when the names match (case and spaces aside) on the forum of the member the organisation
        works in. An organisation tied to no member holds none (anyone may sign up under a seat's public name), nor
        one still awaiting confirmation."""
        organisation = user.confirmed_organisation if user.is_authenticated and user.is_active else None
        if organisation is None or organisation.member_id is None:
            return self.none()
        # Names are compared in Python: SQLite folds the case of ASCII letters only ("É" is not "é" there), and a
        # forum has a few dozen seats.
        name = organisation.name.strip().casefold()
        seats = self.filter(forum__member_id=organisation.member_id).values_list("pk", "organisation_name")
        return self.filter(pk__in=[pk for pk, seat_name in seats if seat_name.strip().casefold() == name])


class ForumSeat(models.Model):
    """A seat on the forum, held by a person for an organisation of a sector."""

    class Role(models.TextChoices):
        CHAIR = "chair", _("Chair")
        CO_CHAIR = "co_chair", _("Co-chair")
        MEMBER = "member", _("Member")
        OBSERVER = "observer", _("Observer")

    forum = models.ForeignKey(Forum, verbose_name=_("forum"), on_delete=models.CASCADE, related_name="seats")
    organisation_name = models.CharField(_("organisation"), max_length=300)
    person_name = models.CharField(_("person"), max_length=200, blank=True)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    since = models.DateField(_("since"), null=True, blank=True)
    until = models.DateField(_("until"), null=True, blank=True)

    objects = ForumSeatQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("forum seat")
        verbose_name_plural = _("forum seats")
        ordering = ["role", "sector", "organisation_name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(since__isnull=True) | Q(until__isnull=True) | Q(until__gte=models.F("since")),
                name="forumseat_dates_order",
                violation_error_message=_("A seat cannot end before it starts."),
            )
        ]

    def __str__(self):
        return f"{self.organisation_name} ({self.get_sector_display()})"


class ForumMeeting(TimeStampedModel):
    """A forum meeting: its agenda before, attendance and minutes after."""

    class Phase(models.TextChoices):
        CO_CREATION = "co_creation", _("Co-creation of an action plan")
        IMPLEMENTATION = "implementation", _("Implementation and monitoring")
        OTHER = "other", _("Other")

    class Modality(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")
        HYBRID = "hybrid", _("Hybrid")

    forum = models.ForeignKey(Forum, verbose_name=_("forum"), on_delete=models.CASCADE, related_name="meetings")
    held_on = models.DateField(_("date"))
    title = models.CharField(_("title"), max_length=300)
    phase = models.CharField(_("phase"), max_length=20, choices=Phase.choices, default=Phase.CO_CREATION)
    action_plan = models.ForeignKey(
        ActionPlan,
        verbose_name=_("action plan"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="forum_meetings",
    )
    modality = models.CharField(_("modality"), max_length=20, choices=Modality.choices, default=Modality.IN_PERSON)
    open_to_public = models.BooleanField(_("open to the public"), default=False)
    agenda = models.TextField(_("agenda"), validators=MARKDOWN_VALIDATORS)
    attendance_government = models.PositiveSmallIntegerField(_("government participants"), default=0)
    attendance_civil_society = models.PositiveSmallIntegerField(_("civil society participants"), default=0)
    attendance_other = models.PositiveSmallIntegerField(_("other participants"), default=0)
    attendance_notes = models.TextField(
        _("who attended"), blank=True, validators=MARKDOWN_VALIDATORS, help_text=_("Organisations represented.")
    )
    minutes = models.TextField(_("minutes"), blank=True, validators=MARKDOWN_VALIDATORS)
    minutes_published = models.BooleanField(_("minutes published"), default=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("forum meeting")
        verbose_name_plural = _("forum meetings")
        ordering = ["-held_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(minutes_published=False) | ~Q(minutes=""),
                name="forummeeting_published_minutes_not_empty",
                violation_error_message=_("Write the minutes before publishing them."),
            )
        ]

    def __str__(self):
        return f"{self.held_on} — {self.title}"

    def get_absolute_url(self):
        return reverse("consultations:forummeeting-detail", args=[self.pk])

    def clean(self):
        errors = {}
        if self.minutes_published and not self.minutes.strip():
            errors["minutes"] = _("Write the minutes before publishing them.")
        if self.action_plan_id and self.forum_id and self.action_plan.member_id != self.forum.member_id:
            errors["action_plan"] = _("Choose an action plan of this member.")
        if errors:
            raise ValidationError(errors)

    @property
    def attendance_total(self) -> int:
        return self.attendance_government + self.attendance_civil_society + self.attendance_other
