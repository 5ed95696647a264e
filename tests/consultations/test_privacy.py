"""What consultations holds about a person: its personal-data hook and the service that takes supports back."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.privacy import registered_hooks
from consultations import services
from consultations.models import Comment, Consultation, Flag, Follow, Proposal, Support
from consultations.privacy import user_erase, user_export, user_organisations
from consultations.services.participation import supports_remove_for_user
from tests.factories import OrganisationFactory, UserFactory
from tests.factories.consultations import CommentFactory, FlagFactory, ProposalFactory

pytestmark = pytest.mark.django_db


def _count(proposal) -> int:
    return Proposal.objects.get(pk=proposal.pk).support_count


def test_consultations_registers_its_hook():
    hook = {h.name: h for h in registered_hooks()}["consultations"]
    assert hook.export is user_export and hook.erase is user_erase and hook.organisations is user_organisations


def test_taking_back_every_support_of_a_person_moves_each_count_down_once(consultation, participant):
    """Even in a closed consultation (an account deleted later): one less on each proposal the person
    supported, nothing on the others, and a count never goes below zero."""
    first, second, untouched = ProposalFactory.create_batch(3, consultation=consultation)
    for proposal in (first, second, untouched):
        services.proposal_support(proposal=proposal, user=UserFactory())
    services.proposal_support(proposal=first, user=participant)
    services.proposal_support(proposal=second, user=participant)
    Proposal.objects.filter(pk=second.pk).update(support_count=0)  # a count already out of step
    Consultation.objects.filter(pk=consultation.pk).update(closes_at=timezone.now() - timedelta(days=1))

    assert supports_remove_for_user(user=participant) == 2
    assert (_count(first), _count(second), _count(untouched)) == (1, 0, 1)
    assert not Support.objects.filter(user=participant).exists() and Support.objects.count() == 3
    assert supports_remove_for_user(user=participant) == 0


def test_the_export_lists_the_persons_participation_only(consultation, participant):
    organisation = OrganisationFactory(name="Vecinos de Lavapiés")
    mine = ProposalFactory(consultation=consultation, author=participant, organisation=organisation)
    theirs = ProposalFactory(consultation=consultation, title="Not mine")
    CommentFactory(proposal=theirs, author=participant, body="Agreed.")
    CommentFactory(proposal=theirs, body="Someone else.")
    Support.objects.create(proposal=theirs, user=participant)
    Follow.objects.create(proposal=theirs, user=participant)
    FlagFactory(proposal=theirs, user=participant)
    services.proposal_translation_save(
        proposal=mine, language="fr", title="Le mien", problem="p", solution="s", translated_by=participant
    )
    services.proposal_translation_save(
        proposal=theirs, language="fr", title="Pas le mien", problem="p", solution="s", translated_by=None
    )

    data = user_export(participant)
    assert list(data) == [
        "proposals", "comments", "supports", "follows", "flags", "proposal_translations", "comment_translations"
    ]  # fmt: skip
    assert [(t["proposal_id"], t["language"], t["title"]) for t in data["proposal_translations"]] == [
        (mine.pk, "fr", "Le mien")
    ]
    assert [p["id"] for p in data["proposals"]] == [mine.pk]
    assert data["proposals"][0]["on_behalf_of"] == "Vecinos de Lavapiés"
    assert [c["body"] for c in data["comments"]] == ["Agreed."]
    assert data["supports"][0].keys() == {"proposal", "proposal_id", "supported_at"}
    assert [f["proposal"] for f in data["follows"]] == ["Not mine"]
    assert [f["proposal_id"] for f in data["flags"]] == [theirs.pk]
    assert list(user_organisations(participant)) == [organisation]


def test_erasing_keeps_public_work_and_removes_the_rest(consultation, participant):
    public = ProposalFactory(consultation=consultation, author=participant)
    draft = ProposalFactory(consultation=consultation, author=participant, draft=True)
    other = ProposalFactory(consultation=consultation)
    comment = CommentFactory(proposal=other, author=participant)
    services.proposal_support(proposal=other, user=participant)
    services.proposal_follow(proposal=other, user=participant)
    FlagFactory(proposal=other, user=participant)

    user_erase(participant)
    assert Proposal.objects.filter(pk=public.pk, author=participant).exists()
    assert not Proposal.objects.filter(pk=draft.pk).exists() and not Proposal.history.filter(id=draft.pk).exists()
    assert Comment.objects.filter(pk=comment.pk, author=participant).exists()
    assert _count(other) == 0
    for model in (Support, Follow, Flag):
        assert not model.objects.filter(user=participant).exists()
