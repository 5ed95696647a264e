"""E-mails of the consultations: responses to authors and followers, reminders to points of contact."""

from datetime import date

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from accounts.services import email_to_user
from common.site import absolute_url
from common.text import single_line
from consultations.apps import (
    FOLLOWED_PROPOSAL,
    PROPOSAL_RESPONSE,
    REFERRAL_OPINION,
    REFERRAL_REQUESTED,
    RESPONSE_REMINDER,
)
from consultations.models import Consultation, ProposalResponse, Referral, ResponseReminder
from consultations.pending import pending_counts


def _send(user: User, template: str, subject: str, context: dict, *, kind: str, link: str, **subject_args) -> None:
    """Notify one person, in their language (`subject` is a lazy translation): listed in the portal, and
    e-mailed as they chose for `kind` (the outbox, or a digest).

    The values put in the subject (titles people typed) are taken on one line.
    """
    email_to_user(
        user=user,
        template=f"consultations/emails/{template}",
        subject=subject,
        context={**context, "profile_url": absolute_url(reverse("profile"))},
        subject_args={name: single_line(value) for name, value in subject_args.items()},
        kind=kind,
        link=link,
    )


def _wants_mail(users) -> list[User]:
    """The active people to notify (whether they are e-mailed is theirs to choose: email_to_user)."""
    return [u for u in users if u is not None and u.is_active]


def response_published_emails(*, response: ProposalResponse) -> int:
    """Write the e-mails telling the author and the followers of a proposal that its response is published.

    Called in the transaction that publishes the response, with the proposal and the response locked,
    the first time only (`response_save`): the rows commit with the publication or not at all.
    Returns the number of people notified (in the portal; e-mailed as each chose).
    """
    proposal = response.proposal
    followers = User.objects.filter(follows__proposal=proposal).order_by("pk")
    recipients = {u.pk: u for u in _wants_mail([proposal.author, *followers])}
    context = {
        "proposal": proposal,
        "response": response,
        "commitments": list(response.commitments.order_by("sort_key")),
        "proposal_url": absolute_url(proposal.get_absolute_url()),
    }
    for user in recipients.values():
        kind = PROPOSAL_RESPONSE if user.pk == proposal.author_id else FOLLOWED_PROPOSAL
        _send(
            user,
            "response_published",
            _("A response to “%(title)s”"),
            context,
            kind=kind,
            link=proposal.get_absolute_url(),
            title=proposal.title,
        )
    return len(recipients)


def _step_for(days_left: int) -> int | None:
    """The most urgent reminder step reached: 7 days before, 2 days before, on the day (and after)."""
    reached = [step for step in settings.CONSULTATION_REMINDER_DAYS if days_left <= step]
    return min(reached) if reached else None


def response_reminders_send(*, today: date | None = None) -> int:
    """Remind points of contact of consultations whose responses fall due; one e-mail per deadline step."""
    today = today or timezone.localdate()
    horizon = max(settings.CONSULTATION_REMINDER_DAYS)
    consultations = (
        Consultation.objects.exclude(status=Consultation.Status.CANCELLED)
        .filter(response_due_on__lte=today + timezone.timedelta(days=horizon), opens_at__lte=timezone.now())
        .filter(Q(closes_at__lte=timezone.now()) | Q(status=Consultation.Status.CLOSED_EARLY))
        .select_related("action_plan__member")
        .with_counts()
    )
    consultations = list(consultations)
    others = pending_counts(c.pk for c in consultations)  # e.g. amendments to a draft awaiting a decision
    sent = 0
    for consultation in consultations:
        unanswered = consultation.proposal_count - consultation.answered_count + others.get(consultation.pk, 0)
        step = _step_for((consultation.response_due_on - today).days)
        if unanswered <= 0 or step is None:
            continue
        sent += _remind(consultation, step, unanswered, today)
    return sent


@transaction.atomic
def _remind(consultation: Consultation, step: int, unanswered: int, today: date) -> int:
    try:
        with transaction.atomic():
            ResponseReminder.objects.create(
                consultation=consultation, due_on=consultation.response_due_on, days_before=step
            )
    except IntegrityError:  # this step was already reminded
        return 0
    contacts = _wants_mail(
        User.objects.filter(role=User.Role.POINT_OF_CONTACT, member=consultation.action_plan.member, is_active=True)
    )
    context = {
        "consultation": consultation,
        "unanswered": unanswered,
        "days_left": (consultation.response_due_on - today).days,
        "workspace_url": absolute_url(consultation.get_workspace_url()),
    }
    for user in contacts:
        _send(
            user,
            "response_reminder",
            _("Responses due: “%(title)s”"),
            context,
            kind=RESPONSE_REMINDER,
            link=consultation.get_workspace_url(),
            title=consultation.title,
        )
    return len(contacts)


def referral_requested_emails(*, referral: Referral, reminder: bool = False) -> int:
    """Tell the institution's contacts that a proposal awaits its opinion (in the transaction of the referral), or
    remind them as the date it is wanted by nears."""
    contacts = _wants_mail(
        User.objects.filter(institution_links__institution_id=referral.institution_id).order_by("pk")
    )
    link = reverse("consultations:referral-answer", args=[referral.pk])
    context = {"referral": referral, "proposal": referral.proposal, "referral_url": absolute_url(link)}
    subject = (
        _("Reminder: your opinion is asked on “%(title)s”") if reminder else _("Your opinion is asked on “%(title)s”")
    )
    for user in contacts:
        _send(
            user,
            "referral_requested",
            subject,
            context,
            kind=REFERRAL_REQUESTED,
            link=link,
            title=referral.proposal.title,
        )
    return len(contacts)


def referral_opinion_emails(*, referral: Referral) -> int:
    """Tell whoever referred the proposal (else the member's points of contact) that the opinion came in."""
    member_id = referral.proposal.consultation.action_plan.member_id
    asked = [referral.requested_by] if referral.requested_by and referral.requested_by.is_active else []
    recipients = _wants_mail(
        asked or User.objects.filter(role=User.Role.POINT_OF_CONTACT, member_id=member_id, is_active=True)
    )
    link = reverse("consultations:workspace-response", args=[referral.proposal_id])
    context = {"referral": referral, "proposal": referral.proposal, "response_url": absolute_url(link)}
    for user in recipients:
        _send(
            user,
            "referral_opinion",
            _("%(institution)s gave its opinion on “%(title)s”"),
            context,
            kind=REFERRAL_OPINION,
            link=link,
            institution=referral.institution.name,
            title=referral.proposal.title,
        )
    return len(recipients)
