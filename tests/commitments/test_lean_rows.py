"""The pages that select only the columns their rows show render exactly what the full rows rendered.

Each page is rendered twice on the same data, in every language: with its selector, and with the
reference selector below (whole model instances, every column), and the HTML must be identical.
"""

import re

import pytest
from django.core.cache import cache
from django.urls import reverse

from commitments import selectors
from commitments.models import ActionPlan, Commitment, Member
from partnership.filters import CommitmentFilter, MemberFilter
from partnership.views import public
from tests.factories import (
    ActionPlanFactory,
    CommitmentFactory,
    MemberFactory,
    MilestoneFactory,
    OrganisationFactory,
    PolicyAreaFactory,
)

pytestmark = pytest.mark.django_db
LANGUAGES = ["en", "fr", "es"]


def reference_member_list(*, filters=None):
    queryset = Member.objects.select_related("parent").with_counts().order_by("name")
    member_filter = MemberFilter(filters or {}, queryset=queryset)
    return member_filter.qs, member_filter


def reference_commitment_list(*, filters=None):
    queryset = (
        Commitment.objects.select_related("action_plan__member", "lead_institution")
        .prefetch_related("policy_areas")
        .with_milestone_progress()
        .order_by("-action_plan__start_date", "action_plan_id", "sort_key")
    )
    commitment_filter = CommitmentFilter(filters or {}, queryset=queryset)
    return commitment_filter.qs, commitment_filter


REFERENCE_SELECTORS = {
    "member_action_plans": lambda *, member: member.action_plans.with_counts().order_by("-start_date"),
    "recent_action_plans": lambda *, limit=6: (
        ActionPlan.objects.select_related("member").with_counts().order_by("-start_date", "-id")[:limit]
    ),
}


@pytest.fixture
def data():
    national = MemberFactory(name="Kenya", name_fr="Kenya (FR)", kind="national", country="KE")
    local = MemberFactory(name="Nairobi", name_fr="Nairobi (FR)", kind="local", country="KE", parent=national)
    area = PolicyAreaFactory(name="Open Contracting", name_fr="Contrats ouverts", slug="open-contracting")
    plans = [ActionPlanFactory(member=member) for member in (national, local, national)]
    for i, plan in enumerate(plans):
        for j in range(3):
            commitment = CommitmentFactory(
                action_plan=plan,
                number=str(j + 1),
                completion=["", "limited", "complete"][j],
                lead_institution=OrganisationFactory(name=f"Ministry {i}.{j}") if j else None,
            )
            commitment.policy_areas.add(area)
            MilestoneFactory(commitment=commitment, completed=True)
            MilestoneFactory(commitment=commitment)
    return {"member": national, "plan": plans[0]}


def _html(client, url, language, user=None) -> str:
    cache.clear()
    response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())


def _both(client, monkeypatch, url, language, patch) -> tuple[str, str]:
    lean = _html(client, url, language)
    with monkeypatch.context() as m:
        patch(m)
        full = _html(client, url, language)
    return lean, full


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("params", ["", "?kind=national", "?search=1"])
def test_the_lists_render_as_with_full_rows(client, monkeypatch, data, language, params):
    for view, reference, name in (
        (public.MemberListView, reference_member_list, "member-list"),
        (public.CommitmentListView, reference_commitment_list, "commitment-list"),
    ):
        url = reverse(f"commitments:{name}") + params
        lean, full = _both(client, monkeypatch, url, language, lambda m, v=view, r=reference: _full_rows(m, v, r))
        assert lean == full


def _full_rows(m, view, reference):
    # The commitment rows themselves are compared with their template in test_commitment_rows.py.
    m.setattr(view, "selector", reference)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_detail_pages_and_home_render_as_with_full_rows(client, monkeypatch, data, language):
    def full_selectors(m):
        for name, reference in REFERENCE_SELECTORS.items():
            m.setattr(selectors, name, reference)

    for url in (reverse("home"), data["member"].get_absolute_url(), data["plan"].get_absolute_url()):
        lean, full = _both(client, monkeypatch, url, language, full_selectors)
        assert lean == full, url
