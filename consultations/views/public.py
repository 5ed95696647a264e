"""Public pages: consultations, proposals with their responses, the forum. Anyone may read them."""

from django.conf import settings
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.functional import SimpleLazyObject, cached_property
from django.views.generic import DetailView, ListView, TemplateView, View

from commitments.models import Member
from common.files import private_file_response
from common.text import as_id
from common.views import FilteredListView
from consultations import my_participation, referral_selectors, selectors
from consultations.filters import SORTS
from consultations.forms import CommentForm
from consultations.models import Consultation


class ConsultationListView(FilteredListView):
    template_name = "consultations/consultation_list.html"
    context_object_name = "consultations"
    selector = selectors.consultation_list


class ConsultationDetailView(DetailView):
    """The consultation with every proposal and its response, filtered and paginated."""

    template_name = "consultations/consultation_detail.html"
    context_object_name = "consultation"

    def get_object(self, queryset=None):
        return selectors.consultation_get(pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page, proposal_filter = selectors.proposal_page(
            filters=self.request.GET,
            ordering=SORTS.get(self.request.GET.get("sort") or "newest", SORTS["newest"]),
            cursor=self.request.GET.get("cursor"),
            consultation=self.object,
        )
        query = self.request.GET.copy()
        query.pop("cursor", None)
        context.update(
            filter=proposal_filter,
            page=page,
            proposals=page.object_list,
            is_filtered=any(v for v in query.values()),
            unanswered=self.object.proposal_count - self.object.answered_count,
        )
        return context


class ProposalListView(FilteredListView):
    """Public proposals in keyset pages: the page's ids first, then those rows (selectors.proposal_page)."""

    template_name = "consultations/proposal_list.html"
    context_object_name = "proposals"
    paginate_by = None

    @cached_property
    def selection(self):
        return selectors.proposal_page(
            filters=self.request.GET,
            ordering=SORTS.get(self.request.GET.get("sort") or "newest", SORTS["newest"]),
            cursor=self.request.GET.get("cursor"),
        )

    def get_queryset(self):
        # Lazy: when the template's fragment is cached, the page's queries never run.
        return SimpleLazyObject(lambda: self.selection[0].object_list)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page"] = SimpleLazyObject(lambda: self.selection[0])
        return context


class ProposalAttachmentView(View):
    """An attachment of a proposal, for whoever may see the proposal (drafts: their author; hidden
    proposals: their author and the moderators). Others get a 404, as for a file that does not exist."""

    def get(self, request, pk: int):
        attachment = selectors.attachment_get(pk=pk)
        if not request.user.has_perm("consultations.read_proposalattachment", attachment):
            raise Http404
        return private_file_response(
            attachment.file, content_type=attachment.content_type, filename=attachment.original_name
        )


class ProposalDetailView(DetailView):
    """A proposal, its response and its discussion; a draft is its author's preview."""

    context_object_name = "proposal"

    def get_object(self, queryset=None):
        proposal = selectors.proposal_get(pk=self.kwargs["pk"])
        if proposal.status == proposal.Status.DRAFT and not self.request.user.has_perm(
            "consultations.read_proposal", proposal
        ):
            raise Http404
        return proposal

    def get_template_names(self):
        if not self.request.user.has_perm("consultations.read_proposal", self.object):
            return ["consultations/proposal_hidden.html"]
        return ["consultations/proposal_detail.html"]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        proposal, user = self.object, self.request.user
        response = getattr(proposal, "response", None)
        if response is not None and response.is_published and response.shows_opinions:
            context["opinions"] = referral_selectors.proposal_opinions(proposal=proposal)
        context.update(
            consultation=proposal.consultation,
            response=response if response is not None and response.is_published else None,
            draft_response=response if response is not None and not response.is_published else None,
            viewer=selectors.proposal_viewer_state(proposal=proposal, user=user),
        )
        if proposal.status == proposal.Status.DRAFT:
            context["similar"] = selectors.similar_proposals(
                consultation=proposal.consultation, text=proposal.title, exclude_pk=proposal.pk
            )
        else:
            context["comments_page"] = selectors.proposal_comment_page(
                proposal=proposal, page=self.request.GET.get("comments")
            )
            context["comment_form"] = CommentForm(proposal=proposal)
        return context


class MyProposalsView(LoginRequiredMixin, ListView):
    template_name = "consultations/proposal_mine.html"
    context_object_name = "proposals"
    paginate_by = settings.PAGE_SIZE

    def get_queryset(self):
        return selectors.my_proposals(user=self.request.user)

    def get_context_data(self, **kwargs):
        # "My participation": their proposals and drafts (paginated), then their latest supports, comments, follows.
        return super().get_context_data(**my_participation.my_activity(user=self.request.user), **kwargs)


class SimilarProposalsView(View):
    """JSON for the proposal form: proposals of the consultation with a similar title."""

    def get(self, request, pk):
        consultation = get_object_or_404(Consultation, pk=pk)
        exclude = request.GET.get("exclude", "")
        similar = selectors.similar_proposals(
            consultation=consultation,
            text=request.GET.get("title", "")[:300],
            exclude_pk=as_id(exclude),
        )
        return JsonResponse(
            {"results": [{"title": p.title, "url": p.get_absolute_url(), "supports": p.support_count} for p in similar]}
        )


class ForumDetailView(TemplateView):
    template_name = "consultations/forum_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        member = get_object_or_404(Member, slug=self.kwargs["slug"])
        forum = selectors.forum_get(member=member)
        if forum is None:
            raise Http404
        page = Paginator(selectors.forum_meetings(forum=forum), settings.PAGE_SIZE).get_page(
            self.request.GET.get("page")
        )
        context.update(
            member=member,
            forum=forum,
            balance=selectors.forum_balance(forum=forum),
            seats=selectors.forum_seats(forum=forum),
            page_obj=page,
            meetings=page.object_list,
        )
        return context


class ForumMeetingDetailView(DetailView):
    template_name = "consultations/forummeeting_detail.html"
    context_object_name = "meeting"

    def get_object(self, queryset=None):
        return selectors.forum_meeting_get(pk=self.kwargs["pk"])
