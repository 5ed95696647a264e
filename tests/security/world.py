"""The one `world` of the permission matrix: objects of one member owned by users of every role."""

from datetime import date

from django.core.files.base import ContentFile

from accounts.models import Organisation
from consultations.models import ProposalAttachment, Referral
from cycle.models import ChallengeArea, ComplianceFinding, SDGTarget
from cycle.services import member_cycle_refresh
from irm_reports.models import Report
from peers.models import ExchangeRequest
from support.models import SupportAttachment
from tests.factories import ActionPlanFactory, CommitmentFactory, MemberFactory, MilestoneFactory, UserFactory
from tests.factories.accounts import OrganisationFactory
from tests.factories.analytics import assess
from tests.factories.consultations import (
    CommentFactory,
    ConsultationFactory,
    ForumFactory,
    ForumMeetingFactory,
    ForumSeatFactory,
    ProposalFactory,
    ResponseFactory,
    ResponseTemplateFactory,
)
from tests.factories.grants import GrantApplicationFactory, GrantCallFactory, ReviewFactory
from tests.factories.irm_reports import ReportFactory, ResearcherAssignmentFactory
from tests.factories.notifications import NotificationFactory
from tests.factories.support import EngagementFactory, ServiceOfferFactory, SupportRequestFactory

# Text only the owner (or the member's team) may see: a denied response must never contain it.
SECRETS = {
    "draft": "Confidential draft about the harbour tender",
    "template": "Internal wording kept by the point of contact",
    "report": "Unpublished IRM findings on the water utility",
    "referral": "Private opinion of the urban planning office",
    "grant": "Draft grant plan for the Lavapiés coalition",
    "support_request": "Confidential need of the mayor's office",
    "monitoring_draft": "Unsent monitoring notes on the tram depot",
    "exchange": "Between us: our procurement reform stalled in the ministry",
    "notification": "A private notice about the harbour tender",
}


def _pdf() -> dict:
    return {"pdf": ContentFile(b"%PDF-1.4\n%%EOF\n", name="report.pdf"), "pdf_sha256": "0" * 64}


def build_world() -> dict:
    """Objects of one member (Madrid) owned by known users, and the users of every role."""
    member = MemberFactory(name="Madrid", slug="madrid", kind="local", country="ES")
    other_member = MemberFactory(name="Paris", slug="paris", kind="local", country="FR")
    organisation = OrganisationFactory(name="Vecinos de Lavapiés")
    owner = UserFactory(full_name="Amina Bello", email="amina.private@example.org", member_of=organisation)
    users = {
        "owner": owner,
        "participant": UserFactory(),
        "poc": UserFactory(point_of_contact_of=member),
        "other_poc": UserFactory(point_of_contact_of=other_member),
        "researcher": UserFactory(researcher=True),
        "other_researcher": UserFactory(researcher=True),
        "staff": UserFactory(staff=True),
    }
    plan = ActionPlanFactory(member=member, title="Madrid plan 2024–2026")
    commitment = CommitmentFactory(action_plan=plan, number="1")
    implementing = ActionPlanFactory(member=member, implementing=True, start_date=date(2022, 1, 1))
    completed_plan = ActionPlanFactory(member=member, completed=True, start_date=date(2020, 1, 1))
    ResearcherAssignmentFactory(action_plan=completed_plan, researcher=users["researcher"])
    consultation = ConsultationFactory(action_plan=plan, title="Proposals for Madrid")
    proposal = ProposalFactory(consultation=consultation, author=owner, title="Publish district agendas")
    forum = ForumFactory(member=member)
    report = ReportFactory(action_plan=completed_plan, overview=SECRETS["report"])
    draft = ProposalFactory(consultation=consultation, author=owner, draft=True, title=SECRETS["draft"])
    world = {
        **users,
        "membership_request": UserFactory(asking_to_join=organisation),
        "member": member,
        "plan": plan,
        "commitment": commitment,
        "milestone": MilestoneFactory(commitment=commitment),
        "implemented": CommitmentFactory(action_plan=implementing, number="2"),
        "completed_plan": completed_plan,
        "assessed": CommitmentFactory(action_plan=completed_plan, number="3"),
        "consultation": consultation,
        "proposal": proposal,
        "draft": draft,
        "draft_attachment": ProposalAttachment.objects.create(
            proposal=draft,
            file=ContentFile(SECRETS["draft"].encode(), name="draft.pdf"),
            original_name="draft.pdf",
            content_type="application/pdf",
            size=len(SECRETS["draft"]),
        ),
        "comment": CommentFactory(proposal=proposal, author=owner),
        "template": ResponseTemplateFactory(member=member, reasons=SECRETS["template"]),
        "seat": ForumSeatFactory(forum=forum),
        "meeting": ForumMeetingFactory(forum=forum),
        "referral": Referral.objects.create(
            proposal=proposal,
            institution=Organisation.objects.create(name="Urban Planning", kind="government", member=member),
            opinion=SECRETS["referral"],
            opinion_received_on=date(2024, 3, 1),
        ),
        "report": report,
        "ready": ReportFactory(action_plan=completed_plan, review=True, status=Report.Status.READY, **_pdf()),
        "published": ReportFactory(action_plan=completed_plan, progress=True, status=Report.Status.PUBLISHED, **_pdf()),
    }
    return {**world, **_apps_above(world, organisation, member, forum, other_member)}


def _apps_above(world: dict, organisation, member, forum, other_member) -> dict:
    """The objects of the apps added since the first ones, each app's in its own function."""
    notification = NotificationFactory(recipient=world["owner"], title=SECRETS["notification"], link="/proposals/")
    assess(world["assessed"], report=world["published"])  # a published assessment: the analytics show figures
    return {
        "notification": notification, **_grants(world, organisation), **_support_world(world),
        **_cycle_world(member, forum), **_monitoring_world(world), **_drafting_world(world),
        "exchange": _exchange(world, other_member), "institution_contact": _institution_contact(world),
        # A proposal of another participant with its published reasoned response (translated by the managers).
        "answered": ResponseFactory(proposal__consultation=world["consultation"]).proposal,
    }  # fmt: skip


def _grants(world: dict, organisation) -> dict:
    """A call open today with the owner's organisation's draft; a closed call with its submitted and awarded ones."""
    from grants.models import ApplicationAttachment, ReportingMilestone

    call = GrantCallFactory(title="Micro-grants Madrid")
    closed = GrantCallFactory(title="Micro-grants 2025", closed=True)
    draft = GrantApplicationFactory(
        call=call, organisation=organisation, applicant=world["owner"], summary=SECRETS["grant"]
    )
    submitted = GrantApplicationFactory(
        call=closed, organisation=organisation, applicant=world["owner"], submitted=True, summary=SECRETS["grant"]
    )
    ReviewFactory(application=submitted)
    ReviewFactory(application=submitted)
    awarded = GrantApplicationFactory(call=closed, awarded=True)
    return {
        "grant_call": call,
        "grant_draft": draft,
        "grant_submitted": submitted,
        "grant_awarded": awarded,
        "grant_attachment": ApplicationAttachment.objects.create(
            application=draft,
            file=ContentFile(SECRETS["grant"].encode(), name="plan.pdf"),
            original_name="plan.pdf",
            content_type="application/pdf",
            size=len(SECRETS["grant"]),
        ),
        "grant_milestone": ReportingMilestone.objects.create(
            application=awarded, title="Final report", due_on=date(2026, 12, 31)
        ),
    }


def _support_world(world: dict) -> dict:
    """Support: the point of contact's request (private to the member's team and staff), a partner's engagement."""
    request = SupportRequestFactory(
        member=world["member"],
        requester=world["poc"],
        service=ServiceOfferFactory(drafting=True),
        description=SECRETS["support_request"],
    )
    return {
        "support_request": request,
        "support_attachment": SupportAttachment.objects.create(
            request=request,
            file=ContentFile(SECRETS["support_request"].encode(), name="need.pdf"),
            original_name="need.pdf",
            content_type="application/pdf",
            size=len(SECRETS["support_request"]),
        ),
        "partner": EngagementFactory(member=world["member"], partner__slug="oecd").partner,
    }


def _cycle_world(member, forum) -> dict:
    """The member's cycle calendar (queued after commit outside tests), a compliance finding, a challenge area."""
    member_cycle_refresh(member=member)
    finding = ComplianceFinding.objects.create(
        member=member,
        kind="forum_inactive",
        subject=f"forum:{forum.pk}",
        evidence={"forum": forum.name},
        found_on=date(2026, 1, 5),
    )
    # Reference data of a migration, which tests that flush the database (browser, live server) remove.
    area, _created = ChallengeArea.objects.get_or_create(
        slug="anti-corruption", defaults={"name": "Anti-Corruption", "name_fr": "Lutte contre la corruption"}
    )
    target, _created = SDGTarget.objects.get_or_create(
        code="16.10", defaults={"goal": 16, "name": "Ensure public access to information"}
    )
    return {"finding": finding, "challenge_area": area, "sdg_target": target}


def _monitoring_world(world) -> dict:
    """A submitted monitoring report and a draft with a file, by the owner, on the commitment being implemented."""
    from monitoring.models import ReportEvidence
    from tests.factories.monitoring import MonitoringReportFactory

    draft = MonitoringReportFactory(
        commitment=world["implemented"], author=world["owner"], draft=True, text=SECRETS["monitoring_draft"]
    )
    return {
        "monitoring_report": MonitoringReportFactory(commitment=world["implemented"], author=world["owner"]),
        "monitoring_draft": draft,
        "monitoring_draft_evidence": ReportEvidence.objects.create(
            report=draft,
            file=ContentFile(SECRETS["monitoring_draft"].encode(), name="notes.pdf"),
            original_name="notes.pdf",
            content_type="application/pdf",
            size=len(SECRETS["monitoring_draft"]),
        ),
    }


def _drafting_world(world) -> dict:
    """Madrid's plan in co-creation under review: version 1 published (a paragraph commented and amended by the
    owner), version 2 kept private for its expert reviewers."""
    from drafting.models import ParagraphComment
    from drafting.services.amendments import amendment_propose
    from drafting.services.versions import version_create
    from tests.factories.drafting import draft_review, published_draft

    review = draft_review(action_plan=world["plan"], title="Review of Madrid's draft plan")
    version = published_draft(action_plan=world["plan"], review=review, poc=world["poc"])
    paragraph = version.commitments.first().paragraphs.first()
    return {
        "draft_review": review,
        "draft_version": version,
        "draft_version_private": version_create(consultation=review, user=world["poc"], expert_review=True),
        "draft_commitment": paragraph.draft_commitment,
        "draft_paragraph": paragraph,
        "paragraph_comment": ParagraphComment.objects.create(paragraph=paragraph, author=world["owner"], body="Why?"),
        "amendment": amendment_propose(author=world["owner"], paragraph=paragraph, text="Clearer wording"),
    }


def _institution_contact(world: dict):
    """The participant speaks for the institution the proposal was referred to, which leads "implemented"."""
    from commitments.models import InstitutionContact

    institution = world["referral"].institution
    world["implemented"].lead_institution = institution
    world["implemented"].save()
    return InstitutionContact.objects.create(institution=institution, user=world["participant"])


def _exchange(world: dict, other_member) -> ExchangeRequest:
    """Paris's point of contact asks Madrid's for an exchange (peers), awaiting Madrid's answer."""
    return ExchangeRequest.objects.create(
        commitment=world["commitment"],
        member=world["member"],
        requester_member=other_member,
        requester=world["other_poc"],
        message=SECRETS["exchange"],
    )
