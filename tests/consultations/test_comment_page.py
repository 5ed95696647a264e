"""A proposal's discussion, one page of threads with their replies (consultations.comment_selectors): on every page
the threads in order, each with its own replies only, in the page's language, by four statements kept once per
process, the same as the ORM reads them."""

from datetime import timedelta

import pytest
from django.db.models.sql.compiler import SQLCompiler
from django.utils import translation

from common.compiled_models import _UNCOMPILED
from common.content_translations import translation_save
from consultations import comment_selectors
from consultations.comment_selectors import _kept_page, proposal_comment_page
from consultations.models import Comment
from tests.factories import UserFactory
from tests.factories.consultations import CommentFactory, ProposalFactory

pytestmark = pytest.mark.django_db
PER_PAGE = 3


@pytest.fixture(autouse=True)
def _small_pages(settings):
    settings.CONSULTATION_COMMENTS_PER_PAGE = PER_PAGE


def _discussion(proposal, threads: int) -> list[Comment]:
    """`threads` top-level comments, every other one with two replies; the last one written is dated first."""
    users = UserFactory.create_batch(2)
    made = [CommentFactory(proposal=proposal, author=users[i % 2], body=f"Thread {i}") for i in range(threads)]
    Comment.objects.filter(pk=made[-1].pk).update(created_at=made[0].created_at - timedelta(hours=1))
    for thread in made[::2]:
        for n in (1, 2):
            CommentFactory(proposal=proposal, author=users[n % 2], parent=thread, body=f"{thread.body}, reply {n}")
    return made


def _shown(page) -> list[tuple]:
    return [(t.body, t.author.full_name, [(r.body, r.author.full_name) for r in t.shown_replies]) for t in page]


def _by_orm(proposal, number: int) -> list[tuple]:
    """The reference: the ORM's threads of that page, oldest first, and each one's replies, oldest first."""
    threads = Comment.objects.filter(proposal=proposal, parent=None).order_by("created_at", "id")
    page = threads[(number - 1) * PER_PAGE : number * PER_PAGE]
    return [
        (t.body, t.author.full_name, [(r.body, r.author.full_name) for r in t.replies.order_by("created_at", "id")])
        for t in page
    ]


def _kept(compiled) -> bool:
    return compiled.compiled not in (None, _UNCOMPILED)


def test_every_page_shows_its_threads_in_order_each_with_its_own_replies(proposal):
    other = ProposalFactory(consultation=proposal.consultation)
    _discussion(other, 4)  # another discussion: none of its comments on this one's pages
    made = _discussion(proposal, 8)
    pages = [proposal_comment_page(proposal=proposal, page=number) for number in (1, 2, 3)]
    assert [_shown(page) for page in pages] == [_by_orm(proposal, number) for number in (1, 2, 3)]
    assert _shown(pages[0])[0][0] == "Thread 7"  # dated first: first, although written last
    assert [len(page.object_list) for page in pages] == [3, 3, 2] and pages[0].paginator.num_pages == 3
    assert _shown(pages[0])[1] == ("Thread 0", made[0].author.full_name, [
        ("Thread 0, reply 1", made[1].author.full_name), ("Thread 0, reply 2", made[0].author.full_name)
    ])  # fmt: skip
    assert _shown(proposal_comment_page(proposal=proposal, page="99")) == _shown(pages[2])  # the last page
    assert _shown(proposal_comment_page(proposal=proposal, page="x")) == _shown(pages[0])  # the first
    every = [c for page in pages for t in page for c in (t, *t.shown_replies)]
    assert len(every) == 16 and all(c.proposal is proposal for c in every)  # the rules read it without a query


def test_an_empty_discussion_is_one_empty_page(proposal):
    page = proposal_comment_page(proposal=proposal, page=None)
    assert list(page) == [] and (page.number, page.paginator.num_pages) == (1, 1)


def test_the_pages_after_the_kept_ones_are_read_the_same_through_the_orm(proposal, monkeypatch):
    _discussion(proposal, 7)
    kept = [_shown(proposal_comment_page(proposal=proposal, page=number)) for number in (1, 2, 3)]
    _kept_page.cache_clear()
    monkeypatch.setattr(comment_selectors, "KEPT_PAGES", 1)
    assert [_shown(proposal_comment_page(proposal=proposal, page=number)) for number in (1, 2, 3)] == kept
    assert _kept_page.cache_info().currsize == 1  # the first page's statements only


def test_a_page_is_four_statements_kept_once_whatever_its_size(proposal, monkeypatch, django_assert_num_queries):
    """The count, the threads, their replies and every comment's translation into the page's language."""
    others = [ProposalFactory(consultation=proposal.consultation) for _ in range(2)]
    for other in others:
        _discussion(other, 5)
    made = _discussion(proposal, 6)  # page 2: threads 2, 3 and 4, and the replies to 2 and 4
    translation_save(made[2], language="fr", texts={"body": "Un fil"}, translated_by=None, machine_translated=True)
    reply = made[4].replies.order_by("id").first()
    translation_save(reply, language="fr", texts={"body": "Une réponse"}, translated_by=made[4].author)
    with translation.override("fr"):
        for other in others:  # two proposals: the statements are kept
            proposal_comment_page(proposal=other, page=2)
        proposal_comment_page(proposal=proposal, page=2)  # the translations' statement for seven comments
        assert _kept(_kept_page(2, PER_PAGE)[0]) and _kept(_kept_page(2, PER_PAGE)[1])
        assert comment_selectors._THREAD_COUNT.compiled["default"] is not None
        monkeypatch.setattr(SQLCompiler, "as_sql", lambda *a, **k: pytest.fail("compiled again"))
        with django_assert_num_queries(4):
            page = proposal_comment_page(proposal=proposal, page=2)
        monkeypatch.undo()
    texts = {c.body: [t.body_translated for t in c.shown_translations] for t_ in page for c in (t_, *t_.shown_replies)}
    assert texts == {
        "Thread 2": ["Un fil"], "Thread 2, reply 1": [], "Thread 2, reply 2": [],
        "Thread 3": [], "Thread 4": [], "Thread 4, reply 1": ["Une réponse"], "Thread 4, reply 2": [],
    }  # fmt: skip
    assert _shown(page) == _by_orm(proposal, 2)


def test_the_proposal_page_shows_the_replies_under_their_thread_in_french(client, proposal):
    made = _discussion(proposal, 4)
    translation_save(made[2].replies.order_by("id").last(), language="fr", texts={"body": "Deuxième réponse"},
                     translated_by=None, machine_translated=True)  # fmt: skip
    client.cookies["django_language"] = "fr"
    page = client.get(proposal.get_absolute_url(), {"comments": 1}).content.decode()
    order = ["Thread 3", "Thread 0", "Thread 0, reply 1", "Thread 0, reply 2", "Thread 1"]
    assert [page.index(f"<p>{body}</p>") for body in order] == sorted(page.index(f"<p>{b}</p>") for b in order)
    assert "Thread 2" not in page and page.count('class="comment comment-reply"') == 2
    second = client.get(proposal.get_absolute_url(), {"comments": 2}).content.decode()
    assert "<p>Deuxième réponse</p>" in second and "<p>Thread 2, reply 1</p>" in second
