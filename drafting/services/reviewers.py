"""Expert review: the point of contact invites named people to read a version before it is public and comment on
it privately; publishing the version makes their comments public with it."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import User
from accounts.services import email_to_user
from common.site import absolute_url
from common.text import single_line
from drafting.models import DraftReviewer, DraftVersion


def is_reviewer(user: User, version: DraftVersion) -> bool:
    return bool(
        user.is_authenticated and user.is_active and DraftReviewer.objects.filter(version=version, user=user).exists()
    )


@transaction.atomic
def reviewer_invite(*, version: DraftVersion, email: str, invited_by: User) -> DraftReviewer:
    """Invite the holder of an account (found by its e-mail address) to review a version not published yet; they
    get an e-mail. Inviting again changes nothing."""
    current = DraftVersion.objects.select_for_update(of=("self",)).select_related("action_plan").get(pk=version.pk)
    if current.is_published:
        raise ValidationError(_("This version is already public: everyone can comment on it."), code="published")
    user = User.objects.filter(email__iexact=(email or "").strip(), is_active=True).first()
    if user is None:
        raise ValidationError({"email": _("No account has this e-mail address: ask the reviewer to register first.")})
    version.__dict__.pop("_reviewers_asked", None)  # what drafting.rules remembered of this version
    try:
        with transaction.atomic():
            reviewer = DraftReviewer.objects.create(version=current, user=user, invited_by=invited_by)
    except IntegrityError:
        return DraftReviewer.objects.get(version=current, user=user)
    email_to_user(
        user=user,
        template="drafting/emails/review_invitation",
        subject=gettext_lazy("You are invited to review the draft of “%(plan)s”"),
        context={
            "version": current,
            "version_url": absolute_url(current.get_absolute_url()),
            "profile_url": absolute_url(reverse("profile")),
        },
        subject_args={"plan": single_line(current.action_plan.title)},
        kind="drafting.review_invitation",
        link=current.get_absolute_url(),
    )
    return reviewer
