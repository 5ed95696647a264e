"""Writes of peer exchange: the stored similar commitments, and exchange requests with their e-mails."""

from datetime import UTC, datetime

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, F, Min, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from accounts.services import email_to_user
from commitments.models import Commitment
from common.queue import enqueue_on_commit
from common.site import absolute_url
from peers import similarity
from peers.models import ExchangeRequest, SimilarCommitment, SimilarityMark

TASK = "peers.tasks.similar_commitments_refresh_task"
PENDING_KEY = "peers-similar-refresh-pending"
PENDING_SECONDS = 300
BATCH = 500  # commitments refreshed by one run of the task; it queues the next run while some remain
NEIGHBOURS_MAX = 50  # lists of other commitments refreshed after one commitment's title or policy areas change
STALE = datetime(2000, 1, 1, tzinfo=UTC)  # a mark's date that makes its commitment stale (saved since)


def similar_refresh(*, commitment_id: int) -> list[tuple[int, float]]:
    """Compute the similar commitments of one commitment and store them (replacing the previous ones)."""
    return _refresh(commitment_id)[0]


def _refresh(commitment_id: int) -> tuple[list[tuple[int, float]], int]:
    """The commitment's list, stored; when its title or policy areas changed since the last computation, the
    lists of its neighbours are marked stale too. Returns the list and how many neighbours were marked."""
    source = similarity.source_of(commitment_id)
    if source is None:
        return [], 0
    found = similarity.nearest(source)
    key = similarity.source_key(source)
    marked = 0
    with transaction.atomic():
        previous = SimilarityMark.objects.filter(commitment_id=commitment_id).values_list("source_key", flat=True)
        previous = previous.first()
        SimilarCommitment.objects.filter(commitment_id=commitment_id).delete()
        SimilarCommitment.objects.bulk_create(
            SimilarCommitment(commitment_id=commitment_id, similar_id=pk, rank=rank, score=score)
            for rank, (pk, score) in enumerate(found, start=1)
        )
        SimilarityMark.objects.update_or_create(
            commitment_id=commitment_id, defaults={"computed_at": timezone.now(), "source_key": key}
        )
        if previous and previous != key:  # a mark of before the fingerprint ("") is not a change
            marked = neighbours_mark_stale(commitment_id=commitment_id, found=found)
    return found, marked


def neighbours_mark_stale(*, commitment_id: int, found: list[tuple[int, float]]) -> int:
    """A commitment's title or policy areas changed: the lists it should now enter (its new neighbours whose list
    is short or ends below its score; similarity is symmetric) and the lists that held it (it may have left them
    or moved) become stale, at most NEIGHBOURS_MAX of them, closest first. Returns how many were marked."""
    scores = dict(found)
    ends = (
        SimilarCommitment.objects.filter(commitment_id__in=scores)
        .values("commitment_id")
        .annotate(count=Count("pk"), lowest=Min("score"))
    )
    full = {row["commitment_id"]: row["lowest"] for row in ends if row["count"] >= similarity.LIMIT}
    entering = [pk for pk, score in found if pk not in full or full[pk] < score]
    holding = SimilarCommitment.objects.filter(similar_id=commitment_id).order_by("-score", "commitment_id")
    ids = entering + [
        pk for pk in holding.values_list("commitment_id", flat=True)[:NEIGHBOURS_MAX] if pk not in entering
    ]
    return SimilarityMark.objects.filter(commitment_id__in=ids[:NEIGHBOURS_MAX]).update(computed_at=STALE)


def stale_commitments(*, limit: int) -> list[int]:
    """Commitments never computed, or saved since their similar commitments were."""
    stale = Commitment.objects.filter(
        Q(similarity_mark__isnull=True) | Q(updated_at__gt=F("similarity_mark__computed_at"))
    )
    return list(stale.order_by("pk").values_list("pk", flat=True)[:limit])


def similar_refresh_stale(*, limit: int = BATCH) -> dict:
    """Refresh up to `limit` stale commitments; queue the next run when more remain."""
    cache.delete(PENDING_KEY)
    ids = stale_commitments(limit=limit)
    marked = sum(_refresh(pk)[1] for pk in ids)
    more = len(ids) == limit or marked > 0  # neighbours marked by this run: the next run refreshes them
    if more:
        enqueue_on_commit(TASK)
    return {"refreshed": len(ids), "more": more}


def _queue_refresh() -> None:
    if cache.add(PENDING_KEY, 1, timeout=PENDING_SECONDS):
        enqueue_on_commit(TASK)


def commitment_changed(**_signal_kwargs) -> None:
    """A commitment was saved: its similar commitments are refreshed once the transaction commits (a burst of
    saves queues one refresh; bulk writes are caught up by the periodic run)."""
    transaction.on_commit(_queue_refresh)


def policy_areas_changed(*, action: str, instance, reverse: bool, pk_set, **_signal_kwargs) -> None:
    """A commitment's policy areas changed (they choose its candidates): its list is stale from now on."""
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    ids = (pk_set or set()) if reverse else {instance.pk}
    SimilarityMark.objects.filter(commitment_id__in=ids).update(computed_at=STALE)  # its fingerprint is kept
    transaction.on_commit(_queue_refresh)


# Exchange requests -----------------------------------------------------------------------------------------


def _points_of_contact(member_id: int):
    return User.objects.filter(member_id=member_id, role=User.Role.POINT_OF_CONTACT, is_active=True).order_by("pk")


def _notify(*, users, template: str, subject, exchange: ExchangeRequest) -> None:
    url = absolute_url(reverse("peers:exchange-detail", args=[exchange.pk]))
    for user in users:
        email_to_user(
            user=user,
            template=f"peers/emails/{template}",
            subject=subject,
            context={"exchange": exchange, "exchange_url": url},
            subject_args={"member": exchange.requester_member.name, "other": exchange.member.name},
            kind="peers.exchange",
            link=reverse("peers:exchange-detail", args=[exchange.pk]),
        )


@transaction.atomic
def exchange_request_create(*, commitment: Commitment, requester: User, message: str, about=None) -> ExchangeRequest:
    """A point of contact asks the points of contact of the commitment's member for an exchange about it."""
    member_id = commitment.action_plan.member_id
    if not requester.is_point_of_contact or requester.member_id is None:
        raise ValidationError(_("Only a point of contact can ask for an exchange."))
    if requester.member_id == member_id:
        raise ValidationError(_("This commitment is your own member's: ask another member."))
    if about is not None and about.action_plan.member_id != requester.member_id:
        raise ValidationError({"about": _("Choose one of your own member's commitments.")})
    open_one = ExchangeRequest.objects.filter(
        commitment=commitment, requester_member_id=requester.member_id, status=ExchangeRequest.Status.PENDING
    )
    if open_one.exists():
        raise ValidationError(
            _("Your member already asked for an exchange about this commitment; it awaits an answer.")
        )
    exchange = ExchangeRequest(
        commitment=commitment,
        about=about,
        member_id=member_id,
        requester_member_id=requester.member_id,
        requester=requester,
        message=message.strip(),
    )
    exchange.full_clean()
    exchange.save()
    exchange = ExchangeRequest.objects.select_related("member", "requester_member", "commitment", "requester").get(
        pk=exchange.pk
    )
    _notify(
        users=_points_of_contact(member_id),
        template="exchange_requested",
        subject=_("%(member)s asks %(other)s for a peer exchange"),
        exchange=exchange,
    )
    return exchange


@transaction.atomic
def exchange_answer(*, exchange: ExchangeRequest, user: User, accept: bool, answer: str) -> ExchangeRequest:
    """One of the asked member's points of contact accepts or declines the exchange, with a message."""
    exchange = (
        ExchangeRequest.objects.select_for_update(of=("self",))
        .select_related("member", "requester_member", "commitment", "requester")
        .get(pk=exchange.pk)
    )
    if not exchange.is_pending:
        raise ValidationError(_("This exchange request was already answered."))
    if not answer.strip():
        raise ValidationError({"answer": _("Write a message to the requesting member.")})
    exchange.status = ExchangeRequest.Status.ACCEPTED if accept else ExchangeRequest.Status.DECLINED
    exchange.answer = answer.strip()
    exchange.answered_by = user
    exchange.answered_at = timezone.now()
    exchange.full_clean()
    exchange.save()
    recipients = [exchange.requester] if exchange.requester and exchange.requester.is_active else []
    recipients += [u for u in _points_of_contact(exchange.requester_member_id) if u not in recipients]
    subject = (
        _("%(other)s accepted the peer exchange asked by %(member)s")
        if accept
        else _("%(other)s declined the peer exchange asked by %(member)s")
    )
    _notify(users=recipients, template="exchange_answered", subject=subject, exchange=exchange)
    return exchange
