from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from consultations.models import Consultation, Proposal


def lock_consultation(pk: int) -> Consultation:
    """The consultation's current row, locked: its state cannot change while a proposal is written."""
    return Consultation.objects.select_for_update(of=("self",)).select_related("action_plan__member").get(pk=pk)


def lock_proposal(pk: int) -> Proposal:
    return Proposal.objects.select_for_update().get(pk=pk)


def require_open(consultation: Consultation) -> None:
    if not consultation.is_open:
        raise ValidationError(
            _("This consultation is %(state)s: it does not accept this any more.")
            % {"state": consultation.get_state_display().lower()},
            code="closed",
        )
