"""Demo data of the support unit: its menu, representatives, a few requests and the partners (idempotent)."""

import secrets
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from accounts.services import user_set_role
from commitments.models import Commitment, Member
from support.demo_data import ENGAGEMENTS, PARTNERS, SERVICES
from support.models import Engagement, Partner, Representative, ServiceOffer, SupportRequest

REPRESENTATIVE = ("support.unit@demo.ogp.example", "Clara Nwosu")
REPRESENTED = ("madrid", "sekondi-takoradi", "uruguay", "armenia", "nigeria")


def _services() -> dict[str, ServiceOffer]:
    offers = {}
    for order, (slug, level, step, audience, (en, fr, es), (text, text_fr, text_es)) in enumerate(SERVICES):
        offers[slug], _created = ServiceOffer.objects.update_or_create(
            slug=slug,
            defaults={"name": en, "name_fr": fr, "name_es": es, "level": level, "cycle_step": step}
            | {"description": text, "description_fr": text_fr, "description_es": text_es}
            | {"audience": audience, "order": order},
        )
    return offers


def _representative(password: str | None) -> tuple[User, list]:
    from allauth.account.models import EmailAddress

    email, name = REPRESENTATIVE
    user, created = User.objects.get_or_create(email=email, defaults={"full_name": name})
    accounts = []
    if created:
        secret = password or secrets.token_urlsafe(12)
        user.set_password(secret)
        user.save(update_fields=["password"])
        accounts.append((email, secret))
    user_set_role(user=user, role=User.Role.SUPPORT_STAFF)
    EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    for member in Member.objects.filter(slug__in=REPRESENTED):
        Representative.objects.get_or_create(member=member, defaults={"user": user})
    return user, accounts


def _requests(offers: dict, representative: User) -> None:
    member = Member.objects.filter(slug="madrid").first()
    contact = member and member.contacts.filter(role=User.Role.POINT_OF_CONTACT).first()
    if contact is None or SupportRequest.objects.filter(member=member).exists():
        return
    now = timezone.now()
    common = {"member": member, "requester": contact, "representative": representative}
    SupportRequest.objects.create(
        **common,
        service=offers["drafting-commitments"],
        description="Help us turn the forum's proposals on district budgets into measurable commitments.",
        status=SupportRequest.Status.DELIVERED,
        is_public=True,
        decided_at=now,
        delivered_at=now,
        outcome="Two workshops with the forum; five commitments rewritten with milestones and indicators.",
    )
    SupportRequest.objects.create(
        **common,
        service=offers["draft-plan-feedback"],
        description="A partner's review of the draft plan before submission.",
        status=SupportRequest.Status.ACCEPTED,
        decided_at=now,
        due_date=timezone.localdate() + timedelta(days=21),
    )
    SupportRequest.objects.create(
        **common, service=offers["peer-exchange"], description="An exchange with another city on lobby registers."
    )


def _partners() -> None:
    partners = {}
    for slug, kind, acronym, (en, fr, es), website in PARTNERS:
        partners[slug], _created = Partner.objects.update_or_create(
            slug=slug,
            defaults={"name": en, "name_fr": fr, "name_es": es, "kind": kind, "acronym": acronym, "website": website},
        )
    members = {m.slug: m for m in Member.objects.filter(slug__in={e[1] for e in ENGAGEMENTS})}
    for partner_slug, member_slug, assistance, description, amount, word in ENGAGEMENTS:
        member = members.get(member_slug)
        if member is None:
            continue
        engagement, created = Engagement.objects.get_or_create(
            partner=partners[partner_slug],
            member=member,
            assistance=assistance,
            defaults={"description": description, "amount": amount, "currency": "USD" if amount else ""},
        )
        if created and word:
            commitment = Commitment.objects.filter(action_plan__member=member, title__icontains=word).first()
            if commitment:
                engagement.commitments.add(commitment)


def seed_support(*, password: str | None = None) -> list[tuple[str, str | None]]:
    """The menu, a representative for a few members, Madrid's requests and the partners; the accounts created."""
    with transaction.atomic():
        offers = _services()
        representative, accounts = _representative(password)
        _requests(offers, representative)
        _partners()
    return accounts
