"""Public pages of a draft: a version's text with each paragraph's comments opened in place, the diff between two
versions, an amendment and its decision."""

from django.http import Http404
from django.views.generic import TemplateView

from common.text import as_id
from drafting import selectors
from drafting.diff import versions_diff
from drafting.forms import AmendmentForm, CommentForm


def _readable(request, version):
    if not request.user.has_perm("drafting.read_draftversion", version):
        raise Http404
    return version


class VersionDetailView(TemplateView):
    """The text of a version, paragraph by paragraph with its comment count; `?paragraph=<id>` opens that
    paragraph's comments and amendments below it (plain links, no script needed)."""

    template_name = "drafting/version_detail.html"

    def get_context_data(self, **kwargs):
        version = _readable(self.request, selectors.version_get(pk=self.kwargs["pk"]))
        opened = as_id(self.request.GET.get("paragraph"))
        thread = None
        if opened is not None:
            page = self.request.GET.get("comments")
            thread = selectors.paragraph_thread(version=version, paragraph_pk=opened, page=page)
        versions = list(version.action_plan.draft_versions.filter(state="published").values("pk", "number"))
        return super().get_context_data(
            version=version,
            plan=version.action_plan,
            commitments=selectors.version_text(version=version),
            thread=thread,
            opened=thread["paragraph"].pk if thread else None,
            versions=versions,
            comment_form=CommentForm(),
            amendment_form=AmendmentForm(),
            **kwargs,
        )


class VersionDiffView(TemplateView):
    """What changed between two versions of the same plan, per commitment, word by word."""

    template_name = "drafting/version_diff.html"

    def get_context_data(self, **kwargs):
        new = _readable(self.request, selectors.version_get(pk=self.kwargs["pk"]))
        old = _readable(self.request, selectors.version_get(pk=self.kwargs["other"]))
        if old.action_plan_id != new.action_plan_id:
            raise Http404
        if old.number > new.number:
            old, new = new, old
        return super().get_context_data(old=old, new=new, plan=new.action_plan, diff=versions_diff(old, new), **kwargs)


class AmendmentDetailView(TemplateView):
    template_name = "drafting/amendment_detail.html"

    def get_context_data(self, **kwargs):
        amendment = selectors.amendment_get(pk=self.kwargs["pk"])
        if not self.request.user.has_perm("drafting.read_amendment", amendment):
            raise Http404
        return super().get_context_data(amendment=amendment, version=amendment.version, **kwargs)
