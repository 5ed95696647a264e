"""The detail pages whose queries are compiled once per process (common.compiled_models, common.db) show, on the
demo's data, in English and in French, the same HTML as when every query goes through the ORM."""

import re
from datetime import date

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction
from django.db.models import Exists, OuterRef
from django.test.utils import CaptureQueriesContext

from commitments.models import (
    ActionPlan,
    Commitment,
    CommitmentTranslation,
    Member,
    MilestoneTranslation,
    ProgressUpdate,
    StandardRequirement,
)
from common import compiled_models
from common.cache import bump_content_version
from common.compiled_models import CompiledModels
from common.compiled_prefetches import KeptPrefetches
from consultations.models import Consultation, Proposal, RequirementMark
from cycle.models import ChallengeArea, MemberChallenge, SDGTarget
from irm_reports.models import CommitmentAssessment
from monitoring.models import CommitmentMonitoring
from peers.models import SimilarCommitment
from support.models import Engagement
from tests.factories import ActionPlanFactory, CommitmentFactory, MemberFactory, MilestoneFactory, UserFactory
from tests.factories.drafting import published_draft


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", verbosity=0)
        yield
        transaction.set_rollback(True)


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
            panel_selectors._PLAN_CONSULTATIONS, checklist._CONSULTATIONS, checklist._MARKS, irm_reports._PLAN_REPORTS,
            consultations._PROPOSAL_PAGE, checklist._MEETINGS, monitoring._PLAN_FIGURES,
            commitments._FOLLOWERS, panel_selectors._FED_BY_RESPONSES, consultations._CONSULTATION_PAGE,
            panel_selectors._MEMBER_OPEN_CONSULTATIONS, cycle._UPCOMING_STEPS, cycle._MEMBER_CHALLENGES,
            comment_selectors._THREAD_COUNT,
            *comment_selectors._kept_page(1, settings.CONSULTATION_COMMENTS_PER_PAGE)]  # fmt: skip


def _through_the_orm(monkeypatch, kept) -> None:
    if isinstance(kept, CompiledModels):
        monkeypatch.setattr(kept, "compiled", None)
    elif hasattr(kept, "first"):  # CompiledOnce
        monkeypatch.setattr(kept, "compiled", {"default": None})
    else:  # PageQuery: per number of ids
        monkeypatch.setattr(kept, "compiled", {1: None})


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


def _page(client, address: str, language: str) -> str:
    bump_content_version()  # never the page cache's copy
    client.cookies["django_language"] = language
    response = client.get(address)
    assert response.status_code == 200, address
    return re.sub(r'(value|nonce)="[^"]*"', "", response.content.decode())  # a new CSRF token and nonce each time


def _drafted() -> str:
    """The page of a commitment shaped by a published draft (the demo's review of a draft is not open today)."""
    plan = ActionPlan.objects.filter(status=ActionPlan.Status.CO_CREATION, commitments__isnull=False).first()
    published_draft(action_plan=plan)
    return plan.commitments.order_by("pk").first().get_absolute_url()


def _marked() -> None:
    """A requirement of the first plan marked by the support unit (the demo marks none)."""
    requirement = StandardRequirement.objects.minimum(StandardRequirement.Version.V2021.value).first()
    note = "Minutes published on the portal."
    RequirementMark.objects.create(
        action_plan=ActionPlan.objects.first(), requirement=requirement, status="met", note=note
    )


def _addresses() -> list[str]:
    """Pages with something in each panel: at most three of each kind."""
    related = [CommitmentAssessment.objects.filter(is_latest=True), SimilarCommitment.objects.all(),
               Engagement.commitments.through.objects.all(), CommitmentMonitoring.objects.filter(report_count__gt=0),
               ProgressUpdate.objects.all()]  # fmt: skip
    assert all(rows.exists() for rows in related)
    commitments = {pk for rows in related for pk in rows.values_list("commitment_id", flat=True)[:3]}
    having = ("local_members", "status_events", "forum", "support_requests", "partner_engagements")
    members = [Member.objects.filter(**{f"{name}__isnull": False}).distinct()[:3] for name in having]
    open_now = Consultation.objects.open_now()
    members.append(Member.objects.filter(action_plans__consultations__in=open_now).distinct()[:3])
    members.append(Member.objects.filter(cycle_steps__due_on__gte=date.today()).distinct()[:3])
    having = ("consultations", "reports", "requirement_marks", "forum_meetings")
    plans = [ActionPlan.objects.filter(**{f"{name}__isnull": False}).distinct()[:3] for name in having]
    having = ("comments", "response", "attachments")
    proposals = [Proposal.objects.public().filter(**{f"{name}__isnull": False}).distinct()[:3] for name in having]
    consultations = [Consultation.objects.filter(proposals__isnull=False).distinct()[:3]]
    return sorted(
        {f"/commitments/{pk}/" for pk in commitments}
        | {row.get_absolute_url() for rows in (*members, *plans, *proposals, *consultations) for row in rows}
    )


@pytest.mark.django_db
def test_the_demos_detail_pages_are_the_same_through_the_statements_compiled_once(demo, client, monkeypatch):
    _marked()
    addresses = [*_addresses(), _drafted()]
    assert len(addresses) >= 25
    tagged = [int(address.split("/")[2]) for address in addresses if address.startswith("/commitments/")][:8:2]
    for area in (*ChallengeArea.objects.all()[:2], *SDGTarget.objects.all()[:2]):
        area.commitments.add(*tagged)  # the demo tags none
    members = [
        Member.objects.get(slug=address.split("/")[2]) for address in addresses if address.startswith("/members/")
    ]
    for member, area in zip(members[:3], ChallengeArea.objects.order_by("-order"), strict=False):
        MemberChallenge.objects.create(member=member, area=area, declared_on=date(2026, 1, 15))  # nor declares any
    kept = _compiled()
    for statement in kept:
        _through_the_orm(monkeypatch, statement)
    by_orm = {
        (address, language): _page(client, address, language) for address in addresses for language in ["en", "fr"]
    }
    assert sum('id="challenge-tags-title"' in page for page in by_orm.values()) == 2 * len(tagged)
    for statement in kept:
        _fresh(monkeypatch, statement)
    for address, language in by_orm:
        assert _page(client, address, language) == by_orm[(address, language)], (address, language)
    assert [kept.index(statement) for statement in kept if not _was_kept(statement)] == []
    # The lookups of one commitment's, proposal's and consultation's own relations were kept too.
    with_lookups = [kept[0], kept[21], kept[26]]
    assert [page.build.__name__ for page in with_lookups] == [
        "commitment_page",
        "_proposal_page",
        "_consultation_page",
    ]
    assert all(page.prefetches.kept() for page in with_lookups)


@pytest.mark.django_db
def test_the_commitment_pages_are_the_same_whether_their_panels_ask_the_database_or_their_hints(
    demo, client, monkeypatch
):
    """Each panel's hint (common.hints, read with the commitment) spares its query only where it would find nothing:
    the pages of commitments with something in each panel, and of commitments with nothing, as when every panel
    asks the database."""
    from commitments.selectors import FOLLOWED, PAGE_LISTS
    from consultations.models import ProposalResponse
    from monitoring.selectors import END_OF_TERM_PUBLISHED, end_of_term_reports
    from partnership import selectors as partnership_selectors

    # Commitments with rows in each panel the demo fills only here and there: fed by a response, supported by an
    # organisation, in a completed plan whose end-of-term report is out.
    published = Exists(end_of_term_reports(OuterRef("action_plan_id")))
    picked = [
        ProposalResponse.commitments.through.objects.filter(proposalresponse__status="published").first(),
        Commitment.supporting_organisations.through.objects.first(),
        Commitment.objects.filter(published, action_plan__status=ActionPlan.Status.COMPLETED).first(),
    ]
    assert None not in picked
    picked = [getattr(row, "commitment_id", row.pk) for row in picked]
    filled = [address for address in [*_addresses(), _drafted()] if address.startswith("/commitments/")]
    filled += [f"/commitments/{pk}/" for pk in picked if f"/commitments/{pk}/" not in filled]
    tagged = [int(address.split("/")[2]) for address in filled][:2]
    ChallengeArea.objects.first().commitments.add(*tagged)  # the demo tags none
    SDGTarget.objects.first().commitments.add(*tagged[1:])
    Commitment.objects.get(pk=tagged[0]).follows.create(user=UserFactory())  # and follows none
    translated = Commitment.objects.get(pk=tagged[0])  # and translates none
    CommitmentTranslation.objects.create(master=translated, language_code="fr", title_translated="Publier les marchés")
    milestone = translated.milestones.first() or MilestoneFactory(commitment=translated)
    MilestoneTranslation.objects.create(master=milestone, language_code="fr", description_translated="Le portail")
    # Nothing in any panel: in a plan of each status (a new completed one: no end-of-term report).
    plans = [ActionPlanFactory(status=status) for status in ActionPlan.Status.values]
    quiet = [CommitmentFactory(action_plan=plan) for plan in plans]
    addresses = filled + [commitment.get_absolute_url() for commitment in quiet]

    # Each panel known to be empty spares its one query (the follow box's: nobody follows; the commitment's own
    # lists': no organisation, update or translation); so does a completed plan's end-of-term report, either way.
    every = (*partnership_selectors.COMMITMENT_PANEL_HINTS, FOLLOWED, *PAGE_LISTS)
    read = {address: partnership_selectors.commitment_get(pk=int(address.split("/")[2])) for address in addresses}
    # Both sides of each hint compared: rows somewhere, none elsewhere (and a completed plan's report either way).
    assert [hint.name for hint in every if {hint.known(c) for c in read.values()} != {True, False}] == []
    completed = [c for c in read.values() if c.action_plan.status == ActionPlan.Status.COMPLETED]
    assert {END_OF_TERM_PUBLISHED.known(c) for c in completed} == {True, False}
    expected = {}
    for address, commitment in read.items():
        hints = every
        if not commitment.milestones.all():  # no milestone: no translation of theirs to read either way
            hints = [hint for hint in hints if hint.name != "milestones__translations"]
        empty = [hint for hint in hints if hint.known_empty(commitment) and hint is not END_OF_TERM_PUBLISHED]
        expected[address] = len(empty) + (commitment in completed)
    spared, hinted = _spared_by_hints(client, monkeypatch, addresses)
    assert sum('id="challenge-tags-title"' in page for page in hinted.values()) == 2 * len(tagged)
    assert spared == {(address, language): expected[address] for address, language in spared}
    assert all(expected[commitment.get_absolute_url()] >= 12 for commitment in quiet), expected


def _spared_by_hints(client, monkeypatch, addresses: list) -> tuple[dict, dict]:
    """The queries each page spares with its hints (common.hints), per address and language, and its HTML: the same
    as when every hint is unknown and each panel asks the database."""
    from common import hints

    def sent(address, language):
        with CaptureQueriesContext(connection) as queries:
            page = _page(client, address, language)
        return page, len(queries)

    pages = [(address, language) for address in addresses for language in ("en", "fr")]
    for address, language in pages:  # each statement kept: the lists' are kept from their second call
        sent(address, language)
    hinted = {(address, language): sent(address, language) for address, language in pages}
    monkeypatch.setattr(hints, "known", lambda instance, name: None)
    spared = {}
    for (address, language), (page, count) in hinted.items():
        asked, asked_count = sent(address, language)
        assert page == asked, (address, language)
        spared[(address, language)] = asked_count - count
    monkeypatch.undo()
    return spared, {key: page for key, (page, _count) in hinted.items()}


@pytest.mark.django_db
def test_the_member_pages_are_the_same_whether_their_panels_ask_the_database_or_their_hints(demo, client, monkeypatch):
    """The member page's hints, as the commitment page's: each list or panel known to be empty spares its query."""
    from commitments.selectors import LOCAL_MEMBERS, MEMBER_LISTS
    from partnership import selectors as partnership_selectors

    filled = [address for address in _addresses() if address.startswith("/members/")]
    challenged = Member.objects.get(slug=filled[0].split("/")[2])
    MemberChallenge.objects.create(member=challenged, area=ChallengeArea.objects.first(), declared_on=date(2026, 1, 15))
    national = MemberFactory()
    quiet = [national, MemberFactory(local=True, parent=national)]  # nothing in any panel
    addresses = filled + [member.get_absolute_url() for member in quiet]
    every = (*partnership_selectors.MEMBER_PANEL_HINTS, *MEMBER_LISTS)
    read = {address: partnership_selectors.member_get(slug=address.split("/")[2]) for address in addresses}
    assert [hint.name for hint in every if {hint.known(m) for m in read.values()} != {True, False}] == []
    expected = {
        address: sum(
            hint.known_empty(member) and (hint is not LOCAL_MEMBERS or member.kind == Member.Kind.NATIONAL)
            for hint in every
        )
        for address, member in read.items()
    }
    spared, _pages = _spared_by_hints(client, monkeypatch, addresses)
    assert spared == {(address, language): expected[address] for address, language in spared}
    # All but one: the national member's local member, a local member's own (never asked).
    assert [expected[member.get_absolute_url()] for member in quiet] == [len(every) - 1] * 2


@pytest.mark.django_db
def test_the_plan_pages_are_the_same_whether_their_panels_ask_the_database_or_their_hints(demo, client, monkeypatch):
    """The plan page's hints (its checklist's marks and forum, its reports), as the commitment page's."""
    from partnership import selectors as partnership_selectors

    _marked()
    filled = [address for address in _addresses() if address.startswith("/action-plans/")]
    quiet = ActionPlanFactory(member=MemberFactory())  # no mark, no forum, no report
    addresses = [*filled, quiet.get_absolute_url()]
    every = partnership_selectors.PLAN_PANEL_HINTS
    read = {address: partnership_selectors.action_plan_get(pk=int(address.split("/")[2])) for address in addresses}
    assert [hint.name for hint in every if {hint.known(plan) for plan in read.values()} != {True, False}] == []
    expected = {address: sum(hint.known_empty(plan) for hint in every) for address, plan in read.items()}
    spared, _pages = _spared_by_hints(client, monkeypatch, addresses)
    assert spared == {(address, language): expected[address] for address, language in spared}
    assert expected[quiet.get_absolute_url()] == len(every)
