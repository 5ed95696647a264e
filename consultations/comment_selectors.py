"""A proposal's discussion: one page of its threads, each with its replies, by statements kept once per page.

A page of 20 threads took five queries the ORM wrote at every request (their count, the threads, their authors,
their translations, the replies with theirs): more Python than database. Here the count, the page's threads and
their replies are statements written once per process (common.db.CompiledOnce, common.compiled_models), the page's
offset written into those of its number, and the translations of every comment shown are read by one statement
kept per number of comments (common.translations.attach_page_translations)."""

from functools import lru_cache

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count

from common.compiled_models import CompiledModels
from common.db import CompiledOnce
from common.pagination import page_of
from common.translations import attach_page_translations
from consultations.models import Comment, Proposal

# The pages whose statements are kept (a thread's first pages, where readers and notifications go): later ones are
# read through the ORM by the same querysets.
KEPT_PAGES = 20


def _threads(proposal_id):
    """A proposal's top-level comments, hidden ones included (their place is shown), oldest first."""
    return Comment.objects.filter(proposal_id=proposal_id, parent__isnull=True).order_by("created_at", "id")


_THREAD_COUNT = CompiledOnce(lambda proposal_id: _threads(proposal_id).aggregate(count=Count("pk")))


def _page_threads(offset: int, size: int):
    return lambda proposal_id: _threads(proposal_id).select_related("author")[offset : offset + size]


def _page_replies(offset: int, size: int):
    def build(proposal_id):
        page = _threads(proposal_id).values("pk")[offset : offset + size]
        return Comment.objects.filter(parent_id__in=page).select_related("author").order_by("created_at", "id")

    return build


@lru_cache(maxsize=2 * KEPT_PAGES)
def _kept_page(number: int, size: int) -> tuple[CompiledModels, CompiledModels]:
    offset = (number - 1) * size
    return CompiledModels(_page_threads(offset, size)), CompiledModels(_page_replies(offset, size))


def proposal_comment_page(*, proposal: Proposal, page: str | int | None):
    """One page of the proposal's threads (Paginator's page: a number out of range gives the last), each with its
    replies as `shown_replies`, oldest first; every comment with its translation into the page's language."""
    size = settings.CONSULTATION_COMMENTS_PER_PAGE
    count = _THREAD_COUNT(proposal.pk)["count"]
    comments_page = Paginator(range(count), size).get_page(page)
    if not count:
        comments_page.object_list = []
        return comments_page
    if comments_page.number <= KEPT_PAGES:
        read_threads, read_replies = _kept_page(comments_page.number, size)
    else:
        offset = (comments_page.number - 1) * size
        read_threads, read_replies = _page_threads(offset, size), _page_replies(offset, size)
    threads, replies = list(read_threads(proposal.pk)), list(read_replies(proposal.pk))
    attach_page_translations([*threads, *replies])
    by_thread = {thread.pk: thread for thread in threads}
    for thread in threads:
        thread.shown_replies = []
    for reply in replies:
        thread = by_thread.get(reply.parent_id)  # None: its thread deleted between the two statements
        if thread is not None:
            thread.shown_replies.append(reply)
            reply.parent = thread
    for comment in [*threads, *replies]:
        comment.proposal = proposal  # what the rules ask of each comment (is it public?), without a query each
    comments_page.object_list = threads
    return comments_page


def comment_url(*, comment: Comment) -> str:
    """The proposal's page that shows the comment's thread, anchored on the comment."""
    page = page_of(
        _threads(comment.proposal_id), comment.parent or comment, per_page=settings.CONSULTATION_COMMENTS_PER_PAGE
    )
    return f"{comment.proposal.get_absolute_url()}?comments={page}#comment-{comment.pk}"
