"""Numbered pages count a list of content once per content version: the next page, or the next visitor, reads the
total from the cache until a write changes the content; lists of other tables, or filtered on the time, count
at every request."""

from datetime import date

from django.db import connection
from django.db.models import Exists, F, OuterRef
from django.db.models.functions import Now
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from commitments.models import ActionPlan, Member
from common.cache import content_query_key
from common.db import database_today
from common.pagination import ContentPaginator
from consultations.models import Consultation, Proposal
from monitoring.models import CommitmentMonitoring
from tests.factories import ActionPlanFactory, MemberFactory
from tests.factories.consultations import ConsultationFactory, ProposalFactory


def _counted(queryset, *, per_page: int = 2) -> tuple[int, int]:
    """The paginator's total and the number of queries it sent for it."""
    with CaptureQueriesContext(connection) as queries:
        total = ContentPaginator(queryset, per_page).count
    return total, len(queries)


def test_a_list_of_content_is_counted_once_per_content_version(db):
    MemberFactory.create_batch(3)
    members = Member.objects.order_by("name").values_list("pk", flat=True)
    assert _counted(members) == (3, 1)
    assert _counted(members) == (3, 0)  # another page, another visitor: the kept total
    MemberFactory(name="Tbilisi")  # a write to the content: the total follows it
    assert _counted(members) == (4, 1)


def test_lists_with_other_filters_are_counted_apart(db):
    kept = MemberFactory(kind="local")
    MemberFactory(kind="national")
    assert _counted(Member.objects.filter(kind="local")) == (1, 1)
    assert _counted(Member.objects.filter(kind="national")) == (1, 1)
    assert _counted(Member.objects.filter(kind="local")) == (1, 0)
    # A subquery's tables count too: plans are content, so a plan's save changes this total.
    with_plans = Member.objects.filter(Exists(ActionPlan.objects.filter(member=OuterRef("pk"))))
    assert _counted(with_plans) == (0, 1)
    ActionPlanFactory(member=kept)
    assert _counted(with_plans) == (1, 1)


def test_lists_of_other_tables_or_of_the_time_are_counted_at_every_request(db):
    ProposalFactory.create_batch(2)
    proposals = Proposal.objects.all()
    for _visit in range(2):  # proposals change without changing the content version
        assert _counted(proposals) == (2, 1)
    ProposalFactory()
    assert _counted(proposals) == (3, 1)
    ConsultationFactory()
    for _visit in range(2):  # open now: another query at every request, as the time passes
        opened = Consultation.objects.filter(opens_at__lte=timezone.now())
        assert _counted(opened) == (opened.count(), 1)
    # Read at the database's clock, a list of content is counted at every request too (a statement the code keeps
    # stays the same as the time passes, with no parameter that says so).
    ActionPlanFactory.create_batch(2)
    for listed in (
        ActionPlan.objects.filter(created_at__lte=Now()).values("pk"),
        ActionPlan.objects.filter(end_date__gte=database_today()).values("pk"),
    ):
        for _visit in range(2):
            assert _counted(listed) == (listed.count(), 1)
    dated = ActionPlan.objects.filter(end_date__gte=date(2026, 1, 1)).values("pk")
    assert _counted(dated) == (dated.count(), 1)
    assert _counted(dated) == (dated.count(), 0)  # the same day written in Python: kept


def test_counters_kept_without_a_new_version_and_values_without_a_faithful_text_are_counted_each_time(db, plan):
    """A consultation's counters move with its proposals (an UPDATE, no new content version): a list filtered on
    them is counted at every request. So is one whose parameter's text is not its value (a JSON document)."""
    consultation = ConsultationFactory(action_plan=plan)
    unanswered = Consultation.objects.filter(proposal_count__gt=F("answered_count"))
    listed = Consultation.objects.filter(pk=consultation.pk)
    assert content_query_key(listed.values_list("pk", flat=True)) is not None
    assert content_query_key(listed) is None  # its rows hold the counters
    assert content_query_key(unanswered) is None
    assert _counted(unanswered) == (0, 1)
    ProposalFactory(consultation=consultation)  # the counter moves: the content version does not
    assert _counted(unanswered) == (1, 1)
    # PostgreSQL's driver is handed a JSON adapter, whose repr() is an address; SQLite's, the document's text.
    by_findings = CommitmentMonitoring.objects.filter(milestone_findings={"1": "on_track"})
    assert (content_query_key(by_findings) is None) == (connection.vendor == "postgresql")


def test_the_lists_count_once_per_content_version(client, db):
    """The member list (keyset pages, a total up to 1,000) and the API (numbered pages) read the total once per
    content version: the next page counts nothing, until a member is added."""
    MemberFactory.create_batch(30)
    following = client.get("/members/").context["page"].next_cursor
    client.get("/api/v1/members/")
    for url, query in (("/members/", {"cursor": following}), ("/api/v1/members/", {"page": 2})):
        with CaptureQueriesContext(connection) as second:
            assert client.get(url, query).status_code == 200
        statements = [q["sql"] for q in second.captured_queries]
        # A count sent as it is, or prepared (common/prepared.py: EXECUTE …, the statement as a comment).
        counts = [sql for sql in statements if sql.startswith("SELECT COUNT(*)") or "/* SELECT COUNT(*)" in sql]
        assert statements and not counts, (url, statements)
    MemberFactory(name="Zanzibar")
    assert client.get("/api/v1/members/").json()["count"] == 31
    assert "31 members" in client.get("/members/").content.decode()
