"""The one `world` of the permission matrix: objects of one member owned by users of every role."""

from datetime import date

from django.core.files.base import ContentFile

from accounts.models import Organisation
from consultations.models import ProposalAttachment, Referral
from irm_reports.models import Report
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
    ResponseTemplateFactory,
)
from tests.factories.irm_reports import ReportFactory, ResearcherAssignmentFactory

# Text only the owner (or the member's team) may see: a denied response must never contain it.
SECRETS = {
    "draft": "Confidential draft about the harbour tender",
    "template": "Internal wording kept by the point of contact",
    "report": "Unpublished IRM findings on the water utility",
    "referral": "Private opinion of the urban planning office",
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
    return _with_figures(world)


def _with_figures(world: dict) -> dict:
    """A published assessment of a commitment, for the analytics pages to show figures."""
    assess(world["assessed"], report=world["published"])
    return world
