"""Internal opinions: the point of contact refers a proposal to a government institution of the member; the
institution's contacts are told and give its opinion in the portal (or the point of contact records one
received otherwise); the point of contact reads it before publishing the reasoned response, which may show it."""

from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Organisation, User
from commitments.services import organisation_for_name
from consultations.models import Proposal, Referral
from consultations.services._common import lock_proposal
from consultations.services.notifications import referral_opinion_emails, referral_requested_emails


@transaction.atomic
def referral_create(
    *,
    proposal: Proposal,
    institution_name: str,
    question: str = "",
    due_on: date | None = None,
    requested_by: User | None = None,
) -> Referral:
    """Route a proposal to a government institution of the member for an internal opinion; its contacts are
    notified in this transaction."""
    current = lock_proposal(proposal.pk)
    if current.status not in (Proposal.Status.SUBMITTED, Proposal.Status.UNDER_REVIEW):
        raise ValidationError(_("Only a proposal awaiting its response can be sent for an opinion."))
    if not (institution_name or "").strip():
        raise ValidationError({"institution_name": _("Name the institution.")})
    if due_on is not None and due_on < timezone.localdate():
        raise ValidationError({"due_on": _("Choose a date from today on.")})
    member = proposal.consultation.action_plan.member
    institution = organisation_for_name(member=member, name=institution_name, kind=Organisation.Kind.GOVERNMENT)
    if institution.kind != Organisation.Kind.GOVERNMENT:
        raise ValidationError({"institution_name": _("“%(name)s” is not a government institution.") % {
            "name": institution.name}})  # fmt: skip
    referral = Referral(proposal=current, institution=institution, question=(question or "").strip(), due_on=due_on)
    referral.requested_by = requested_by
    referral.full_clean()
    referral.save()
    if current.status == Proposal.Status.SUBMITTED:
        current.status = Proposal.Status.UNDER_REVIEW
        current.save(update_fields=["status", "updated_at"])
    referral.proposal = current
    current.consultation = proposal.consultation
    referral_requested_emails(referral=referral)
    return referral


def _lock_referral(referral: Referral) -> Referral:
    return (
        Referral.objects.select_for_update(of=("self",))
        .select_related("proposal__consultation__action_plan", "institution", "requested_by")
        .get(pk=referral.pk)
    )


def referral_reminders_send(*, today: date | None = None) -> int:
    """Remind the contacts of institutions whose opinion is wanted within `REFERRAL_REMINDER_DAYS` days (or is late)
    and not given yet, once per referral: how many people were told."""
    today = today or timezone.localdate()
    due = Referral.objects.filter(
        opinion="",
        reminded_on__isnull=True,
        due_on__lte=today + timedelta(days=settings.REFERRAL_REMINDER_DAYS),
        proposal__status__in=(Proposal.Status.SUBMITTED, Proposal.Status.UNDER_REVIEW),
    )
    return sum(_remind(pk, today) for pk in due.order_by("pk").values_list("pk", flat=True))


@transaction.atomic
def _remind(pk: int, today: date) -> int:
    referral = (
        Referral.objects.select_for_update(of=("self",))
        .select_related("proposal__consultation__action_plan__member", "institution")
        .filter(pk=pk, opinion="", reminded_on__isnull=True)
        .first()
    )
    if referral is None:  # answered, or reminded by another run, meanwhile
        return 0
    referral.reminded_on = today
    referral.save(update_fields=["reminded_on", "updated_at"])
    return referral_requested_emails(referral=referral, reminder=True)


@transaction.atomic
def referral_record_opinion(*, referral: Referral, opinion: str, received_on=None) -> Referral:
    """Record the opinion the institution sent otherwise (internal: seen by the point of contact and staff)."""
    current = _lock_referral(referral)
    current.opinion = (opinion or "").strip()
    if not current.opinion:
        raise ValidationError({"opinion": _("Write the opinion received.")})
    current.opinion_received_on = received_on or timezone.localdate()
    current.opinion_by = None  # the point of contact's record, not words given in the portal by a contact
    current.full_clean()
    current.save()
    return current


@transaction.atomic
def referral_give_opinion(*, referral: Referral, user: User, opinion: str, notify: bool = True) -> Referral:
    """A contact of the institution gives (or rewrites) its opinion in the portal, while the proposal awaits its
    response; whoever referred it is notified the first time (`notify=False` for seeded demo data only)."""
    current = _lock_referral(referral)
    if current.proposal.status not in (Proposal.Status.SUBMITTED, Proposal.Status.UNDER_REVIEW):
        raise ValidationError(_("The response to this proposal is published: the opinion can no longer change."))
    text = (opinion or "").strip()
    if not text:
        raise ValidationError({"opinion": _("Write the institution's opinion.")})
    first = not current.opinion
    current.opinion, current.opinion_by = text, user
    current.opinion_received_on = timezone.localdate()
    current.full_clean()
    current.save()
    if first and notify:
        referral_opinion_emails(referral=current)
    return current
