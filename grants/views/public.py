"""Public pages: the calls (open and past) with their awards, and a call's page."""

from django.conf import settings
from django.http import Http404
from django.views import View
from django.views.generic import DetailView, ListView

from common.files import private_file_response
from grants import selectors
from grants.models import ApplicationAttachment, GrantCall


class CallListView(ListView):
    """/grants/: calls open or upcoming, past calls, and the grants awarded (paginated)."""

    template_name = "grants/call_list.html"
    context_object_name = "awards"
    paginate_by = settings.PAGE_SIZE

    def get_queryset(self):
        return selectors.public_awards()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            current_calls=selectors.calls_current(), past_calls=selectors.calls_past()[:20], **kwargs
        )


class CallDetailView(DetailView):
    template_name = "grants/call_detail.html"
    context_object_name = "call"

    def get_object(self, queryset=None):
        try:
            call = selectors.call_get(pk=self.kwargs["pk"])
        except GrantCall.DoesNotExist as exc:
            raise Http404 from exc
        if not self.request.user.has_perm("grants.read_grantcall", call):
            raise Http404
        return call

    def get_context_data(self, **kwargs):
        user = self.request.user
        mine = None
        if user.is_authenticated and user.confirmed_organisation is not None:
            mine = self.object.applications.filter(organisation_id=user.organisation_id).first()
        return super().get_context_data(
            awards=selectors.public_awards().filter(call=self.object),
            my_application=mine,
            can_apply=mine is None and user.has_perm("grants.apply_grantcall", self.object),
            **kwargs,
        )


class AttachmentView(View):
    """An application's file, for the organisation that applied and the support unit; a 404 for others."""

    def get(self, request, pk: int):
        attachment = ApplicationAttachment.objects.select_related("application").filter(pk=pk).first()
        if attachment is None or not request.user.has_perm("grants.read_applicationattachment", attachment):
            raise Http404
        return private_file_response(
            attachment.file, content_type=attachment.content_type, filename=attachment.original_name
        )
