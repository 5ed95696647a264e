"""The page of an institution's contact: its commitments, the monitoring reports and the opinions awaiting it."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.views.generic import TemplateView

from commitments import contact_selectors
from common.compiled_models import CompiledModels
from consultations import referral_selectors
from monitoring import institution_selectors

# The queues (opinions and answers awaited) are short and most urgent first: they are cut here rather than paginated,
# and the page says so when it cuts one. The commitments an institution leads or supports can number hundreds (a
# ministry of a large member): they come in pages.
LIMIT = 100


def first(rows: list):
    """The first LIMIT of `rows` (READ at most), and whether there were more."""
    return rows[:LIMIT], len(rows) > LIMIT


# Keyed by the contact's id, written in SQL once per process (common.compiled_models): one query each, of READ
# rows at most (a constant of the statement: LIMIT shown, one more to say the queue was cut).
READ = LIMIT + 1
_INSTITUTIONS = CompiledModels(lambda user_id: contact_selectors.contact_institutions(user=user_id))
_REPORTS = CompiledModels(lambda user_id: institution_selectors.contact_reports_to_answer(user=user_id)[:READ])
_REFERRALS = CompiledModels(lambda user_id: referral_selectors.contact_referrals(user=user_id)[:READ])


class InstitutionHomeView(LoginRequiredMixin, TemplateView):
    """Only what concerns the signed-in person's institutions: empty for anyone who is no contact."""

    template_name = "monitoring/institution_home.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        institutions = _INSTITUTIONS(user.pk)
        if not institutions:  # who is no contact has nothing to list: no query
            return super().get_context_data(institutions=institutions, **kwargs)
        page = contact_selectors.contact_commitments_page(user=user, cursor=self.request.GET.get("cursor"))
        reports, more_reports = first(_REPORTS(user.pk))
        referrals, more_referrals = first(_REFERRALS(user.pk))
        return super().get_context_data(
            institutions=institutions,
            commitments=page.object_list,
            page=page,
            reports=reports,
            more_reports=more_reports,
            referrals=referrals,
            more_referrals=more_referrals,
            limit=LIMIT,
            **kwargs,
        )
