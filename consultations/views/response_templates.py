"""The point of contact's response templates: reasons given often, reused one by one or in bulk."""

from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView

from commitments.views.workspace import MemberTargetMixin
from common.views import ServiceFormMixin, TargetMixin
from consultations import services
from consultations.forms import ResponseTemplateForm
from consultations.models import ResponseTemplate


class ResponseTemplateListView(MemberTargetMixin, TemplateView):
    template_name = "consultations/workspace/responsetemplate_list.html"
    permission_required = "consultations.manage_responsetemplates"

    def get_context_data(self, **kwargs):
        page = Paginator(self.member.response_templates.order_by("title"), settings.PAGE_SIZE).get_page(
            self.request.GET.get("page")
        )
        return super().get_context_data(member=self.member, page_obj=page, templates=page.object_list, **kwargs)


class ResponseTemplateFormMixin(ServiceFormMixin):
    template_name = "consultations/workspace/responsetemplate_form.html"
    form_class = ResponseTemplateForm

    def get_success_url(self):
        return reverse("consultations:workspace-responsetemplate-list", args=[self.object.member.slug])


class ResponseTemplateCreateView(MemberTargetMixin, ResponseTemplateFormMixin, FormView):
    permission_required = "consultations.manage_responsetemplates"
    success_message = _("The template is saved.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": ResponseTemplate(member=self.member)}

    def get_context_data(self, **kwargs):
        return super().get_context_data(member=self.member, **kwargs)

    def perform(self, form):
        return services.response_template_save(member=self.member, **form.cleaned_data)


class ResponseTemplateTargetMixin(TargetMixin):
    target_model = ResponseTemplate
    target_related = ("member",)
    target_attr = "template"


class ResponseTemplateUpdateView(ResponseTemplateTargetMixin, ResponseTemplateFormMixin, FormView):
    permission_required = "consultations.manage_responsetemplate"
    success_message = _("The template is saved.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.template}

    def get_context_data(self, **kwargs):
        return super().get_context_data(member=self.template.member, template=self.template, **kwargs)

    def perform(self, form):
        return services.response_template_save(member=self.template.member, template=self.template, **form.cleaned_data)


class ResponseTemplateDeleteView(ResponseTemplateTargetMixin, ServiceFormMixin, FormView):
    template_name = "consultations/workspace/responsetemplate_confirm_delete.html"
    form_class = forms.Form
    permission_required = "consultations.manage_responsetemplate"
    success_message = _("The template is deleted.")

    def get_context_data(self, **kwargs):
        return super().get_context_data(member=self.template.member, template=self.template, **kwargs)

    def perform(self, form):
        services.response_template_delete(template=self.template)
        return self.template

    def get_success_url(self):
        return reverse("consultations:workspace-responsetemplate-list", args=[self.template.member.slug])
