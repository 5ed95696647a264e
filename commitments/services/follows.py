"""Following a commitment: follow, unfollow (also by the one-click link of every e-mail), and the followers' e-mails.

Followers are told of progress updates (here), monitoring reports and their answers (monitoring calls
`commitment_followers_notify`) and overdue milestones (`overdue_milestones_notify`, a beat task), each through
`email_to_user` with the kind `commitments.followed_commitment`, in the follower's language.
"""

from datetime import timedelta

from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from accounts.services import email_to_user
from commitments.models import ActionPlan, Commitment, CommitmentFollow, Milestone, OverdueMilestoneNotice
from common.site import absolute_url
from common.text import single_line

FOLLOWED_COMMITMENT = "commitments.followed_commitment"
UNFOLLOW_SALT = "commitments.unfollow"
# A milestone due longer ago than this when first seen overdue is old news: nobody is told.
OVERDUE_WINDOW_DAYS = 30


@transaction.atomic
def commitment_follow(*, commitment: Commitment, user: User) -> CommitmentFollow:
    """Be told of the commitment's news; following twice changes nothing."""
    follow, _created = CommitmentFollow.objects.get_or_create(commitment=commitment, user=user)
    return follow


@transaction.atomic
def commitment_unfollow(*, commitment: Commitment, user: User) -> None:
    """Stop being told; unfollowing a commitment one does not follow changes nothing."""
    CommitmentFollow.objects.filter(commitment=commitment, user=user).delete()


def unfollow_token(*, user: User, commitment: Commitment) -> str:
    """The signed token of the one-click link that stops `user` following `commitment` (no sign-in needed)."""
    return signing.dumps({"u": user.pk, "c": commitment.pk}, salt=UNFOLLOW_SALT)


def unfollow_token_read(token: str) -> tuple[User, Commitment] | None:
    """The person and commitment of a valid token, or None (forged, altered, or either one gone)."""
    try:
        data = signing.loads(token, salt=UNFOLLOW_SALT)
    except signing.BadSignature:
        return None
    user = User.objects.filter(pk=data.get("u")).first()
    commitment = Commitment.objects.select_related("action_plan__member").filter(pk=data.get("c")).first()
    return (user, commitment) if user and commitment else None


def commitment_followers_notify(
    *, commitment: Commitment, template: str, subject, context: dict, link: str, exclude=()
) -> int:
    """One notification to each active follower but `exclude` (e.g. the author of the news), in the transaction
    of the change; each e-mail carries the follower's own one-click link to stop following. Returns how many."""
    followers = User.objects.filter(commitment_follows__commitment=commitment, is_active=True)
    followers = followers.exclude(pk__in=[u.pk for u in exclude if u is not None]).order_by("pk")
    context = {**context, "commitment": commitment, "commitment_url": absolute_url(commitment.get_absolute_url())}
    count = 0
    for user in followers:
        token = unfollow_token(user=user, commitment=commitment)
        email_to_user(
            user=user,
            template=template,
            subject=subject,
            context={**context, "unfollow_url": absolute_url(reverse("commitments:commitment-optout", args=[token]))},
            subject_args={"number": single_line(commitment.number)},
            kind=FOLLOWED_COMMITMENT,
            link=link,
        )
        count += 1
    return count


def overdue_milestones_notify() -> int:
    """Tell the followers of each milestone newly overdue (plans in implementation, due within the last
    OVERDUE_WINDOW_DAYS days), once per milestone (`OverdueMilestoneNotice`, unique); returns the e-mails."""
    today = timezone.localdate()
    due = (
        Milestone.objects.filter(
            due_date__lt=today,
            due_date__gte=today - timedelta(days=OVERDUE_WINDOW_DAYS),
            commitment__action_plan__status=ActionPlan.Status.IMPLEMENTATION,
            overdue_notice__isnull=True,
        )
        .exclude(status__in=(Milestone.Status.COMPLETED, Milestone.Status.CANCELLED))
        .select_related("commitment__action_plan")
        .order_by("due_date", "pk")[:500]
    )
    written = 0
    for milestone in due:
        with transaction.atomic():
            _notice, created = OverdueMilestoneNotice.objects.get_or_create(milestone=milestone)
            if created:
                written += commitment_followers_notify(
                    commitment=milestone.commitment,
                    template="commitments/emails/followed_overdue",
                    subject=_("A milestone of commitment %(number)s is overdue"),
                    context={"milestone": milestone},
                    link=milestone.commitment.get_absolute_url(),
                )
    return written
