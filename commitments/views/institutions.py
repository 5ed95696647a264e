"""The member's institutions' contacts, kept by its point of contact (or staff) in the workspace."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

from commitments import selectors, services
from commitments.forms import InstitutionContactForm
from commitments.models import InstitutionContact
from commitments.views.workspace import MemberTargetMixin
from common.views import PostActionView, ServiceFormMixin


class InstitutionContactsView(MemberTargetMixin, ServiceFormMixin, FormView):
    """Who speaks for each of the member's institutions, and a form to add one more."""

    template_name = "commitments/workspace/institution_contacts.html"
    form_class = InstitutionContactForm
    permission_required = "commitments.manage_institutioncontacts"
    success_message = _("The contact is added: they can now act for the institution.")
    rate_limit_scope = "commitments.institution_contact"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            member=self.member,
            contacts=selectors.member_institution_contacts(member=self.member),
            institution_names=selectors.member_institution_names(member=self.member),
            **kwargs,
        )

    def perform(self, form):
        return services.institution_contact_add(member=self.member, added_by=self.request.user, **form.cleaned_data)

    def get_success_url(self):
        return reverse("commitments:workspace-institution-contacts", kwargs={"slug": self.member.slug})


class InstitutionContactRemoveView(PostActionView):
    target_model = InstitutionContact
    target_related = ("institution__member",)
    permission_required = "commitments.remove_institutioncontact"
    success_message = _("The contact is removed: they no longer act for the institution.")

    def perform(self, form):
        return services.institution_contact_remove(contact=self.get_target())

    def get_success_url(self):
        member = self.get_target().institution.member
        return reverse("commitments:workspace-institution-contacts", kwargs={"slug": member.slug})
