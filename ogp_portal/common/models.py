from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class LocalizedNameModel(models.Model):
    """A name kept in English (canonical) and in French; pages show the one of the active language."""

    name = models.CharField(_("name (English)"), max_length=200)
    name_fr = models.CharField(_("name (French)"), max_length=200, blank=True)

    class Meta:
        abstract = True

    @property
    def display_name(self) -> str:
        if self.name_fr and (get_language() or "").startswith("fr"):
            return self.name_fr
        return self.name

    @property
    def other_names(self) -> list[str]:
        """Names of this object in the other languages, when they differ from the one shown."""
        shown = self.display_name
        return [n for n in (self.name, self.name_fr) if n and n != shown]
