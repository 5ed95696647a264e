"""Institution contacts: the accounts that speak for a government institution, set by its member's point of
contact or staff. The rules read the links on every request, so a removed contact loses the rights at once."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.email_address import normalize_email_or_none
from accounts.models import Organisation, User
from commitments.models import InstitutionContact, Member
from commitments.services.members import organisation_for_name


@transaction.atomic
def institution_contact_add(
    *, member: Member, institution_name: str, email: str, added_by: User | None = None
) -> InstitutionContact:
    """Link the account of that e-mail address to the member's institution of that name (created when new)."""
    if not (institution_name or "").strip():
        raise ValidationError({"institution_name": _("Name the institution.")})
    address = normalize_email_or_none((email or "").strip())
    user = User.objects.filter(email=address, is_active=True, deleted_at__isnull=True).first() if address else None
    if user is None:
        raise ValidationError({"email": _("No active account uses this e-mail address: ask the person to register.")})
    institution = organisation_for_name(member=member, name=institution_name, kind=Organisation.Kind.GOVERNMENT)
    if institution.kind != Organisation.Kind.GOVERNMENT:
        raise ValidationError(
            {"institution_name": _("“%(name)s” is not a government institution.") % {"name": institution.name}}
        )
    contact = InstitutionContact(institution=institution, user=user, added_by=added_by)
    contact.full_clean()
    contact.save()
    return contact


@transaction.atomic
def institution_contact_remove(*, contact: InstitutionContact) -> None:
    """End the link (the history keeps who it was and when)."""
    InstitutionContact.objects.filter(pk=contact.pk).delete()


def institution_contacts_remove_for_user(*, user: User) -> int:
    """Account deletion: the person no longer speaks for any institution."""
    deleted, _by_model = InstitutionContact.objects.filter(user=user).delete()
    return deleted
