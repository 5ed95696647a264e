"""Public pages: anyone may read members, plans, commitments and their progress."""

from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.views.generic import DetailView, TemplateView

from commitments import row_selectors, selectors
from commitments.models import Member
from common.cache import versioned
from common.views import KeysetListView
from partnership import selectors as partnership_selectors
from partnership.home import home_content


class HomeView(TemplateView):
    template_name = "commitments/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # A snapshot per language, rendered again by a task after writes (partnership/home.py); read at render time.
        context["home_content"] = home_content
        return context


class MemberListView(KeysetListView):
    template_name = "commitments/member_list.html"
    context_object_name = "members"
    selector = partnership_selectors.member_list
    ordering_keys = ("name", "id")


class MemberDetailView(DetailView):
    template_name = "commitments/member_detail.html"
    context_object_name = "member"

    def get_object(self, queryset=None):
        return partnership_selectors.member_get(slug=self.kwargs["slug"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        member = self.object
        context["action_plans"] = selectors.member_action_plans(member=member)
        context["status_events"] = selectors.member_status_events(member=member)
        if member.kind == Member.Kind.NATIONAL:
            context["local_members"] = selectors.member_local_members(member=member)
        return context


class ActionPlanDetailView(DetailView):
    template_name = "commitments/actionplan_detail.html"
    context_object_name = "plan"

    def get_object(self, queryset=None):
        # The rows' key before the plan: rows read with the plan's hints (whether its commitments are translated) are
        # kept under the content version that preceded them, never under one a write made after them.
        self.rows_key = versioned(f"{get_language()}:{self.kwargs['pk']}")
        return partnership_selectors.action_plan_get(pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Read only when the rows' fragment is not cached (per plan, language and content version).
        context["commitments"] = SimpleLazyObject(lambda: row_selectors.action_plan_commitment_rows(plan=self.object))
        context["rows_key"] = self.rows_key
        return context


class CommitmentListView(KeysetListView):
    template_name = "commitments/commitment_list.html"
    context_object_name = "commitments"
    selector = partnership_selectors.commitment_list
    ordering_keys = ("-id",)  # newest first, on the primary key's index at any depth
    keys_only = True  # the rows come from the row cache (commitments.rows.listed_rows)


class CommitmentDetailView(DetailView):
    template_name = "commitments/commitment_detail.html"
    context_object_name = "commitment"

    def get_object(self, queryset=None):
        return partnership_selectors.commitment_get(pk=self.kwargs["pk"])
