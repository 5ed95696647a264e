"""The home page leads with what is open now, and stays cheap on a cache miss."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from consultations.models import Consultation
from tests.factories import ActionPlanFactory, CommitmentFactory, MemberFactory, MilestoneFactory
from tests.factories.consultations import ConsultationFactory, ProposalFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def open_now(plan):
    closes = timezone.now() + timedelta(days=9)
    call = ConsultationFactory(action_plan=plan, title="Your proposals for the next plan of Madrid", closes_at=closes)
    ProposalFactory.create_batch(3, consultation=call)
    review = ConsultationFactory(
        action_plan=plan, title="Review of the draft plan of Madrid", kind=Consultation.Kind.DRAFT_REVIEW
    )
    ConsultationFactory(
        action_plan=plan,
        title="A consultation long closed",
        opens_at=timezone.now() - timedelta(60),
        closes_at=timezone.now() - timedelta(30),
    )
    ConsultationFactory(
        action_plan=plan,
        title="A consultation not open yet",
        opens_at=timezone.now() + timedelta(5),
        closes_at=timezone.now() + timedelta(30),
    )
    return call, review


def test_the_home_page_lists_the_consultations_open_now_with_deadline_and_proposals(client, open_now):
    call, review = open_now
    page = client.get(reverse("home")).content.decode()
    assert page.index("Open now: have your say") < page.index("Recent action plans")
    assert call.title in page and review.title in page
    assert "long closed" not in page and "not open yet" not in page
    assert f"Open until {timezone.localtime(call.closes_at):%-d %B %Y}" in page
    assert "3 proposals so far" in page and "0 proposals so far" in page
    assert "Comment on the draft" in page and "Read and propose" in page
    assert "How to take part" in page and reverse("account_signup") in page


def test_the_home_page_lists_commitments_in_implementation_to_follow(client):
    implementing = ActionPlanFactory(member=MemberFactory(), status="implementation")
    followed = CommitmentFactory(action_plan=implementing, title="Open the register of lobbyists", completion="limited")
    CommitmentFactory(action_plan=implementing, title="A commitment with no progress reported yet")
    MilestoneFactory(commitment=followed, completed=True)
    CommitmentFactory(action_plan=ActionPlanFactory(status="co_creation"), title="A commitment still being written")
    page = client.get(reverse("home")).content.decode()
    assert "Open the register of lobbyists" in page and "still being written" not in page
    assert "no progress reported yet" not in page


def test_with_nothing_open_the_home_page_points_to_the_upcoming_consultations(client):
    page = client.get(reverse("home")).content.decode()
    assert "No consultation is open right now." in page
    assert reverse("consultations:consultation-list") + "?state=upcoming" in page


def test_a_cache_miss_costs_one_bounded_query_per_block_whatever_the_rows(
    client, open_now, django_assert_max_num_queries
):
    plan = ActionPlanFactory(status="implementation")
    CommitmentFactory.create_batch(8, action_plan=plan, completion="substantial")
    for _ in range(8):
        ProposalFactory(consultation=open_now[0])
    ConsultationFactory.create_batch(8, action_plan=open_now[0].action_plan)
    client.get(reverse("home"))  # stores the figures once (a new database)
    cache.clear()
    # figures, open consultations and commitments to follow (and the translations of their titles), recent plans,
    # policy areas; and the request's savepoint (ATOMIC_REQUESTS: SAVEPOINT and RELEASE inside the test's transaction)
    with django_assert_max_num_queries(9):
        response = client.get(reverse("home"))
    assert len(response.context["open_consultations"]) == 6  # the block is bounded
    with django_assert_max_num_queries(2):
        client.get(reverse("home"))  # the cached page reads nothing: the savepoint only


def test_a_consultation_opened_or_closed_shows_on_the_cached_home_page_at_once(client, plan):
    from consultations import services

    assert "No consultation is open right now." in client.get(reverse("home")).content.decode()  # cached
    consultation = services.consultation_create(
        action_plan=plan,
        created_by=None,
        title="A call opened just now",
        kind=Consultation.Kind.PROPOSALS,
        description="Send your proposals.",
        opens_at=timezone.now() - timedelta(hours=1),
        closes_at=timezone.now() + timedelta(days=20),
    )
    assert "A call opened just now" in client.get(reverse("home")).content.decode()
    services.consultation_end(consultation=consultation, reason="The forum asked to close it.")
    assert "A call opened just now" not in client.get(reverse("home")).content.decode()


def test_the_open_consultations_are_read_closing_first_from_the_index_without_a_sort(postgres, open_now):
    """With every consultation open (as in the benchmark's data) a sort would read all of them for six."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from partnership.selectors import home_open_consultations

    with CaptureQueriesContext(connection) as queries:
        assert home_open_consultations()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # the planner's choice on a table this small aside
        cursor.execute(f"EXPLAIN {queries.captured_queries[0]['sql']}")
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "consultation_status_closing" in plan and "Sort" not in plan, plan
