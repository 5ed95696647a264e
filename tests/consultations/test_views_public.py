"""Public pages: content, filters, search, sorting, pagination, and query counts that do not grow with rows."""

import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from consultations.models import Comment
from tests.factories import ActionPlanFactory, CommitmentFactory, PolicyAreaFactory, UserFactory
from tests.factories.consultations import (
    CommentFactory,
    ConsultationFactory,
    ForumFactory,
    ForumMeetingFactory,
    ForumSeatFactory,
    ProposalFactory,
    ResponseFactory,
)

pytestmark = pytest.mark.django_db


def _queries(client, url, **params) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, params)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


def _populate(consultation, n: int, area=None):
    for i in range(n):
        proposal = ProposalFactory(consultation=consultation, title=f"Open contracting idea {i}", policy_area=area)
        CommentFactory(proposal=proposal)
        if i % 2:
            ResponseFactory(proposal=proposal)


@pytest.mark.parametrize(
    ("url_name", "params"),
    [
        ("consultations:consultation-list", {}),
        ("consultations:consultation-list", {"state": "open", "search": "Consultation"}),
        ("consultations:proposal-list", {}),
        ("consultations:proposal-list", {"policy_area": "lobbying", "status": "submitted", "search": "open"}),
        ("consultations:proposal-list", {"sort": "supported"}),
    ],
)
def test_list_pages_cost_the_same_queries_at_5_and_40_rows(client, url_name, params):
    area = PolicyAreaFactory(slug="lobbying", name="Lobbying")
    _populate(ConsultationFactory(), 5, area)
    small = _queries(client, reverse(url_name), **params)
    for _ in range(7):
        _populate(ConsultationFactory(action_plan=ActionPlanFactory()), 5, area)
    large = _queries(client, reverse(url_name), **params)
    assert large == small, f"{url_name}: {small} queries with 5 rows, {large} with 40"
    assert large <= 12


def test_the_consultation_page_costs_the_same_queries_whatever_the_number_of_proposals(client, consultation):
    _populate(consultation, 3)
    client.get(consultation.get_absolute_url())  # the filter's options, kept in memory from the first view on
    small = _queries(client, consultation.get_absolute_url())
    _populate(consultation, 30)
    assert _queries(client, consultation.get_absolute_url()) == small


def test_a_proposal_with_2000_comments_costs_what_one_with_20_costs(client, consultation):
    """Comments are paginated: the page renders 20 threads with their replies in a fixed number of queries."""
    small, large = ProposalFactory(consultation=consultation), ProposalFactory(consultation=consultation)
    users = UserFactory.create_batch(5)
    for proposal, count in ((small, 20), (large, 2000)):
        Comment.objects.bulk_create(
            Comment(proposal=proposal, author=users[i % 5], body=f"Comment {i}") for i in range(count)
        )
        thread = proposal.comments.order_by("id").first()
        Comment.objects.bulk_create(
            Comment(proposal=proposal, author=users[0], body="Reply", parent=thread) for _ in range(3)
        )
    timings = {}
    for proposal in (small, large):
        start = time.perf_counter()
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(proposal.get_absolute_url())
        timings[proposal.pk] = time.perf_counter() - start
        assert response.status_code == 200
        page = response.content.decode()
        assert page.count('class="comment"') + page.count('class="comment comment-reply"') == 23
        timings[f"q{proposal.pk}"] = len(ctx.captured_queries)
    assert timings[f"q{small.pk}"] == timings[f"q{large.pk}"]
    print(f"\nproposal page, 2,000 vs 20 comments: time ratio {timings[large.pk] / timings[small.pk]:.2f}")
    last = client.get(large.get_absolute_url(), {"comments": 100}).content.decode()
    assert "Comment 1999" in last and "Page 100 of 100" in last


def test_comments_page_numbers_out_of_range_show_the_last_page(client, proposal):
    CommentFactory(proposal=proposal, body="Only comment")
    assert "Only comment" in client.get(proposal.get_absolute_url(), {"comments": 99}).content.decode()


def test_proposal_list_filters_search_and_sorts(client, consultation):
    lobbying = PolicyAreaFactory(slug="lobbying", name="Lobbying")
    # Texts written out where a search must not find them: the factory's random English words may say "budget data".
    plain = {"problem": "Nobody knows.", "solution": "Publish it."}
    quiet = ProposalFactory(consultation=consultation, title="Register every lobbyist", policy_area=lobbying, **plain)
    popular = ProposalFactory(consultation=consultation, title="Open budget data", support_count=12)
    answered = ResponseFactory(
        proposal=ProposalFactory(consultation=consultation, title="Agendas online", **plain)
    ).proposal
    ProposalFactory(consultation=consultation, title="A private draft", draft=True)
    ProposalFactory(consultation=consultation, title="Hidden spam", is_hidden=True)
    url = reverse("consultations:proposal-list")

    def titles(**params):
        return [p["title"] for p in client.get(url, params).context["proposals"]]

    assert set(titles()) == {quiet.title, popular.title, answered.title}
    assert titles(sort="supported")[0] == popular.title
    assert titles(policy_area="lobbying") == [quiet.title]
    assert titles(status="not_accepted") == [answered.title]
    assert titles(search="budget data") == [popular.title]
    assert titles(consultation=consultation.pk, search="lobbyist") == [quiet.title]
    assert client.get(url, {"status": "nonsense"}).status_code == 200


def test_the_proposal_list_pages_forward_and_back_in_the_chosen_order(client, consultation):
    """Keyset pages: every proposal once, in order, ties on supports broken by date then id."""
    proposals = [ProposalFactory(consultation=consultation, support_count=i % 3) for i in range(30)]
    expected = [p.pk for p in sorted(proposals, key=lambda p: (-p.support_count, -p.submitted_at.timestamp(), -p.pk))]
    url = reverse("consultations:proposal-list")
    first = client.get(url, {"sort": "supported"})
    assert "30 proposals" in first.content.decode()
    page = first.context["page"]
    second = client.get(url, {"sort": "supported", "cursor": page.next_cursor})
    assert [p["id"] for p in first.context["proposals"]] + [p["id"] for p in second.context["proposals"]] == expected
    assert second.context["page"].next_cursor is None
    back = client.get(url, {"sort": "supported", "cursor": second.context["page"].previous_cursor})
    assert [p["id"] for p in back.context["proposals"]] == expected[:25]
    assert client.get(url, {"cursor": "not-a-cursor"}).status_code == 200  # a broken cursor shows page one


def test_the_consultation_page_shows_every_proposal_with_its_response_and_the_share_answered(client, consultation):
    ResponseFactory(proposal=ProposalFactory(consultation=consultation, title="Answered one"), reasons="Too costly.")
    ProposalFactory(consultation=consultation, title="Waiting one")
    page = client.get(consultation.get_absolute_url()).content.decode()
    assert "Answered one" in page and "Too costly." in page and "Waiting one" in page
    assert "Awaiting a reasoned response." in page and "1 of 2 answered (50%)" in page
    assert "still has no reasoned response" not in page


def test_a_closed_consultation_with_unanswered_proposals_is_flagged_publicly(client, plan):
    consultation = ConsultationFactory(action_plan=plan, closed=True)
    ProposalFactory(consultation=consultation)
    ResponseFactory(proposal=ProposalFactory(consultation=consultation))
    page = client.get(consultation.get_absolute_url()).content.decode()
    assert "closed and 1 proposal still has no reasoned response" in page
    listing = client.get(reverse("consultations:consultation-list")).content.decode()
    assert "Closed with proposals still unanswered" in listing


def test_drafts_are_only_seen_by_their_author(client, consultation, author):
    draft = ProposalFactory(consultation=consultation, author=author, draft=True)
    assert client.get(draft.get_absolute_url()).status_code == 404
    client.force_login(UserFactory())
    assert client.get(draft.get_absolute_url()).status_code == 404
    client.force_login(author)
    assert "Preview of your draft" in client.get(draft.get_absolute_url()).content.decode()


def test_the_draft_preview_suggests_similar_proposals(client, consultation, author):
    ProposalFactory(consultation=consultation, title="Publish the agendas of district boards")
    ProposalFactory(consultation=consultation, title="Plant more trees")
    draft = ProposalFactory(
        consultation=consultation, author=author, draft=True, title="District boards agendas online"
    )
    client.force_login(author)
    page = client.get(draft.get_absolute_url()).content.decode()
    assert "Similar proposals already submitted" in page and "Publish the agendas of district boards" in page
    assert "Plant more trees" not in page
    data = client.get(
        reverse("consultations:proposal-similar", args=[consultation.pk]), {"title": "agendas of district boards"}
    ).json()
    assert [r["title"] for r in data["results"]] == ["Publish the agendas of district boards"]
    assert client.get(reverse("consultations:proposal-similar", args=[consultation.pk]), {"exclude": "x"}).json() == {
        "results": []
    }


def test_hidden_proposals_show_a_notice_to_the_public(client, consultation):
    hidden = ProposalFactory(consultation=consultation, title="Spam spam", is_hidden=True)
    page = client.get(hidden.get_absolute_url()).content.decode()
    assert "hidden by moderation" in page and "Spam spam" not in page


def test_user_text_is_rendered_as_sanitised_markdown(client, consultation):
    proposal = ProposalFactory(consultation=consultation, problem="**Bold** <img src=x onerror=alert(1)>")
    CommentFactory(proposal=proposal, body="[link](https://example.org)")
    page = client.get(proposal.get_absolute_url()).content.decode()
    assert "<strong>Bold</strong>" in page and "onerror" not in page
    assert 'href="https://example.org" rel="nofollow noopener ugc"' in page


def test_commitment_and_plan_pages_show_the_proposals_and_consultations(client, plan, consultation):
    commitment = CommitmentFactory(action_plan=plan, number="3.1")
    ResponseFactory(
        proposal=ProposalFactory(consultation=consultation, title="Lobby register for districts"), outcome="merged"
    ).commitments.add(commitment)
    page = client.get(commitment.get_absolute_url()).content.decode()
    assert "From proposals of civil society" in page and "Lobby register for districts" in page
    plan_page = client.get(plan.get_absolute_url()).content.decode()
    assert consultation.title in plan_page and "Co-creation standards" in plan_page
    proposal_page = client.get(commitment.source_responses.get().proposal.get_absolute_url()).content.decode()
    assert "Became commitment 3.1" in proposal_page


def test_a_commitment_lists_only_the_public_proposals_a_published_response_links_to_it(client, plan, consultation):
    from consultations.panel_selectors import commitment_source_proposals

    commitment = CommitmentFactory(action_plan=plan, number="3.2")
    fed = ProposalFactory(consultation=consultation, title="Open the procurement register")
    ResponseFactory(proposal=fed, outcome="merged").commitments.add(commitment)
    draft = ProposalFactory(consultation=consultation, title="Answer still being written")
    ResponseFactory(proposal=draft, outcome="merged", status="draft", published_at=None).commitments.add(commitment)
    hidden = ProposalFactory(consultation=consultation, title="Spam spam", is_hidden=True)
    ResponseFactory(proposal=hidden, outcome="merged").commitments.add(commitment)
    ResponseFactory(proposal=ProposalFactory(consultation=consultation, title="Another commitment's source"))
    assert commitment_source_proposals(commitment=commitment) == [fed]
    page = client.get(commitment.get_absolute_url()).content.decode()
    assert "Open the procurement register" in page and "Answer still being written" not in page
    assert "Spam spam" not in page and "Another commitment's source" not in page


def _cold(client, url) -> int:
    """The queries of a page no cache has seen (the member page caches its IRM figures per content version)."""
    from django.core.cache import cache

    cache.clear()
    return _queries(client, url)


def test_panels_cost_a_fixed_number_of_queries(client, plan, member):
    commitment = CommitmentFactory(action_plan=plan)
    forum = ForumFactory(member=member)
    urls = [plan.get_absolute_url(), commitment.get_absolute_url(), member.get_absolute_url()]
    ConsultationFactory(action_plan=plan)  # one held: the checklist then asks the apps above what they owe answers to
    ForumMeetingFactory(forum=forum, action_plan=plan)  # one meeting: the checklist then counts them (common.hints)
    # one proposal fed the commitment: its panel reads its rows and their titles' translations (none when empty)
    ResponseFactory(proposal=ProposalFactory(), outcome="accepted").commitments.add(commitment)
    before = [_cold(client, url) for url in urls]
    for _ in range(4):
        consultation = ConsultationFactory(action_plan=plan)
        proposal = ProposalFactory(consultation=consultation)
        ResponseFactory(proposal=proposal, outcome="accepted").commitments.add(commitment)
        ForumSeatFactory(forum=forum)
        ForumMeetingFactory(forum=forum, action_plan=plan)
    assert [_cold(client, url) for url in urls] == before


def test_forum_page_shows_the_balance_meetings_and_published_minutes_only(client, member):
    forum = ForumFactory(member=member, name="Madrid Open Government Forum")
    ForumSeatFactory(forum=forum, sector="government", organisation_name="City Council")
    ForumSeatFactory.create_batch(2, forum=forum, sector="civil_society")
    published = ForumMeetingFactory(forum=forum, title="Kick-off", minutes="We agreed.", minutes_published=True)
    draft = ForumMeetingFactory(forum=forum, title="Follow-up", minutes="Secret draft.", minutes_published=False)
    page = client.get(reverse("consultations:forum-detail", args=[member.slug])).content.decode()
    assert "1 government" in page and "2 civil society" in page and "Kick-off" in page and "City Council" in page
    assert "We agreed." in client.get(published.get_absolute_url()).content.decode()
    assert "Secret draft." not in client.get(draft.get_absolute_url()).content.decode()
    member_page = client.get(member.get_absolute_url()).content.decode()
    assert "Madrid Open Government Forum" in member_page
    assert client.get(reverse("consultations:forum-detail", args=["nowhere"])).status_code == 404
