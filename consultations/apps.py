from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# The kinds of notification the consultations send (notifications.kinds).
PROPOSAL_RESPONSE = "consultations.proposal_response"
FOLLOWED_PROPOSAL = "consultations.followed_proposal"
RESPONSE_REMINDER = "consultations.response_reminder"
REFERRAL_REQUESTED = "consultations.referral_requested"
REFERRAL_OPINION = "consultations.referral_opinion"


class ConsultationsConfig(AppConfig):
    name = "consultations"
    verbose_name = _("Consultations and co-creation")

    def ready(self):
        from accounts.privacy import register
        from common import awaiting as common_awaiting
        from common import uploads
        from common.cache import register_content_models, register_unversioned_columns
        from consultations import awaiting, privacy
        from consultations.models import Consultation, ConsultationTranslation
        from notifications import kinds

        # Cached pages and options (common.cache) follow every save of a consultation: the home page's open ones,
        # a plan's and a member's panels, the members a consultation list filters by. Their counters are written
        # by UPDATE (Proposal.save), which sends no signal: a proposal's writes leave the version alone.
        register_content_models(Consultation, ConsultationTranslation)
        register_unversioned_columns(Consultation, "proposal_count", "answered_count")

        register(
            "consultations",
            export=privacy.user_export,
            erase=privacy.user_erase,
            organisations=privacy.user_organisations,
            covers=privacy.COVERS,
            keeps=privacy.KEEPS,
        )
        uploads.register("consultations.ProposalAttachment", owner="proposal__author")
        common_awaiting.register("consultations.proposals_to_answer", awaiting.proposals_to_answer)
        common_awaiting.register_staff("consultations.flags_to_review", awaiting.flags_to_review)
        kinds.register(PROPOSAL_RESPONSE, _("A response to your proposal"))
        kinds.register(FOLLOWED_PROPOSAL, _("A response to a proposal you follow"))
        kinds.register(RESPONSE_REMINDER, _("Responses due in your consultations"))
        kinds.register(REFERRAL_REQUESTED, _("A proposal referred to your institution for its opinion"))
        kinds.register(REFERRAL_OPINION, _("An institution's opinion on a proposal you referred"))
