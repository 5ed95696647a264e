"""A detail page's panels known to be empty by its row (common.hints) send no query: on the demo's pages with
something in each panel and on new ones with nothing, in English and French, the same HTML as when every panel asks
the database, with one query spared per hint that says "none"."""

from datetime import date

import pytest
from django.db import connection
from django.db.models import Exists, OuterRef
from django.test.utils import CaptureQueriesContext

from commitments.models import ActionPlan, Commitment, CommitmentTranslation, Member, MilestoneTranslation
from cycle.models import ChallengeArea, MemberChallenge, SDGTarget
from tests.factories import ActionPlanFactory, CommitmentFactory, MemberFactory, MilestoneFactory, UserFactory
from tests.factories.consultations import ConsultationFactory
from tests.factories.drafting import published_draft
from tests.partnership.demo_pages import drafted, filled_addresses, marked, page_html


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
    filled = [address for address in [*filled_addresses(), drafted()] if address.startswith("/commitments/")]
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
            page = page_html(client, address, language)
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
    from consultations.models import Consultation, ConsultationTranslation
    from consultations.panel_selectors import MEMBER_TRANSLATIONS
    from partnership import selectors as partnership_selectors

    filled = [address for address in filled_addresses() if address.startswith("/members/")]
    challenged = Member.objects.get(slug=filled[0].split("/")[2])
    MemberChallenge.objects.create(member=challenged, area=ChallengeArea.objects.first(), declared_on=date(2026, 1, 15))
    translated = ConsultationFactory(action_plan=ActionPlanFactory(member=challenged))  # the demo translates none
    ConsultationTranslation.objects.create(master=translated, language_code="fr", title_translated="Budget ouvert")
    national = MemberFactory()
    quiet = [national, MemberFactory(local=True, parent=national)]  # nothing in any panel but an open consultation
    for member in quiet:
        ConsultationFactory(action_plan=ActionPlanFactory(member=member))
    addresses = filled + [member.get_absolute_url() for member in quiet]
    every = (*partnership_selectors.MEMBER_PANEL_HINTS, *MEMBER_LISTS)
    read = {address: partnership_selectors.member_get(slug=address.split("/")[2]) for address in addresses}
    assert [hint.name for hint in every if {hint.known(m) for m in read.values()} != {True, False}] == []

    def asked(hint, member) -> bool:  # a local member's own local members, and no open consultation's translations
        if hint is LOCAL_MEMBERS:
            return member.kind == Member.Kind.NATIONAL
        if hint is MEMBER_TRANSLATIONS:
            return Consultation.objects.open_now().filter(action_plan__member=member).exists()
        return True

    expected = {
        address: sum(hint.known_empty(member) and asked(hint, member) for hint in every)
        for address, member in read.items()
    }
    spared, _pages = _spared_by_hints(client, monkeypatch, addresses)
    assert spared == {(address, language): expected[address] for address, language in spared}
    # All but one: the national member's local member, a local member's own (never asked).
    assert [expected[member.get_absolute_url()] for member in quiet] == [len(every) - 1] * 2


@pytest.mark.django_db
def test_the_plan_pages_are_the_same_whether_their_panels_ask_the_database_or_their_hints(demo, client, monkeypatch):
    """The plan page's hints (its consultations' translations, its checklist's marks, forum and amendments, its
    reports, its monitoring, its commitments' translations), as the commitment page's."""
    from consultations import panel_selectors
    from consultations.models import Consultation, ConsultationTranslation
    from drafting.models import DraftParagraph
    from drafting.services import amendments
    from monitoring.selectors import PLAN_END_OF_TERM_PUBLISHED, end_of_term_reports
    from partnership import selectors as partnership_selectors

    marked()
    filled = [address for address in filled_addresses() if address.startswith("/action-plans/")]
    # What the demo has nowhere: an amendment to a draft, translated consultations and commitments (one plan); and
    # a completed plan whose end-of-term report is out.
    version = published_draft(action_plan=ActionPlanFactory(member=MemberFactory()))
    paragraph = DraftParagraph.objects.filter(draft_commitment__version=version).first()
    amendments.amendment_propose(author=UserFactory(), paragraph=paragraph, text="Publish every contract in a week.")
    drafted_plan = version.action_plan
    review = Consultation.objects.get(pk=version.consultation_id)
    ConsultationTranslation.objects.create(master=review, language_code="fr", title_translated="Revue du projet")
    first = drafted_plan.commitments.first()
    CommitmentTranslation.objects.create(master=first, language_code="fr", title_translated="Publier les marchés")
    published = Exists(end_of_term_reports(OuterRef("pk")))
    reported = ActionPlan.objects.filter(published, status=ActionPlan.Status.COMPLETED).first()
    # Nothing in any panel: a plan of its own member, a completed one, one with a commitment and a consultation.
    quiet = [ActionPlanFactory(member=MemberFactory()), ActionPlanFactory(status=ActionPlan.Status.COMPLETED)]
    CommitmentFactory(action_plan=quiet[0])
    ConsultationFactory(action_plan=quiet[0])
    plans = [drafted_plan, reported, *quiet]
    addresses = sorted({*filled, *(plan.get_absolute_url() for plan in plans)})
    every = partnership_selectors.PLAN_PANEL_HINTS
    read = {address: partnership_selectors.action_plan_get(pk=int(address.split("/")[2])) for address in addresses}
    assert [hint.name for hint in every if {hint.known(plan) for plan in read.values()} != {True, False}] == []
    completed = [plan for plan in read.values() if plan.status == ActionPlan.Status.COMPLETED]
    assert {PLAN_END_OF_TERM_PUBLISHED.known(plan) for plan in completed} == {True, False}
    expected = {address: _spared_on_plan(plan, every) for address, plan in read.items()}
    spared, _pages = _spared_by_hints(client, monkeypatch, addresses)
    assert spared == {(address, language): expected[address] for address, language in spared}
    # The quiet plan with a commitment and a consultation spares a query per hint but the end-of-term report's (a plan
    # not completed never asks).
    assert expected[quiet[0].get_absolute_url()] == len(every) - 1
    assert panel_selectors.PLAN_TRANSLATIONS in every


def _spared_on_plan(plan, hints) -> int:
    """The queries a plan's page spares with its hints: one per hint saying "none", but for lists that would send no
    query anyway (no consultation: no translations or amendments to read; no commitment: no translations); and a
    completed plan's end-of-term report, read either way."""
    from commitments.row_selectors import PLAN_TRANSLATIONS as COMMITMENT_TRANSLATIONS
    from consultations.models import Consultation
    from consultations.panel_selectors import PLAN_TRANSLATIONS as CONSULTATION_TRANSLATIONS
    from drafting.awaiting import PLAN_AMENDMENTS
    from monitoring.selectors import PLAN_END_OF_TERM_PUBLISHED

    consultations = Consultation.objects.filter(action_plan=plan)
    asked_only_with = {
        CONSULTATION_TRANSLATIONS: consultations.exists(),
        PLAN_AMENDMENTS: consultations.exclude(status=Consultation.Status.CANCELLED).exists(),
        COMMITMENT_TRANSLATIONS: plan.commitments.exists(),
    }
    empty = [hint for hint in hints if hint.known_empty(plan) and asked_only_with.get(hint, True)]
    value = PLAN_END_OF_TERM_PUBLISHED in hints and plan.status == ActionPlan.Status.COMPLETED
    return len([hint for hint in empty if hint is not PLAN_END_OF_TERM_PUBLISHED]) + value
