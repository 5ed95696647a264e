"""Challenge areas: public pages, the member's declaration and the tagging of its commitments."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView

from commitments.models import Commitment, Member
from common.views import ServiceFormMixin, TargetMixin
from cycle import selectors, services
from cycle.forms import ChallengeDeclarationForm, CommitmentTagForm
from cycle.models import ChallengeArea


class ChallengeListView(TemplateView):
    template_name = "cycle/challenge_list.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(areas=selectors.challenge_areas(), **kwargs)


class ChallengeDetailView(TargetMixin, TemplateView):
    """The members in one area and their tagged commitments' collective progress."""

    template_name = "cycle/challenge_detail.html"
    target_model = ChallengeArea
    target_kwarg = "slug"
    permission_required = "cycle.view_challengearea"

    def get_context_data(self, **kwargs):
        area = self.get_target()
        rows = selectors.challenge_area_members(area=area)
        totals = {
            key: sum(row[key] for row in rows)
            for key in ("commitments", "high_completion", "milestones", "milestones_completed")
        }
        return super().get_context_data(
            area=area,
            rows=rows,
            totals=totals,
            commitments=selectors.challenge_area_commitments(area=area),
            **kwargs,
        )


class ChallengeDeclareView(TargetMixin, ServiceFormMixin, FormView):
    """The member's point of contact (or staff) declares the challenge the member takes up."""

    template_name = "cycle/challenge_declare.html"
    form_class = ChallengeDeclarationForm
    target_model = Member
    target_kwarg = "slug"
    target_attr = "member"
    permission_required = "cycle.declare_memberchallenge"
    success_message = _("The member's challenge is recorded.")

    def get_context_data(self, **kwargs):
        member = self.get_target()
        declarations = selectors.member_challenges(member=member)
        return super().get_context_data(member=member, declarations=declarations, **kwargs)

    def perform(self, form):
        return services.member_challenge_declare(member=self.get_target(), **form.cleaned_data)

    def get_success_url(self):
        return self.object.area.get_absolute_url()


class CommitmentTagView(TargetMixin, ServiceFormMixin, FormView):
    """The challenge areas and SDG targets of one commitment, set by its member's point of contact or staff."""

    template_name = "cycle/commitment_tag.html"
    form_class = CommitmentTagForm
    target_model = Commitment
    target_related = ("action_plan__member",)
    permission_required = "cycle.tag_commitment"
    success_message = _("The commitment's challenge areas and SDG targets are saved.")

    def get_initial(self):
        commitment = self.get_target()
        return {"areas": commitment.challenge_areas.all(), "sdg_targets": commitment.sdg_targets.all()}

    def get_context_data(self, **kwargs):
        return super().get_context_data(commitment=self.get_target(), **kwargs)

    def perform(self, form):
        return services.commitment_tag(commitment=self.get_target(), **form.cleaned_data)

    def get_success_url(self):
        return reverse("commitments:commitment-detail", args=[self.object.pk])
