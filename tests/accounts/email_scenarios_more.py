"""More scenarios of test_email_links: following a commitment, institutions' opinions on referred proposals and
the co-drafting of a plan. Each sends its e-mails through the apps' real services and tasks."""

from datetime import timedelta

from django.utils import timezone

from commitments.services import commitment_follow, overdue_milestones_notify, progress_update_create
from consultations import services as consultation_services
from drafting.services.amendments import amendment_decide, amendment_propose
from drafting.services.reviewers import reviewer_invite
from drafting.services.versions import version_create
from monitoring.models import Finding
from monitoring.services.answers import report_answer
from monitoring.services.reports import report_create
from tests.factories import ActionPlanFactory, CommitmentFactory, MilestoneFactory, UserFactory
from tests.factories.commitments import InstitutionContactFactory, InstitutionFactory
from tests.factories.consultations import ConsultationFactory, ProposalFactory
from tests.factories.drafting import draft_review, published_draft


def send_follow_emails() -> None:
    """A participant follows a commitment: a progress update, a monitoring report and its answer, then a
    milestone newly overdue are each told to them (with their one-click link to stop following)."""
    plan = ActionPlanFactory(implementing=True)
    commitment = CommitmentFactory(action_plan=plan, number="2", title="Publish school budgets")
    contact = UserFactory(point_of_contact_of=plan.member)
    commitment_follow(commitment=commitment, user=UserFactory(full_name="Claire Martin"))
    progress_update_create(
        commitment=commitment, author=contact, text="Half the schools publish.", completion="limited"
    )  # followed_progress
    report = report_create(
        commitment=commitment,
        author=UserFactory(),
        finding=Finding.ON_TRACK,
        text="The budgets of my district's schools are online.",
        submit=True,
    )  # followed_report (and report_submitted to the point of contact)
    report_answer(report=report, user=contact, kind="acknowledged", text="Thank you.")  # followed_answer
    MilestoneFactory(commitment=commitment, due_date=timezone.localdate() - timedelta(days=1))
    assert overdue_milestones_notify() == 1  # followed_overdue


def send_referral_emails() -> None:
    """The point of contact refers a proposal to an institution; its contact gives the opinion."""
    plan = ActionPlanFactory()
    contact = InstitutionContactFactory(institution=InstitutionFactory(member=plan.member, name="Procurement Office"))
    proposal = ProposalFactory(consultation=ConsultationFactory(action_plan=plan), title="Open every tender")
    referral = consultation_services.referral_create(
        proposal=proposal,
        institution_name=contact.institution.name,
        requested_by=UserFactory(point_of_contact_of=plan.member),
    )  # referral_requested to the contact
    consultation_services.referral_give_opinion(
        referral=referral, user=contact.user, opinion="Feasible from 2027."
    )  # referral_opinion to the point of contact


def send_drafting_emails() -> None:
    """The point of contact decides an amendment to the draft, then invites a reviewer to a private version."""
    plan = ActionPlanFactory()
    poc = UserFactory(point_of_contact_of=plan.member)
    review = draft_review(action_plan=plan)
    version = published_draft(action_plan=plan, review=review, poc=poc)
    amendment = amendment_propose(
        author=UserFactory(), paragraph=version.commitments.first().paragraphs.first(), text="Every contract."
    )
    amendment_decide(amendment=amendment, user=poc, state="accepted", reason="Clearer.")  # amendment_decided
    private = version_create(consultation=review, user=poc, expert_review=True)
    reviewer_invite(version=private, email=UserFactory().email, invited_by=poc)  # review_invitation


def send_more_emails() -> None:
    send_follow_emails()
    send_referral_emails()
    send_drafting_emails()
