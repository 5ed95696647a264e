"""Demo monitoring: Sekondi-Takoradi's plan in implementation, with findings from three organisations (photos,
places on site visits), a dispute on a milestone the government reports completed, and the point of contact's
answer. Idempotent: nothing is written when the plan already has reports."""

import io
from datetime import date
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from PIL import Image, ImageDraw

from accounts.models import Organisation, User
from accounts.services import organisation_membership_set
from commitments.models import ActionPlan, Commitment
from commitments.services import commitment_follow
from monitoring.models import MonitoringReport
from monitoring.services.answers import report_answer
from monitoring.services.reports import report_create

MEMBER = "sekondi-takoradi"
MONITORS = [
    ("esi.owusu@demo.ogp.example", "Esi Owusu", "Friends of the Nation"),
    ("kofi.asante@demo.ogp.example", "Kofi Asante", "Western Region Coastal Foundation"),
    ("abena.boateng@demo.ogp.example", "Abena Boateng", "Takoradi Residents' Association"),
]
# (monitor, commitment number, milestone description start or "", finding, observed on, text, place, photo colour)
REPORTS = [
    (
        0,
        "1",
        "Publish project timelines",
        "not_started",
        date(2025, 9, 12),
        "The Assembly's website has no timeline or budget page for the **Kansaworado drain** or the **Market Circle "
        "redevelopment**: the links in the progress update lead to an empty page.",
        (Decimal("4.93400"), Decimal("-1.77420"), "Market Circle, Takoradi"),
        (200, 120, 60),
    ),
    (
        1,
        "2",
        "Quarterly site visits",
        "on_track",
        date(2025, 10, 4),
        "Our monitors visited the Essikado health post works with the engineer; the works match the disclosed "
        "contract and the schedule.",
        (Decimal("4.95110"), Decimal("-1.70230"), "Essikado health post"),
        (60, 140, 90),
    ),
    (
        2,
        "1",
        "",
        "delayed",
        date(2025, 11, 2),
        "Contracts signed since July are not published yet, although the commitment promises 30 days.",
        (Decimal("4.89860"), Decimal("-1.75540"), "Sekondi-Takoradi Metropolitan Assembly"),
        None,
    ),
]
ANSWER = (
    "disputed",
    "The timelines and budgets were moved to the new projects portal in August (projects.stma.gov.gh); the old "
    "links are now redirected. We keep the milestone completed.",
)


def _photo(colour) -> SimpleUploadedFile:
    image = Image.new("RGB", (480, 320), (235, 238, 242))
    ImageDraw.Draw(image).rectangle((60, 80, 420, 260), fill=colour)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=80)
    return SimpleUploadedFile("site-visit.jpg", buffer.getvalue(), content_type="image/jpeg")


def _monitors() -> list[User]:
    from allauth.account.models import EmailAddress

    users = []
    for email, name, organisation_name in MONITORS:
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(email=email, password=None, full_name=name)
            EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        if user.organisation is None:
            organisation, _created = Organisation.objects.get_or_create(
                name=organisation_name, member=None, defaults={"kind": Organisation.Kind.CIVIL_SOCIETY}
            )
            organisation_membership_set(user=user, organisation=organisation, by=None)
            user.refresh_from_db()
        users.append(user)
    return users


def _followers(plan: ActionPlan, users: list) -> None:
    """Each monitor follows the commitments they report on; the demo participant follows the first one."""
    participant = User.objects.filter(email="participant@demo.ogp.example").first()
    for who, number, *_rest in REPORTS:
        for user in (users[who], participant if number == "1" else None):
            commitment = Commitment.objects.filter(action_plan=plan, number=number).first()
            if user is not None and commitment is not None:
                commitment_follow(commitment=commitment, user=user)


@transaction.atomic
def seed_monitoring() -> int:
    """The demo reports and answer; returns how many reports were created (0 on a second run)."""
    plan = ActionPlan.objects.filter(member__slug=MEMBER, status=ActionPlan.Status.IMPLEMENTATION).first()
    if plan is None or MonitoringReport.objects.filter(commitment__action_plan=plan).exists():
        return 0
    users = _monitors()
    _followers(plan, users)
    created = []
    for who, number, milestone_start, finding, observed_on, text, place, colour in REPORTS:
        commitment = Commitment.objects.filter(action_plan=plan, number=number).first()
        if commitment is None:
            continue
        milestone = (
            commitment.milestones.filter(description__startswith=milestone_start).first() if milestone_start else None
        )
        latitude, longitude, address = place
        created.append(
            report_create(
                commitment=commitment, author=users[who], organisation=users[who].confirmed_organisation,
                milestone=milestone, finding=finding, text=text, observed_on=observed_on, latitude=latitude,
                longitude=longitude, address=address, evidence=[_photo(colour)] if colour else [], submit=True,
            )
        )  # fmt: skip
    contact = User.objects.filter(role=User.Role.POINT_OF_CONTACT, member=plan.member).first()
    if created and contact is not None:
        kind, text = ANSWER
        report_answer(report=created[0], user=contact, kind=kind, text=text)
    return len(created)
