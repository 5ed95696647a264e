"""One upload quota per person (UPLOAD_QUOTA_BYTES_PER_USER) over every file they stored, whatever the app.

The files live in the apps (proposal attachments are the consultations', evidence the monitoring's…): each app
registers its file models from its AppConfig.ready() with the lookup from a file to the person who stored it,
as the apps register their awaiting providers, and every upload check asks `check_upload_quota()`, which sums
them all (one query per registered model).
"""

from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Sum
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class FileSource:
    model: str  # "app_label.ModelName", with a `size` field in bytes
    owner: str  # the lookup from a file to the person who stored it ("proposal__author")


_sources: dict[str, FileSource] = {}


def register(model: str, *, owner: str) -> None:
    """Count the files of `model` (label) against the quota of the person `owner` leads to."""
    _sources[model] = FileSource(model=model, owner=owner)


def sources() -> list[FileSource]:
    return sorted(_sources.values(), key=lambda source: source.model)


def stored_bytes(user) -> int:
    """Bytes of every file the person stored, all apps together."""
    total = 0
    for source in sources():
        files = apps.get_model(source.model).objects.filter(**{source.owner: user})
        total += files.aggregate(total=Sum("size"))["total"] or 0
    return total


def check_upload_quota(*, user, incoming: int, freed: int = 0, field: str = "attachments") -> None:
    """`incoming` new bytes fit in the person's quota, `freed` (files the same change removes) deducted, or a
    ValidationError on `field`. Call it inside the change's transaction: the person's row is locked so that
    two uploads sent at once cannot both squeeze under the quota."""
    if not incoming or user is None:
        return
    get_user_model().objects.select_for_update().filter(pk=user.pk).exists()
    total = stored_bytes(user) - freed + incoming
    quota = settings.UPLOAD_QUOTA_BYTES_PER_USER
    if total > quota:
        raise ValidationError(
            {
                field: _(
                    "Your files would take %(total)s; each participant may store at most %(quota)s, all their "
                    "files on the portal together (proposals, monitoring reports, grant applications, assistance "
                    "requests). Remove some files first."
                )
                % {"total": filesizeformat(total), "quota": filesizeformat(quota)}
            },
            code="quota",
        )
