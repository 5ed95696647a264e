"""The rules every write on a draft shares: a review open, the latest published version, a verified account."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from accounts.models import User
from consultations.models import Consultation
from drafting.models import DraftParagraph, DraftVersion


def is_verified(user: User) -> bool:
    """An active participant whose e-mail address is verified."""
    return bool(
        user.is_authenticated
        and user.is_active
        and user.role == User.Role.PARTICIPANT
        and user.emailaddress_set.filter(verified=True).exists()
    )


def require_verified(user: User) -> None:
    if not is_verified(user):
        raise ValidationError(
            _(
                "Only a participant whose e-mail address is verified can propose or support an amendment. "
                "Confirm your address from the e-mail we sent you, then try again."
            ),
            code="unverified",
        )


def require_review_open(consultation: Consultation) -> None:
    if not consultation.is_open:
        raise ValidationError(
            _("The review of this draft is closed: it no longer takes comments or amendments."), code="closed"
        )


def latest_version(action_plan_id: int, *, published: bool = True) -> DraftVersion | None:
    versions = DraftVersion.objects.filter(action_plan_id=action_plan_id)
    if published:
        versions = versions.filter(state=DraftVersion.State.PUBLISHED)
    return versions.order_by("-number").first()


def require_current(version: DraftVersion) -> None:
    """Comments and amendments go to the latest published version only: an older one is kept for reading."""
    if not version.is_published:
        raise ValidationError(_("This draft version is not published yet."), code="unpublished")
    latest = latest_version(version.action_plan_id)
    if latest is not None and latest.pk != version.pk:
        raise ValidationError(
            _(
                "This paragraph belongs to version %(old)d of the draft; version %(new)d replaced it. "
                "Comment or propose your amendment on the current version."
            )
            % {"old": version.number, "new": latest.number},
            code="outdated",
        )


def paragraph_for_update(pk: int) -> DraftParagraph:
    return DraftParagraph.objects.select_related(
        "draft_commitment__version__consultation__action_plan", "draft_commitment__version__action_plan"
    ).get(pk=pk)
