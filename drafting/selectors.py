"""What the drafting pages and the API read, each in a fixed number of queries whatever the number of rows."""

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404

from common.compiled_models import CompiledModels
from common.hints import RowHint
from common.pagination import page_of
from consultations.models import ForumSeat
from drafting.models import Amendment, DraftCommitment, DraftParagraph, DraftVersion, ParagraphComment


def version_queryset():
    return DraftVersion.objects.select_related("action_plan__member", "consultation__action_plan")


def version_get(*, pk: int) -> DraftVersion:
    return _VERSION.get_or_404(pk)


_VERSION = CompiledModels(lambda pk: version_queryset().filter(pk=pk).order_by())


# What a row of the API's list shows: every column of the five tables version_queryset() joins (the plans' and
# consultations' texts and search vectors) cost more to plan and read than the rows themselves.
VERSION_ROW_FIELDS = ("action_plan", "consultation", "number", "state", "published_at", "expert_review")


def version_list(*, user):
    """Published versions, and the unpublished ones of the member the user manages (or all, for staff) or of the
    members on whose forum the user's organisation holds a seat (`ForumSeatQuerySet.held_by`); with the columns
    of VERSION_ROW_FIELDS."""
    versions = DraftVersion.objects.only(*VERSION_ROW_FIELDS)
    visible = Q(state=DraftVersion.State.PUBLISHED)
    if user.is_authenticated and user.is_active and user.is_staff:
        visible = Q()
    else:
        if user.is_authenticated and user.is_active and user.is_point_of_contact:
            visible |= Q(action_plan__member_id=user.member_id)
        if user.is_authenticated and user.confirmed_organisation is not None:
            seated = ForumSeat.objects.current().held_by(user).values("forum__member_id")
            visible |= Q(action_plan__member_id__in=seated)
    return versions.filter(visible).order_by("action_plan_id", "number")


def version_text(*, version: DraftVersion) -> list[DraftCommitment]:
    """The version's commitments, each with its paragraphs in `shown_paragraphs`, each paragraph with the count of
    its amendments awaiting a decision: two queries, written once per process."""
    commitments = _VERSION_COMMITMENTS(version.pk)
    by_id = {}
    for copy in commitments:
        copy.version, copy.shown_paragraphs = version, []  # the rules read the version (its plan's member)
        by_id[copy.pk] = copy
    for paragraph in _VERSION_PARAGRAPHS(version.pk):
        copy = by_id.get(paragraph.draft_commitment_id)
        if copy is None:  # its commitment written between the two reads: shown at the next visit, with it
            continue
        paragraph.draft_commitment = copy
        copy.shown_paragraphs.append(paragraph)
    return commitments


# Built by the ORM at every request, a version's commitments and their paragraphs (a related manager's query,
# and a prefetch with a filtered count) took longer to compile than to run.
_VERSION_COMMITMENTS = CompiledModels(lambda pk: DraftCommitment.objects.filter(version_id=pk))
_VERSION_PARAGRAPHS = CompiledModels(
    lambda pk: (
        DraftParagraph.objects.filter(draft_commitment__version_id=pk)
        .annotate(open_amendments=Count("amendments", filter=Q(amendments__state=Amendment.State.PROPOSED)))
        .order_by("order", "id")
    )  # in each commitment's list
)


def _visible_threads(paragraph_id: int) -> QuerySet:
    """A paragraph's visible top-level comments, oldest first: the order of its thread's pages."""
    return ParagraphComment.objects.filter(paragraph_id=paragraph_id, parent__isnull=True, is_hidden=False)


def paragraph_thread(*, version: DraftVersion, paragraph_pk, page: str | int | None = None) -> dict | None:
    """The opened paragraph's amendments and one page of its visible comments, each with its visible replies: a
    fixed number of queries however long the thread."""
    paragraph = _PARAGRAPH.one(paragraph_pk)
    if paragraph is None or paragraph.draft_commitment.version_id != version.pk:
        return None
    paragraph.draft_commitment.version = version  # read with its plan and consultation: the rules read them
    top = _visible_threads(paragraph.pk).select_related("author").order_by("created_at", "id")
    comments_page = Paginator(top, settings.DRAFT_COMMENTS_PER_PAGE).get_page(page)
    comments = list(comments_page.object_list)
    replies: dict[int, list] = {}
    if comments:
        visible = ParagraphComment.objects.filter(parent__in=[comment.pk for comment in comments], is_hidden=False)
        for reply in visible.select_related("author").order_by("created_at", "id"):
            replies.setdefault(reply.parent_id, []).append(reply)
    for comment in [*comments, *(reply for group in replies.values() for reply in group)]:
        comment.paragraph = paragraph  # the permissions read the version through it: no query per comment
    threads = [(comment, replies.get(comment.pk, [])) for comment in comments]
    amendments = _PARAGRAPH_AMENDMENTS(paragraph.pk)
    return {"paragraph": paragraph, "threads": threads, "comments_page": comments_page, "amendments": amendments}


# The opened paragraph and its amendments (the thread links each to its own page: none of its relations), in
# statements written once per process. Built by the ORM at every request, the paragraph's joins and the ten
# tables of amendment_queryset() took 2.3 and 4.2 ms to compile and plan (for no amendment, at national scale).
_PARAGRAPH = CompiledModels(
    lambda pk: DraftParagraph.objects.filter(pk=pk).select_related("draft_commitment").order_by()
)
_PARAGRAPH_AMENDMENTS = CompiledModels(lambda pk: Amendment.objects.filter(paragraph_id=pk))


def paragraph_comment_url(*, comment: ParagraphComment) -> str:
    """The draft version's page with the comment's thread opened at the page that shows it, anchored on it."""
    threads = _visible_threads(comment.paragraph_id)
    page = page_of(threads, comment.parent or comment, per_page=settings.DRAFT_COMMENTS_PER_PAGE)
    url, anchor = comment.get_absolute_url().split("#")  # the paragraph opened, anchored on the comment
    return f"{url}&comments={page}#{anchor}"


AMENDMENT_RELATED = (
    "author", "draft_commitment", "paragraph", "version__action_plan__member", "version__consultation", "applied_in",
    "merged_into",
)  # fmt: skip


def amendment_queryset():
    return Amendment.objects.select_related(*AMENDMENT_RELATED)


def amendment_get(*, pk: int) -> Amendment:
    return get_object_or_404(amendment_queryset(), pk=pk)


# What a row of the API's list shows (the version's plan, the draft commitment's number, the author's name):
# the eleven tables of AMENDMENT_RELATED took 13 ms to plan for 0.3 ms of execution at national scale.
AMENDMENT_ROW_RELATED = ("author", "draft_commitment", "version")


def amendment_list(*, user):
    """The amendments of published versions (and of the versions the user manages)."""
    queryset = Amendment.objects.select_related(*AMENDMENT_ROW_RELATED)
    return queryset.filter(version__in=version_list(user=user).values("pk")).order_by("-id")


def accepted_amendments(*, commitment_ids) -> QuerySet:
    """The accepted amendments of published versions that shaped these final commitments, oldest version first
    (the commitment page, and `provenance` in the commitments API)."""
    return Amendment.objects.filter(
        draft_commitment__commitment_id__in=commitment_ids,
        state=Amendment.State.ACCEPTED,
        version__state=DraftVersion.State.PUBLISHED,
    ).order_by("version__number", "id")


def commitment_provenance(*, commitment) -> dict:
    """The accepted amendments of every version of the commitment's draft, and the comments on its paragraphs:
    three queries, or one when no published draft holds it (most commitments: the panel then shows nothing).

    The versions are found through the commitment's own drafts, not its plan: a commitment moved to another plan
    in the admin keeps the history of the draft it came from."""
    latest = None if PUBLISHED_DRAFT.known_empty(commitment) else _LATEST_PUBLISHED.one(commitment.pk)
    if latest is None:  # no published version: no paragraph to comment, no amendment accepted in one
        return {"accepted": [], "comment_count": 0, "latest": None}
    # What the panel shows only: the other joins of AMENDMENT_RELATED took 6 ms of planning on every commitment page.
    accepted = list(accepted_amendments(commitment_ids=[commitment.pk]).select_related("author", "applied_in"))
    comments = ParagraphComment.objects.filter(
        paragraph__draft_commitment__commitment=commitment,
        paragraph__draft_commitment__version__state=DraftVersion.State.PUBLISHED,
        is_hidden=False,
    ).count()
    return {"accepted": accepted, "comment_count": comments, "latest": latest}


def _published_drafts(commitment):
    return DraftVersion.objects.filter(commitments__commitment_id=commitment, state=DraftVersion.State.PUBLISHED)


# Numbers start again in each plan: the last published, whichever plan.
_LATEST_PUBLISHED = CompiledModels(lambda pk: _published_drafts(pk).order_by("-published_at", "-id")[:1])
# Whether a published draft holds the commitment (common.hints), read with the commitment's page.
PUBLISHED_DRAFT = RowHint("published_draft", _published_drafts)


def plan_provenance_lines(plan) -> dict[int, list[str]]:
    """For irm_reports.provenance: each commitment's accepted amendments, one line each (one query)."""
    from django.utils.text import Truncator
    from django.utils.translation import gettext as _

    amendments = (
        Amendment.objects.filter(
            version__action_plan=plan, state=Amendment.State.ACCEPTED, draft_commitment__commitment__isnull=False
        )
        .select_related("author", "draft_commitment")
        .order_by("draft_commitment__commitment_id", "id")
    )
    lines: dict[int, list[str]] = {}
    for amendment in amendments:
        author = amendment.author.public_name if amendment.author else _("Deleted participant")
        lines.setdefault(amendment.draft_commitment.commitment_id, []).append(
            _("Amendment by %(author)s, accepted: “%(text)s” (%(reason)s)")
            % {
                "author": author,
                "text": Truncator(amendment.text).words(30),
                "reason": Truncator(amendment.reason).words(30),
            }
        )
    return lines
