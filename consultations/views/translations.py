"""Content in another language: a proposal (its author, the point of contact, staff), a consultation and a reasoned
response (the point of contact, staff), a comment (its author, staff). consultations.rules says who."""

from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

from common.content_translations import translation_save
from common.views import ServiceFormMixin, TargetMixin
from consultations.forms import content_translation_form
from consultations.models import ProposalResponse
from consultations.views._common import CommentTargetMixin, ConsultationTargetMixin, ProposalTargetMixin


class ContentTranslationView(ServiceFormMixin, FormView):
    """A proposal, a consultation, a reasoned response or a comment in another language (?language=fr names the one
    to open).

    Subclasses give the target (TargetMixin), `permission_required`, `heading` and `success_url_of(target)`."""

    template_name = "consultations/content_translation_form.html"
    rate_limit_scope = "consultations.translation"
    success_message = _("The translation is saved.")
    heading = ""

    def translation_model(self):
        return type(self.get_target())._meta.get_field("translations").related_model

    def existing(self) -> dict:
        if not hasattr(self, "_existing"):
            rows = self.translation_model().objects.filter(master=self.get_target())
            self._existing = {row.language_code: row for row in rows}
        return self._existing

    def get_form_class(self):
        return content_translation_form(self.translation_model())

    def get_form_kwargs(self):
        language = self.request.POST.get("language") or self.request.GET.get("language")
        instance = self.existing().get(language) or self.translation_model()()
        return {**super().get_form_kwargs(), "original": self.get_target(), "instance": instance, "asked": language}

    def get_context_data(self, **kwargs):
        target = self.get_target()
        originals = [
            (self.translation_model()._meta.get_field(name).verbose_name, getattr(target, original))
            for name, original in self.translation_model().TEXT_FIELDS.items()
        ]
        return super().get_context_data(
            heading=self.heading,
            original=target,
            originals=originals,
            back_url=self.success_url_of(target),
            translations=sorted(self.existing().values(), key=lambda row: row.language_code),
            **kwargs,
        )

    def perform(self, form):
        translation_save(self.get_target(), translated_by=self.request.user, **form.service_data())
        return self.get_target()

    def get_success_url(self):
        return self.success_url_of(self.get_target())

    def success_url_of(self, target) -> str:
        return target.get_absolute_url()


class ProposalTranslationView(ProposalTargetMixin, ContentTranslationView):
    """/proposals/<id>/translations/: its author, the member's point of contact or staff, once submitted."""

    permission_required = "consultations.translate_proposal"
    heading = _("Translate the proposal")


class ConsultationTranslationView(ConsultationTargetMixin, ContentTranslationView):
    """/consultations/<id>/translations/: the member's point of contact or staff."""

    permission_required = "consultations.translate_consultation"
    heading = _("Translate the consultation")


class ResponseTranslationView(TargetMixin, ContentTranslationView):
    """/proposals/<id>/response/translations/: the reasoned response of the proposal; the member's point of contact
    or staff, once published."""

    target_model = ProposalResponse
    target_related = ("proposal__consultation__action_plan__member",)
    target_field = "proposal_id"
    permission_required = "consultations.translate_proposalresponse"
    heading = _("Translate the reasoned response")

    def success_url_of(self, target) -> str:
        return target.proposal.get_absolute_url()


class CommentTranslationView(CommentTargetMixin, ContentTranslationView):
    """/comments/<id>/translations/: its author or staff."""

    permission_required = "consultations.translate_comment"
    heading = _("Translate the comment")
