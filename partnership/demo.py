"""Demo data: every OGP member named in the reference, the OGP Local members, and demo plans.

Idempotent: members are updated in place, a plan that already exists is left as it is, and demo
accounts are created once. Plans go through the real services, so they obey the domain rules.
"""

import csv
import secrets
from datetime import date
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify
from django_countries import countries

from accounts.models import Organisation, User
from accounts.services import user_set_role
from commitments import services
from commitments.country_names import country_names
from commitments.models import ActionPlan, Member, Milestone, PolicyArea
from commitments.services.translations import commitment_translation_save
from common.reference import untranslated_reference_rows
from consultations.demo import seed_consultations
from consultations.demo_lively import seed_lively_consultations
from cycle.demo import seed_cycle
from drafting.demo import seed_drafting
from grants.demo import seed_grants
from irm_reports.demo import seed_irm_demo
from irm_reports.importing import OGP_SAMPLE, import_ogp_data
from monitoring.demo import seed_monitoring
from notifications.demo import seed_notifications
from partnership.demo_content import DEMO_PLANS
from partnership.services import open_data_build_request
from peers.demo import seed_peers
from support.demo import seed_support

DATA_DIR = Path(__file__).resolve().parent / "data"
VALUE_FLAGS = {
    "ati": "access_to_information",
    "cp": "civic_participation",
    "pa": "public_accountability",
    "tech": "technology_innovation",
}
DEMO_ACCOUNTS = [
    ("contact.madrid@demo.ogp.example", "Lucía Martín", User.Role.POINT_OF_CONTACT, "madrid"),
    ("contact.sekondi@demo.ogp.example", "Kwame Mensah", User.Role.POINT_OF_CONTACT, "sekondi-takoradi"),
    ("participant@demo.ogp.example", "Amina Bello", User.Role.PARTICIPANT, None),
    # A contact of Madrid's procurement office: the office's opinion on a proposal (consultations/demo.py).
    ("institution.madrid@demo.ogp.example", "Pablo Ortega", User.Role.PARTICIPANT, None),
]


def _read_csv(name: str) -> list[dict]:
    with open(DATA_DIR / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def seed_national_members() -> dict[str, Member]:
    """National members by ISO code, with their status history where it is not plain 'active'."""
    by_country = {}
    for row in _read_csv("national_members.csv"):
        member, _created = Member.objects.update_or_create(
            slug=slugify(row["name"]),
            defaults={
                "name": row["name"],
                **country_names(row["iso2"]),
                "kind": Member.Kind.NATIONAL,
                "country": row["iso2"],
                "region": row["region"],
                "joined_year": int(row["joined_year"]),
                "code": countries.alpha3(row["iso2"]),
            },
        )
        if not member.status_events.exists():
            services.member_status_change(member=member, status="active", effective_on=date(member.joined_year, 9, 20))
            if row["status"] != "active":
                services.member_status_change(
                    member=member,
                    status=row["status"],
                    effective_on=date.fromisoformat(row["status_since"]),
                    reason="voluntary" if row["status"] == "withdrawn" else "",
                )
        by_country[row["iso2"]] = member
    return by_country


def seed_local_members(national: dict[str, Member]) -> int:
    count = 0
    for row in _read_csv("local_members.csv"):
        parent = national.get(row["country_iso2"])
        slug = slugify(row["name_en"])
        if Member.objects.filter(slug=slug).exclude(kind=Member.Kind.LOCAL).exists():
            slug = f"{slug}-{row['country_iso2'].lower()}"
        Member.objects.update_or_create(
            slug=slug,
            defaults={
                "name": row["name_en"],
                "name_fr": row["name_fr"],
                "name_es": row["name_es"],
                "kind": Member.Kind.LOCAL,
                "country": row["country_iso2"],
                "parent": parent,
                "region": parent.region if parent else "",
            },
        )
        count += 1
    return count


def _seed_plan(spec: dict) -> ActionPlan | None:
    member = Member.objects.get(slug=spec["member"])
    if ActionPlan.objects.filter(member=member, number=spec["number"]).exists():
        return None
    plan = services.action_plan_create(
        member=member,
        number=spec["number"],
        title=spec["title"],
        description=spec["description"],
        start_date=spec["start"],
        end_date=spec["end"],
        language=spec.get("language", "en"),
    )
    areas = {a.slug: a for a in PolicyArea.objects.all()}
    commitments = []
    for item in spec["commitments"]:
        commitment = services.commitment_create(
            action_plan=plan,
            number=item["number"],
            title=item["title"],
            problem=item.get("problem", ""),
            status_quo=item.get("status_quo", ""),
            objective=item.get("objective", ""),
            expected_results=item.get("expected_results", ""),
            start_date=spec["start"],
            end_date=spec["end"],
            lead_institution_name=item["lead"],
            supporting_names={
                Organisation.Kind.GOVERNMENT: item.get("supporting_gov", []),
                Organisation.Kind.CIVIL_SOCIETY: item.get("supporting_csos", []),
            },
            policy_areas=[areas[slug] for slug in item["areas"]],
            **{VALUE_FLAGS[v]: True for v in item["values"]},
        )
        milestones = [
            services.milestone_create(commitment=commitment, order=i, description=text, due_date=due)
            for i, (text, due, _status, _done) in enumerate(item["milestones"], start=1)
        ]
        _seed_translations(commitment, item, milestones, member.contacts.first())
        commitments.append((commitment, item, milestones))
    if spec["status"] == "co_creation":
        return plan
    for status in (ActionPlan.Status.SUBMITTED, ActionPlan.Status.IMPLEMENTATION):
        plan = services.action_plan_transition(plan=plan, to_status=status)
    author = member.contacts.first()
    for commitment, item, milestones in commitments:
        commitment.action_plan = plan
        for milestone, (_text, _due, status, done) in zip(milestones, item["milestones"], strict=True):
            if status != Milestone.Status.NOT_STARTED:
                milestone.commitment = commitment
                services.milestone_update(milestone=milestone, status=status, completed_on=done)
        for reported_on, completion, text in item["progress"]:
            services.progress_update_create(
                commitment=commitment, author=author, text=text, completion=completion, reported_on=reported_on
            )
    if spec["status"] == "completed":
        plan = services.action_plan_transition(plan=plan, to_status=ActionPlan.Status.COMPLETED)
    return plan


def _seed_translations(commitment, item: dict, milestones: list, by) -> None:
    for language, texts in item.get("translations", {}).items():
        commitment_translation_save(
            commitment=commitment,
            language=language,
            texts={name: text for name, text in texts.items() if name != "milestones"},
            milestone_texts={
                m.pk: {"description": text} for m, text in zip(milestones, texts["milestones"], strict=True)
            },
            translated_by=by,
        )


def seed_demo_accounts(password: str | None) -> list[tuple[str, str | None]]:
    """Demo accounts with verified e-mail; a password is set only when the account is created."""
    from allauth.account.models import EmailAddress

    created = []
    for email, name, role, member_slug in DEMO_ACCOUNTS:
        user = User.objects.filter(email=email).first()
        if user is None:
            secret = password or secrets.token_urlsafe(12)
            user = User.objects.create_user(email=email, password=secret, full_name=name)
            created.append((email, secret))
        member = Member.objects.get(slug=member_slug) if member_slug else None
        user_set_role(user=user, role=role, member=member)
        EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    return created


def seed_demo(*, password: str | None = None) -> dict:
    with transaction.atomic():
        national = seed_national_members()
        local_count = seed_local_members(national)
        accounts = seed_demo_accounts(password)
    plans = 0
    for spec in DEMO_PLANS:
        with transaction.atomic():
            plans += _seed_plan(spec) is not None
    # Real history: OGP's commitments and IRM data for 30 members (already imported: nothing changes).
    imported = import_ogp_data(OGP_SAMPLE)
    accounts += seed_irm_demo(password=password)
    consultations = seed_consultations() + seed_lively_consultations()
    grant_calls = seed_grants()
    accounts += seed_support(password=password)
    cycle = seed_cycle()
    seed_monitoring()
    seed_drafting()
    peers = seed_peers()
    seed_notifications(User.objects.filter(email__in=[email for email, *_rest in DEMO_ACCOUNTS]))
    # The open-data archive of what was just loaded, so that /open-data/ links to it at once (a worker builds it;
    # in the embedded default a thread of this process, which ends once the archive is written).
    archive = open_data_build_request()
    return {
        "national": len(national),
        "local": local_count,
        "plans_created": plans,
        "consultations_created": consultations,
        "grant_calls": grant_calls,
        "accounts": accounts,
        # What this run wrote of OGP's data, not the rows it read: a second run creates and changes nothing.
        "ogp_commitments": imported.counts["commitments"],
        **cycle,
        "peer_exchanges_created": peers["exchanges_created"],
        "open_data_build": archive.pk,
        "untranslated": untranslated_reference_rows(),
    }
