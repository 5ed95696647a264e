"""A commitment in another language: the member's point of contact or staff translate its texts and its
milestones' on one page (/commitments/<id>/translations/?language=fr)."""

from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

from commitments.forms import CommitmentTranslationForm
from commitments.models import Commitment, CommitmentTranslation, Milestone, MilestoneTranslation
from commitments.services.translations import commitment_translation_save
from common.models import page_language
from common.translations import other_languages
from common.views import ServiceFormMixin, TargetMixin


class CommitmentTranslationView(TargetMixin, ServiceFormMixin, FormView):
    """Add or correct the translation into one language of a commitment and of its milestones."""

    template_name = "commitments/commitment_translation_form.html"
    form_class = CommitmentTranslationForm
    permission_required = "commitments.translate_commitment"
    rate_limit_scope = "commitments.translation"
    success_message = _("The translation is saved.")
    target_model = Commitment
    target_related = ("action_plan__member",)
    target_attr = "commitment"

    def language(self) -> str:
        """The language asked for (posted, or named in the address), else the page's, else the first other one."""
        choices = [code for code, _name in other_languages(self.get_target())]
        for asked in (self.request.POST.get("language"), self.request.GET.get("language"), page_language()):
            if asked in choices:
                return asked
        return choices[0]

    def milestones(self) -> list:
        if not hasattr(self, "_milestones"):
            self._milestones = list(self.get_target().milestones.order_by(*Milestone.ORDER))
        return self._milestones

    def existing(self) -> dict:
        if not hasattr(self, "_existing"):
            rows = CommitmentTranslation.objects.filter(master=self.get_target()).order_by("language_code")
            self._existing = {row.language_code: row for row in rows}
        return self._existing

    def get_form_kwargs(self):
        commitment, language = self.get_target(), self.language()
        instance = self.existing().get(language) or CommitmentTranslation(master=commitment, language_code=language)
        rows = MilestoneTranslation.objects.filter(master__commitment=commitment, language_code=language)
        return {
            **super().get_form_kwargs(),
            "instance": instance,
            "commitment": commitment,
            "language": language,
            "milestones": self.milestones(),
            "milestone_translations": {row.master_id: row for row in rows},
        }

    def get_context_data(self, **kwargs):
        translations = list(self.existing().values())
        return super().get_context_data(commitment=self.commitment, translations=translations, **kwargs)

    def perform(self, form):
        commitment_translation_save(commitment=self.commitment, translated_by=self.request.user, **form.service_data())
        return self.commitment
