from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


def page_language() -> str:
    """The language of the page being rendered (en, fr or es)."""
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0]


def content_language_field(**kwargs) -> models.CharField:
    """The language a text is written in (WCAG 3.1.2): pages mark it when it is not the page's."""
    return models.CharField(
        _("language of the text"),
        max_length=7,
        choices=settings.LANGUAGES,
        default="en",
        help_text=_("The language the text is originally written in."),
        **kwargs,
    )


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


def in_page_language(english: str, french: str, spanish: str, *, language: str | None = None) -> tuple[str, str]:
    """(text, its language): the page's translation when there is one, the English text otherwise (`language`: the
    page's, when a list has read it once for all its rows)."""
    language = language if language is not None else (get_language() or "")[:2]
    translated = {"fr": french, "es": spanish}.get(language)
    return (translated, language) if translated else (english, "en")


class LocalizedNameModel(models.Model):
    """A name kept in English (canonical), French and Spanish; pages show the one of the active language."""

    name = models.CharField(_("name (English)"), max_length=200)
    name_fr = models.CharField(_("name (French)"), max_length=200, blank=True)
    name_es = models.CharField(_("name (Spanish)"), max_length=200, blank=True)

    # {English field: its translations}: what reference data keeps in three languages
    # (common.reference.untranslated_reference_rows).
    TRANSLATED_FIELDS = {"name": ("name_fr", "name_es")}

    class Meta:
        abstract = True

    @property
    def display_name(self) -> str:
        return in_page_language(self.name, self.name_fr, self.name_es)[0]

    @property
    def display_language(self) -> str:
        """The language of display_name: the page's when its translation is shown, English otherwise."""
        return in_page_language(self.name, self.name_fr, self.name_es)[1]

    @property
    def other_names(self) -> list[tuple[str, str]]:
        """(language, name) of this object in the other languages, when the name differs from the one shown."""
        return self.names_other_than(self.display_name)

    def names_other_than(self, shown: str) -> list[tuple[str, str]]:
        """(language, name) in each language whose name is set and differs from `shown` and the earlier ones (a
        list that knows its language passes the name it shows, instead of reading the request's language)."""
        seen, names = {shown}, []
        for language, name in (("en", self.name), ("fr", self.name_fr), ("es", self.name_es)):
            if name and name not in seen:
                seen.add(name)
                names.append((language, name))
        return names


class LocalizedDescriptionModel(models.Model):
    """A description of reference data kept in English, French and Spanish, like LocalizedNameModel's name."""

    description = models.TextField(_("description"), blank=True)
    description_fr = models.TextField(_("description (French)"), blank=True)
    description_es = models.TextField(_("description (Spanish)"), blank=True)

    TRANSLATED_FIELDS = {"description": ("description_fr", "description_es")}

    class Meta:
        abstract = True

    @property
    def display_description(self) -> str:
        return in_page_language(self.description, self.description_fr, self.description_es)[0]

    @property
    def description_language(self) -> str:
        """The language of display_description (for `lang_attr`)."""
        return in_page_language(self.description, self.description_fr, self.description_es)[1]


class OutgoingEmail(models.Model):
    """Transactional outbox: an e-mail is stored with the change that causes it, then sent by a task.

    A message that could not be queued (broker down) or sent (SMTP down) stays pending and is
    picked up again by the periodic sweep, so nothing is lost and nothing is sent twice. Each attempt
    is counted with its error; a message that can never be sent, or still fails after the last
    attempt, is failed and left alone.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    to = models.JSONField(_("recipients"))
    subject = models.CharField(_("subject"), max_length=998)
    body_text = models.TextField(_("text body"))
    body_html = models.TextField(_("HTML body"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "created_at"], name="outgoingemail_status_created")]

    def __str__(self):
        return self.subject

    def get_absolute_url(self):
        return reverse("admin:common_outgoingemail_change", args=[self.pk])
