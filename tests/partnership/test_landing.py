"""Each role lands where its work is after signing in, and its workspace says what awaits it."""

import pytest
from django.urls import reverse

from tests.factories import ActionPlanFactory, UserFactory
from tests.factories.accounts import DEFAULT_PASSWORD
from tests.factories.consultations import (
    CommentFactory,
    ConsultationFactory,
    FlagFactory,
    ProposalFactory,
    ResponseFactory,
)
from tests.factories.irm_reports import ReportFactory, ResearcherAssignmentFactory

pytestmark = pytest.mark.django_db


def sign_in(client, user, next_url: str = "") -> str:
    login = reverse("account_login") + (f"?next={next_url}" if next_url else "")
    response = client.post(login, {"login": user.email, "password": DEFAULT_PASSWORD})
    assert response.status_code == 302
    return response.url


def test_each_role_lands_where_its_work_is(client, member, point_of_contact, participant, staff_user):
    researcher = UserFactory(researcher=True)
    assert sign_in(client, point_of_contact) == reverse("commitments:workspace-member", args=[member.slug])
    client.logout()
    assert sign_in(client, researcher) == reverse("irm_reports:workspace")
    client.logout()
    assert sign_in(client, staff_user) == reverse("admin:index")
    client.logout()
    assert sign_in(client, participant) == reverse("consultations:proposal-mine")


def test_an_explicit_next_page_wins(client, point_of_contact):
    target = reverse("consultations:proposal-list")
    assert sign_in(client, point_of_contact, next_url=target) == target


def test_the_point_of_contact_reads_how_many_proposals_await_their_response(poc_client, plan):
    consultation = ConsultationFactory(action_plan=plan, title="Proposals for the next plan")
    waiting = ProposalFactory.create_batch(3, consultation=consultation)
    ResponseFactory(proposal=ProposalFactory(consultation=consultation))  # answered: not awaiting
    ProposalFactory(consultation=ConsultationFactory(), title="Another member's proposal")
    page = poc_client.get(reverse("commitments:workspace-member", args=[plan.member.slug])).content.decode()
    assert "3 proposals await your response in “Proposals for the next plan”" in page
    filtered = f"{consultation.get_workspace_url()}?status=unanswered"
    assert filtered in page
    listed = poc_client.get(filtered).context["proposals"]
    assert {p.pk for p in listed} == {p.pk for p in waiting}


def test_with_every_proposal_answered_nothing_is_said_to_await(poc_client, plan):
    ResponseFactory(proposal=ProposalFactory(consultation=ConsultationFactory(action_plan=plan)))
    page = poc_client.get(reverse("commitments:workspace-member", args=[plan.member.slug])).content.decode()
    assert "What awaits you" not in page


def test_the_researcher_reads_what_awaits_their_report(client):
    researcher = UserFactory(researcher=True)
    plan = ActionPlanFactory(status="completed", title="Plan awaiting its report")
    ResearcherAssignmentFactory(action_plan=plan, researcher=researcher)
    client.force_login(researcher)
    page = client.get(reverse("irm_reports:workspace")).content.decode()
    assert "1 action plan awaits its report" in page
    report = ReportFactory(action_plan=plan)
    page = client.get(reverse("irm_reports:workspace")).content.decode()
    assert "awaits its report" not in page
    assert f"A report to finish: {plan.title} (Draft)" in page and report.get_absolute_url() in page


def test_my_participation_lists_proposals_drafts_supports_comments_and_follows(
    client, participant, django_assert_max_num_queries
):
    from consultations import services

    mine = ProposalFactory(author=participant, title="My own proposal")
    draft = ProposalFactory(author=participant, title="My unfinished draft", status="draft", submitted_at=None)
    supported = ProposalFactory(title="A proposal I support")
    services.proposal_support(proposal=supported, user=participant)
    services.proposal_follow(proposal=ProposalFactory(title="A proposal I follow"), user=participant)
    CommentFactory(author=participant, proposal=ProposalFactory(title="A proposal I discussed"), body="Agreed.")
    client.force_login(participant)
    # Two of them read the page's translations of the consultations and commitments listed (one per list).
    with django_assert_max_num_queries(14):
        page = client.get(reverse("consultations:proposal-mine")).content.decode()
    for title in (mine.title, draft.title, supported.title, "A proposal I follow", "A proposal I discussed"):
        assert title in page
    assert "My participation" in page


def test_the_navigation_offers_the_proposals_to_all_and_my_participation_once_signed_in(client, participant):
    proposals, mine = reverse("consultations:proposal-list"), reverse("consultations:proposal-mine")
    page = client.get(reverse("home")).content.decode()
    assert f'href="{proposals}"' in page and f'href="{mine}"' not in page
    client.force_login(participant)
    page = client.get(reverse("consultations:proposal-list")).content.decode()
    assert f'href="{mine}">My participation</a>' in page
    assert f'href="{proposals}" aria-current="page">Proposals</a>' in page


def test_support_staff_read_what_awaits_them_at_the_top_of_the_admin(client, staff_user, participant):
    """Flags to review, memberships to confirm and e-mails that failed are counted, each linked to its list."""
    from accounts.models import Organisation
    from common.models import OutgoingEmail

    client.force_login(staff_user)
    body = client.get(reverse("admin:index")).content.decode()
    assert "What awaits you" not in body

    proposal = ProposalFactory()
    comment = CommentFactory(proposal=proposal)
    FlagFactory(proposal=proposal, user=participant)
    FlagFactory(proposal=None, comment=comment, user=UserFactory())
    UserFactory(asking_to_join=Organisation.objects.create(name="Civic Lab"))
    OutgoingEmail.objects.create(to=["x@example.org"], subject="s", body_text="b", status=OutgoingEmail.Status.FAILED)

    body = client.get(reverse("admin:index")).content.decode()
    assert "What awaits you" in body
    assert "2 flagged proposals or comments await review" in body
    assert f'href="{reverse("consultations:moderation-queue")}"' in body
    assert "1 membership of an organisation awaits confirmation" in body
    assert "1 e-mail could not be sent" in body
    assert "?status__exact=failed" in body
