"""The detail pages whose queries are compiled once per process (common.compiled_models, common.db) show, on the
demo's data, in English and in French, the same HTML as when every query goes through the ORM."""

from datetime import date

import pytest
from django.conf import settings

from commitments.models import Member
from common import compiled_models
from common.compiled_models import CompiledModels
from common.compiled_prefetches import KeptPrefetches
from common.db import ANY_SIZE
from consultations.models import Consultation, ConsultationTranslation
from cycle.models import ChallengeArea, MemberChallenge, SDGTarget
from tests.partnership.demo_pages import drafted, filled_addresses, marked, page_html


def _compiled() -> list:
    """The queries of the commitment, member, action plan, proposal and consultation pages compiled once."""
    from commitments import selectors as commitments
    from consultations import checklist, comment_selectors, forum_selectors, panel_selectors
    from consultations import selectors as consultations
    from cycle import selectors as cycle
    from drafting import selectors as drafting
    from irm_reports import selectors as irm_reports
    from monitoring import selectors as monitoring
    from partnership import selectors as partnership
    from peers import selectors as peers
    from support import selectors as support

    return [partnership._COMMITMENT_PAGE, irm_reports._LATEST_ASSESSMENT, drafting._LATEST_PUBLISHED,
            support._COMMITMENT_ENGAGEMENTS, monitoring._MONITORING_ROW, cycle._AREAS_OF, cycle._TARGETS_OF,
            peers._SIMILAR_ROWS, partnership._MEMBER_PAGE, commitments._STATUS_EVENTS, commitments._LOCAL_MEMBERS,
            commitments._MEMBER_PLANS, forum_selectors._FORUM_OF, irm_reports._MEMBER_REPORTS,
            support._SUPPORT_RECEIVED, support._MEMBER_ENGAGEMENTS, partnership._PLAN_PAGE,
            panel_selectors._PLAN_CONSULTATIONS_ONLY, checklist._MINIMUM, checklist._MARKS, irm_reports._PLAN_REPORTS,
            consultations._PROPOSAL_PAGE, checklist._MEETINGS, monitoring._PLAN_FIGURES,
            commitments._FOLLOWERS, panel_selectors._FED_BY_RESPONSES, consultations._CONSULTATION_PAGE,
            panel_selectors._MEMBER_OPEN_CONSULTATIONS, cycle._UPCOMING_STEPS, cycle._MEMBER_CHALLENGES,
            comment_selectors._THREAD_COUNT,
            *comment_selectors._kept_page(1, settings.CONSULTATION_COMMENTS_PER_PAGE),
            panel_selectors._PLAN_CONSULTATIONS]  # fmt: skip


def _through_the_orm(monkeypatch, kept) -> None:
    if isinstance(kept, CompiledModels):
        monkeypatch.setattr(kept, "compiled", None)
    elif hasattr(kept, "first"):  # CompiledOnce
        monkeypatch.setattr(kept, "compiled", {"default": None})
    else:  # PageQuery: for any number of ids, and per number of ids
        monkeypatch.setattr(kept, "compiled", {ANY_SIZE: None, 1: None})


def _fresh(monkeypatch, kept) -> None:
    if isinstance(kept, CompiledModels):
        monkeypatch.setattr(kept, "compiled", compiled_models._UNCOMPILED)
        monkeypatch.setattr(kept, "first", None)
        monkeypatch.setattr(kept, "prefetches", KeptPrefetches())
        monkeypatch.setattr(kept, "lookups", {})
    else:
        monkeypatch.setattr(kept, "compiled", {})
        if hasattr(kept, "first"):
            monkeypatch.setattr(kept, "first", {})


def _was_kept(kept) -> bool:
    if isinstance(kept, CompiledModels):
        return kept.compiled not in (None, compiled_models._UNCOMPILED)
    return any(value is not None for value in kept.compiled.values())


@pytest.mark.django_db
def test_the_demos_detail_pages_are_the_same_through_the_statements_compiled_once(demo, client, monkeypatch):
    marked()
    addresses = [*filled_addresses(), drafted()]
    assert len(addresses) >= 25
    tagged = [int(address.split("/")[2]) for address in addresses if address.startswith("/commitments/")][:8:2]
    for area in (*ChallengeArea.objects.all()[:2], *SDGTarget.objects.all()[:2]):
        area.commitments.add(*tagged)  # the demo tags none
    members = [
        Member.objects.get(slug=address.split("/")[2]) for address in addresses if address.startswith("/members/")
    ]
    for member, area in zip(members[:3], ChallengeArea.objects.order_by("-order"), strict=False):
        MemberChallenge.objects.create(member=member, area=area, declared_on=date(2026, 1, 15))  # nor declares any
    plans = [int(address.split("/")[2]) for address in addresses if address.startswith("/action-plans/")]
    consultation = Consultation.objects.filter(action_plan_id__in=plans).order_by("pk").first()
    ConsultationTranslation.objects.create(  # nor translates any consultation
        master=consultation, language_code="fr", title_translated="Revue", description_translated="Une revue."
    )
    kept = _compiled()
    for statement in kept:
        _through_the_orm(monkeypatch, statement)
    by_orm = {
        (address, language): page_html(client, address, language) for address in addresses for language in ["en", "fr"]
    }
    assert sum('id="challenge-tags-title"' in page for page in by_orm.values()) == 2 * len(tagged)
    for statement in kept:
        _fresh(monkeypatch, statement)
    for address, language in by_orm:
        assert page_html(client, address, language) == by_orm[(address, language)], (address, language)
    assert [kept.index(statement) for statement in kept if not _was_kept(statement)] == []
    # The lookups of one commitment's, proposal's and consultation's own relations were kept too.
    with_lookups = [kept[0], kept[21], kept[26]]
    assert [page.build.__name__ for page in with_lookups] == [
        "commitment_page",
        "_proposal_page",
        "_consultation_page",
    ]
    assert all(page.prefetches.kept() for page in with_lookups)
