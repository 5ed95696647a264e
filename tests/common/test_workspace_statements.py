"""What every workspace page reads before its own content, sent as statements kept once per process: the object the
page is about (common.views.TargetMixin) and what awaits the member's point of contact (common.awaiting). Each page
still shows its own object and its own member's work, a missing object is a 404, and the lists keep their limit."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from commitments.models import ActionPlan, Member
from common import awaiting
from common.views import _compiled_target
from consultations import awaiting as consultation_awaiting
from tests.factories import ActionPlanFactory, CommitmentFactory, MemberFactory, ProgressUpdateFactory, UserFactory
from tests.factories.consultations import ConsultationFactory, ProposalFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, staff_user):
    client.force_login(staff_user)
    return client


def test_each_workspace_page_shows_its_own_member_and_plan_through_the_kept_statement(staff_client):
    members = [MemberFactory(name=name) for name in ("Kenya", "Ghana", "Chile")]
    plans = [ActionPlanFactory(member=member, title=f"Plan of {member.name}") for member in members]
    for member, plan in zip(members, plans, strict=True):
        page = staff_client.get(reverse("commitments:workspace-member", args=[member.slug])).content.decode()
        assert f"<h1>{member.name}</h1>" in page and plan.title in page
        page = staff_client.get(reverse("commitments:workspace-plan", args=[plan.pk])).content.decode()
        assert plan.title in page and member.name in page
    for model, related, field in ((Member, ("parent",), "slug"), (ActionPlan, ("member",), "pk")):
        assert isinstance(_compiled_target(model, related, field).compiled, tuple)  # kept, not through the ORM
    assert staff_client.get(reverse("commitments:workspace-member", args=["no-such-member"])).status_code == 404
    missing = ActionPlan.objects.order_by("-pk").first().pk + 1
    assert staff_client.get(reverse("commitments:workspace-plan", args=[missing])).status_code == 404


def test_the_rules_still_judge_the_object_read_through_the_kept_statement(client, plan, other_member):
    contact = UserFactory(point_of_contact_of=plan.member)
    client.force_login(contact)
    assert client.get(reverse("commitments:workspace-member", args=[plan.member.slug])).status_code == 200
    assert client.get(reverse("commitments:workspace-member", args=[other_member.slug])).status_code == 403
    other_plan = ActionPlanFactory(member=other_member)
    assert client.get(reverse("commitments:workspace-plan", args=[other_plan.pk])).status_code == 403


def test_a_point_of_contact_reads_what_awaits_their_own_member_only_up_to_the_limit(client, member, other_member):
    start = date(2027, 1, 1)
    for days in range(awaiting.LIMIT + 1):
        consultation = ConsultationFactory(
            action_plan__member=member, title=f"Round {days}", response_due_on=start + timedelta(days=days)
        )
        ProposalFactory(consultation=consultation)
    ProposalFactory.create_batch(2, consultation=ConsultationFactory(action_plan__member=other_member, title="Theirs"))
    client.force_login(UserFactory(point_of_contact_of=member))
    page = client.get(reverse("commitments:workspace-member", args=[member.slug])).content.decode()
    said = [f"1 proposal awaits your response in “Round {days}”" in page for days in range(awaiting.LIMIT + 1)]
    assert said == [True] * awaiting.LIMIT + [False]  # the ten due first
    assert "Theirs" not in page
    items = awaiting.awaiting_for_member(member=other_member)
    assert [item.label for item in items] == ["2 proposals await your response in “Theirs”"]
    assert consultation_awaiting._UNANSWERED_PER_CONSULTATION.compiled[1] is not None  # {size: statement or None}


def test_the_commitment_page_reads_its_progress_updates_and_their_authors_in_one_query(
    client, plan, django_assert_num_queries, django_assert_max_num_queries
):
    quiet, reported = CommitmentFactory(action_plan=plan), CommitmentFactory(action_plan=plan)
    ProgressUpdateFactory.create_batch(2, commitment=reported, author=UserFactory(full_name="Amina Odhiambo"))
    for commitment in (quiet, reported, quiet, reported):  # caches of the process, the statements kept
        client.get(commitment.get_absolute_url())
    with django_assert_max_num_queries(100) as without:
        client.get(f"{quiet.get_absolute_url()}?v=1")
    # One more: the updates with their authors, which a commitment known to have none does not read (common.hints).
    with django_assert_num_queries(len(without.captured_queries) + 1):
        page = client.get(f"{reported.get_absolute_url()}?v=1").content.decode()
    assert page.count("Amina Odhiambo") == 2
