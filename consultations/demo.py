"""Demo co-creation data: an open consultation on Madrid's 2026–2028 plan, with proposals, supports,
comments and a published response, and Madrid's multi-stakeholder forum with its meetings.

Idempotent: nothing is added twice. Everything goes through the services, so it obeys the domain rules.
"""

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from accounts.models import Organisation, User
from accounts.services import organisation_membership_set
from commitments import services as commitment_services
from commitments.models import ActionPlan, Member, PolicyArea
from consultations import services
from consultations.models import Consultation, Forum, ProposalResponse

AMINA = "participant@demo.ogp.example"
INSTITUTION_CONTACT = "institution.madrid@demo.ogp.example"
CONSULTATION_TITLE = "Your proposals for Madrid's 2026–2028 open government plan"
PARTICIPANTS = [
    ("participant@demo.ogp.example", "Amina Bello", ""),
    ("carlos.ruiz@demo.ogp.example", "Carlos Ruiz", "Madrid Transparency Network (demo)"),
    ("elena.gomez@demo.ogp.example", "Elena Gómez", "District Residents' Federation (demo)"),
    ("tomas.herrera@demo.ogp.example", "Tomás Herrera", ""),
]
PROPOSALS = [
    {
        "author": "carlos.ruiz@demo.ogp.example",
        "title": "Publish district board agendas and lobby meetings a week in advance",
        "problem": "District boards decide on licences and local works, but their agendas appear the day before "
        "and meetings with interest groups are not recorded.",
        "solution": "- Publish every district board agenda **seven days** before the meeting.\n"
        "- Record each meeting of board members with interest groups in the city's lobby register.",
        "expected_results": "Residents can prepare and take part; anyone can see who sought to influence a decision.",
        "area": "lobbying",
        "supporters": [AMINA, "elena.gomez@demo.ogp.example", "tomas.herrera@demo.ogp.example"],
        "response": (
            ProposalResponse.Outcome.MERGED,
            "We agree: this proposal is merged into commitment 1, which extends the lobby register to the 21 "
            "district boards. Agendas will be published seven days ahead from the first milestone.",
        ),
    },
    {
        "author": "elena.gomez@demo.ogp.example",
        "title": "Open data on contracts awarded by district boards",
        "problem": "Minor contracts awarded by districts are not published in a reusable format.",
        "solution": "Publish every contract awarded by a district board on the open data portal, monthly, in the "
        "Open Contracting Data Standard.",
        "expected_results": "Journalists and residents can follow local spending and spot split contracts.",
        "area": "open-contracting",
        "supporters": ["carlos.ruiz@demo.ogp.example", "participant@demo.ogp.example"],
        "referral": (
            "Madrid Procurement Office",
            "Can district contracts be published monthly in OCDS from 2026?",
            "**Yes**, from the second quarter of 2026: the city's contract register already holds the data; the "
            "districts' minor contracts need a new field for the awarding board.",
        ),
    },
    {
        "author": "participant@demo.ogp.example",
        "title": "Citizen juries to review large urban projects",
        "problem": "Large urban projects are consulted only once, late, when the design is already decided.",
        "solution": "Convene a citizen jury, drawn by lot, for every urban project above 10 million euros, early "
        "enough to change the design; publish its recommendations and the council's answers.",
        "expected_results": "",
        "area": "",
        "supporters": ["tomas.herrera@demo.ogp.example"],
    },
]
COMMENTS = [
    ("participant@demo.ogp.example", "Seven days is a good minimum. Could the agendas also be sent by e-mail?"),
    ("elena.gomez@demo.ogp.example", "Our federation supports this: residents often learn about decisions too late."),
]


def _participants() -> dict[str, User]:
    from allauth.account.models import EmailAddress

    users = {}
    for email, name, organisation_name in PARTICIPANTS:
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(email=email, password=None, full_name=name)
            EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        if organisation_name and user.organisation is None:
            organisation, _created = Organisation.objects.get_or_create(
                name=organisation_name, member=None, defaults={"kind": Organisation.Kind.CIVIL_SOCIETY}
            )
            organisation_membership_set(user=user, organisation=organisation, by=None)
        users[email] = user
    return users


def _discuss_and_answer(proposal, response_spec, *, users: dict[str, User], commitment, contact: User | None):
    """The demo discussion of a proposal (with the point of contact's reply), a follower and the published
    response linking the commitment it fed."""
    first = services.comment_create(proposal=proposal, author=users[COMMENTS[0][0]], body=COMMENTS[0][1], language="en")
    services.comment_create(proposal=proposal, author=users[COMMENTS[1][0]], body=COMMENTS[1][1], language="en")
    if contact is not None:
        services.comment_create(
            proposal=proposal,
            author=contact,
            body="Yes: the agendas will also go to the district mailing lists.",
            parent=first,
            language="en",
        )
    services.proposal_follow(proposal=proposal, user=users["participant@demo.ogp.example"])
    outcome, reasons = response_spec
    services.response_save(
        proposal=proposal,
        outcome=outcome,
        reasons=reasons,
        commitments=[commitment],
        publish=True,
        written_by=contact,
        notify=False,  # demo addresses: no notification e-mail for the seeded response
        language="en",
    )


def _refer(proposal, referral_spec, *, contact: User) -> None:
    """The proposal referred to an institution whose demo contact gave its opinion in the portal."""
    institution_name, question, opinion = referral_spec
    referral = services.referral_create(
        proposal=proposal, institution_name=institution_name, question=question, requested_by=contact
    )
    speaker = User.objects.filter(email=INSTITUTION_CONTACT).first()
    if speaker is None:
        return
    member = proposal.consultation.action_plan.member
    commitment_services.institution_contact_add(
        member=member, institution_name=institution_name, email=speaker.email, added_by=contact
    )
    services.referral_give_opinion(referral=referral, user=speaker, opinion=opinion, notify=False)


def _seed_consultation(plan: ActionPlan, contact: User | None) -> int:
    if Consultation.objects.filter(action_plan=plan, title=CONSULTATION_TITLE).exists():
        return 0
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    areas = {a.slug: a for a in PolicyArea.objects.filter(slug__in=["lobbying", "open-contracting"])}
    consultation = services.consultation_create(
        action_plan=plan,
        created_by=contact,
        title=CONSULTATION_TITLE,
        kind=Consultation.Kind.PROPOSALS,
        description="Madrid City Council is co-creating its 2026–2028 open government action plan with the "
        "city's open government forum. **Send your proposals** on transparency of decisions, lobbying and "
        "public contracts.\n\nEvery proposal will get a reasoned response from the point of contact.",
        opens_at=now - timedelta(days=12),
        closes_at=now + timedelta(days=18),
        policy_areas=list(areas.values()),
        language="en",
    )
    users = _participants()
    commitment = plan.commitments.order_by("sort_key").first()
    for spec in PROPOSALS:
        author = users[spec["author"]]
        proposal = services.proposal_create(
            consultation=consultation,
            author=author,
            organisation=author.confirmed_organisation,
            title=spec["title"],
            problem=spec["problem"],
            solution=spec["solution"],
            expected_results=spec["expected_results"],
            policy_area=areas.get(spec["area"]),
            submit=True,
            language="en",
        )
        for email in spec["supporters"]:
            services.proposal_support(proposal=proposal, user=users[email])
        if spec.get("response") and commitment is not None:
            _discuss_and_answer(proposal, spec["response"], users=users, commitment=commitment, contact=contact)
        if spec.get("referral") and contact is not None:
            _refer(proposal, spec["referral"], contact=contact)
    services.consultation_create(
        action_plan=plan,
        created_by=contact,
        title="Review of the draft 2026–2028 plan",
        kind=Consultation.Kind.DRAFT_REVIEW,
        description="Comment on the draft plan before it is submitted to OGP.",
        opens_at=now + timedelta(days=25),
        closes_at=now + timedelta(days=46),
        language="en",
    )
    return 2


def _seed_forum(member: Member, plans: dict[int, ActionPlan]) -> None:
    if Forum.objects.filter(member=member).exists():
        return
    forum = services.forum_save(
        member=member,
        name="Madrid Open Government Forum",
        description="The forum brings together the City Council and civil society to co-create and monitor "
        "Madrid's open government action plans. It meets at least every quarter; its minutes are public.",
        established_on=date(2017, 2, 1),
        rules_url="https://www.opengovpartnership.org/",
    )
    seats = [
        ("Madrid City Council — Transparency Department", "government", "co_chair"),
        ("Madrid City Council — Districts Coordination", "government", "member"),
        ("Madrid Transparency Network (demo)", "civil_society", "co_chair"),
        ("District Residents' Federation (demo)", "civil_society", "member"),
        ("Open Data Collective (demo)", "civil_society", "member"),
        ("University researchers on open government (demo)", "other", "observer"),
    ]
    for organisation_name, sector, role in seats:
        services.forum_seat_save(
            forum=forum, organisation_name=organisation_name, sector=sector, role=role, since=date(2017, 2, 1)
        )
    meetings = [
        (date(2018, 3, 14), "Monitoring the lobby register", "implementation", plans.get(1), 6, 9),
        (date(2018, 11, 7), "Mid-term review of the first plan", "implementation", plans.get(1), 5, 8),
        (date(2026, 9, 15), "Launch of the co-creation of the 2026–2028 plan", "co_creation", plans.get(2), 7, 12),
        (date(2026, 10, 20), "First review of the proposals received", "co_creation", plans.get(2), 6, 11),
    ]
    for held_on, title, phase, plan, gov, cs in meetings:
        services.forum_meeting_save(
            forum=forum,
            held_on=held_on,
            title=title,
            phase=phase,
            action_plan=plan,
            modality="hybrid",
            open_to_public=True,
            agenda="1. Welcome\n2. " + title + "\n3. Next steps",
            attendance_government=gov,
            attendance_civil_society=cs,
            minutes=f"The forum discussed: {title.lower()}. Decisions and actions are listed in the annex.",
            minutes_published=True,
        )


def seed_consultations() -> int:
    """Madrid's forum, its open consultation and the review of its draft plan: how many consultations were
    created now."""
    member = Member.objects.filter(slug="madrid").first()
    if member is None:
        return 0
    plans = {p.number: p for p in member.action_plans.all()}
    plan = plans.get(2)
    contact = member.contacts.filter(role=User.Role.POINT_OF_CONTACT).first()
    with transaction.atomic():
        _seed_forum(member, plans)
    if plan is None or plan.status != ActionPlan.Status.CO_CREATION:
        return 0
    with transaction.atomic():
        return _seed_consultation(plan, contact)
