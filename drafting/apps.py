from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DraftingConfig(AppConfig):
    name = "drafting"
    verbose_name = _("Co-drafting the plan")

    def ready(self):
        from accounts.privacy import register
        from commitments import submission
        from common import awaiting as common_awaiting
        from common.cache import register_content_models, register_unversioned_columns
        from consultations import pending
        from drafting import awaiting, privacy, rules, selectors  # noqa: F401  (rules registers the permissions)
        from drafting.models import Amendment, DraftParagraph, DraftVersion, ParagraphComment
        from drafting.services import final
        from irm_reports import provenance
        from notifications import kinds

        register(
            "drafting",
            export=privacy.user_export,
            erase=privacy.user_erase,
            covers=privacy.COVERS,
            keeps=privacy.KEEPS,
        )
        register_content_models(DraftVersion, DraftParagraph, ParagraphComment, Amendment)
        # Counters kept by F() updates as comments and supports come and go.
        register_unversioned_columns(DraftParagraph, "comment_count")
        register_unversioned_columns(ParagraphComment, "support_count")
        register_unversioned_columns(Amendment, "support_count")
        common_awaiting.register("drafting.amendments_to_decide", awaiting.amendments_to_decide)
        submission.register("drafting.final_version", final.draft_final_apply)
        provenance.register("drafting.amendments", selectors.plan_provenance_lines)
        pending.register("drafting.amendments", awaiting.amendment_counts, plan_hint=awaiting.PLAN_AMENDMENTS)
        kinds.register("drafting.review_invitation", _("An invitation to review a draft plan before it is public"))
        kinds.register("drafting.amendment_decided", _("A decision on your amendment to a draft plan"))
