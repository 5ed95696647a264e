"""A proposal in another language: its author, the point of contact or staff write the translation."""

from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

from common.views import ServiceFormMixin
from consultations import services
from consultations.forms import ProposalTranslationForm
from consultations.models import ProposalTranslation
from consultations.views._common import ProposalTargetMixin


class ProposalTranslationView(ProposalTargetMixin, ServiceFormMixin, FormView):
    """/proposals/<id>/translations/?language=fr: add or correct the translation into one language."""

    template_name = "consultations/proposal_translation_form.html"
    form_class = ProposalTranslationForm
    permission_required = "consultations.translate_proposal"
    rate_limit_scope = "consultations.translation"
    success_message = _("The translation is saved.")

    def existing(self) -> dict:
        if not hasattr(self, "_existing"):
            rows = ProposalTranslation.objects.filter(master=self.get_target())
            self._existing = {row.language_code: row for row in rows}
        return self._existing

    def get_form_kwargs(self):
        language = self.request.POST.get("language") or self.request.GET.get("language")
        instance = self.existing().get(language) or ProposalTranslation()
        return {**super().get_form_kwargs(), "proposal": self.get_target(), "instance": instance, "asked": language}

    def get_context_data(self, **kwargs):
        translations = sorted(self.existing().values(), key=lambda row: row.language_code)
        return super().get_context_data(proposal=self.proposal, translations=translations, **kwargs)

    def perform(self, form):
        services.proposal_translation_save(
            proposal=self.proposal, translated_by=self.request.user, **form.service_data()
        )
        return self.proposal
