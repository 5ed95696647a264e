"""What the point of contact does: make and publish versions, decide on amendments."""

from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

from common.views import PostActionView, ServiceFormMixin, TargetMixin
from consultations.models import Consultation
from drafting.forms import DecideForm, ReviewerForm, VersionCreateForm
from drafting.models import Amendment, DraftVersion
from drafting.services import amendments, reviewers, versions


class VersionCreateView(TargetMixin, ServiceFormMixin, FormView):
    """The versions of the plan's draft, and the button making the next one (version 1 from the commitments),
    published at once unless expert reviewers read it first."""

    template_name = "drafting/version_create.html"
    target_model = Consultation
    target_related = ("action_plan__member",)
    target_attr = "consultation"
    permission_required = "drafting.add_draftversion"
    form_class = VersionCreateForm

    def get_context_data(self, **kwargs):
        versions = DraftVersion.objects.filter(action_plan_id=self.get_target().action_plan_id).order_by("number")
        return super().get_context_data(consultation=self.consultation, versions=versions, **kwargs)

    def perform(self, form):
        version = versions.version_create(consultation=self.consultation, user=self.request.user, **form.cleaned_data)
        if not version.expert_review:
            version = versions.version_publish(version=version, user=self.request.user)
        if version.is_published:
            self.success_message = _("Version %(number)d of the draft is published.") % {"number": version.number}
        else:
            self.success_message = _(
                "Version %(number)d is ready for its expert reviewers; publish it when they are done."
            ) % {"number": version.number}
        return version


class VersionPublishView(PostActionView):
    target_model = DraftVersion
    target_related = ("action_plan", "consultation")
    target_attr = "version"
    permission_required = "drafting.manage_draftversion"
    success_message = _("The version is published.")

    def perform(self, form):
        return versions.version_publish(version=self.version, user=self.request.user)


class AmendmentDecideView(TargetMixin, ServiceFormMixin, FormView):
    """Accept, reject or merge an amendment, with a public reason; its author is told."""

    template_name = "drafting/amendment_decide.html"
    form_class = DecideForm
    target_model = Amendment
    target_related = ("version__action_plan", "version__consultation", "draft_commitment", "paragraph")
    target_attr = "amendment"
    permission_required = "drafting.decide_amendment"
    success_message = _("Your decision is published with its reason; the author is told.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "amendment": self.get_target()}

    def get_context_data(self, **kwargs):
        return super().get_context_data(amendment=self.amendment, **kwargs)

    def perform(self, form):
        return amendments.amendment_decide(amendment=self.amendment, user=self.request.user, **form.cleaned_data)


class ReviewerInviteView(TargetMixin, ServiceFormMixin, FormView):
    """The expert reviewers of a version not published yet, and the form inviting one more."""

    template_name = "drafting/reviewers.html"
    form_class = ReviewerForm
    target_model = DraftVersion
    target_related = ("action_plan", "consultation")
    target_attr = "version"
    permission_required = "drafting.invite_draftversion"
    success_message = _("The reviewer is invited and told by e-mail.")

    def get_context_data(self, **kwargs):
        invited = self.get_target().reviewers.select_related("user").order_by("created_at")
        return super().get_context_data(version=self.version, reviewers=invited, **kwargs)

    def perform(self, form):
        reviewers.reviewer_invite(version=self.version, invited_by=self.request.user, **form.cleaned_data)
        return self.version

    def get_success_url(self):
        return self.request.path
