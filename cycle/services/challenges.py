"""Writes of the challenge: a member declares the area it takes up; commitments are tagged."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from commitments.models import Commitment, Member
from common.cache import bump_content_version
from cycle.models import ChallengeArea, MemberChallenge, SDGTarget


@transaction.atomic
def member_challenge_declare(
    *, member: Member, area: ChallengeArea, ambition: str = "", declared_on: date | None = None
) -> MemberChallenge:
    """Record (or update) the member's declaration that it takes up the challenge in `area`."""
    declaration, _created = MemberChallenge.objects.select_for_update().get_or_create(
        member=member, area=area, defaults={"declared_on": declared_on or timezone.localdate()}
    )
    declaration.ambition = ambition.strip()
    declaration.full_clean()
    declaration.save()
    bump_content_version()
    return declaration


@transaction.atomic
def commitment_tag(*, commitment: Commitment, areas: list[ChallengeArea], sdg_targets: list[SDGTarget]) -> Commitment:
    """Set the challenge areas and SDG targets a commitment is aligned with (replacing the previous ones)."""
    if len(areas) > 3:
        raise ValidationError({"areas": _("Tag at most three challenge areas.")})
    commitment.challenge_areas.set(areas)
    commitment.sdg_targets.set(sdg_targets)
    bump_content_version()
    return commitment
