"""A kept page's prefetch lookups built once per language (common.compiled_models.CompiledModels.lookups): only
when each is read by a kept statement, or goes through an object the instance lacks; lookups nested in a kept lookup
that follow the page's key, and instances that have the object a lookup goes through, build them again."""

import pytest
from django.db.models import Prefetch
from django.utils import translation

from commitments.models import Commitment, Milestone, PolicyArea
from common.compiled_models import CompiledModels
from consultations.models import Proposal
from tests.common.test_compiled_prefetches import _page, _shown, _warm, made_commitments
from tests.factories import CommitmentFactory
from tests.factories.consultations import ProposalFactory, ResponseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def commitments():
    return made_commitments()


def test_the_lookups_are_built_once_per_language_once_each_is_kept(commitments, django_assert_num_queries):
    """When every lookup of the page is read by a kept statement, the queryset is no longer built to give them."""
    built = []
    compiled = CompiledModels(lambda pk: built.append(pk) or _page(pk))
    _warm(compiled, [c.pk for c in commitments[:3]], "fr")
    target = commitments[-1]
    assert set(compiled.lookups) == {"fr"}
    before = len(built)
    with translation.override("fr"):
        expected = _shown(_page(target.pk).get())
        with django_assert_num_queries(7):
            (got,) = compiled(target.pk)
        assert _shown(got) == expected and expected["milestones"][0] == ("Consult", ["Consulter"])
        assert [m.description for m in got.milestones.filter(order=2)] == ["Publish the data"]
    assert len(built) == before  # nothing built: the French lookups kept
    with translation.override("en"):  # another language: built until its lookups are kept too
        (english,) = compiled(target.pk)
    assert len(built) > before and _shown(english)["milestones"][0] == ("Consult", [])


def test_lookups_nested_in_a_lookup_are_built_at_each_call_unless_they_are_the_pages_translations(commitments):
    """A lookup nested in a kept lookup's queryset is not compared with another owner's: one that follows the page's
    key (here, the policy areas of each milestone's commitment but the page's own) is built for each key."""

    def build(pk):
        areas = Prefetch(
            "commitment__policy_areas", queryset=PolicyArea.objects.exclude(commitments=pk), to_attr="kept"
        )
        return Commitment.objects.filter(pk=pk).prefetch_related(
            Prefetch("milestones", queryset=Milestone.objects.prefetch_related(areas))
        )

    compiled = CompiledModels(build)
    _warm(compiled, [c.pk for c in commitments[:3]], "en")
    assert compiled.prefetches.kept() == {("milestones", "en")} and compiled.lookups == {}
    with translation.override("en"):
        (got,) = compiled(commitments[-1].pk)
    assert [[a.name for a in m.commitment.kept] for m in got.milestones.all()] == [[], []]


def test_the_lookups_kept_without_a_response_are_built_again_for_a_proposal_that_has_one():
    """A lookup through a proposal's response fetches nothing for a proposal without one: the page's lookups are kept
    once its other lookups' statements are; for a proposal with a response they are built again, until the response's
    lookup is kept too."""
    unanswered = [ProposalFactory() for _ in range(3)]
    answered = [ResponseFactory() for _ in range(3)]
    for response in answered:
        response.commitments.add(CommitmentFactory(title=f"Named by {response.pk}"))
    built = []

    def build(pk):
        built.append(pk)
        return (
            Proposal.objects.filter(pk=pk)
            .select_related("response")
            .prefetch_related("attachments", "response__commitments")
        )

    compiled = CompiledModels(build)
    shown = {}
    with translation.override("en"):
        for proposal in unanswered:
            compiled(proposal.pk)
        assert set(compiled.lookups) == {"en"} and compiled.prefetches.kept() == {("attachments", "en")}
        before = len(built)
        compiled(unanswered[0].pk)
        assert len(built) == before  # nothing built
        counts = []
        for response in [*answered, answered[0]]:
            (got,) = compiled(response.proposal_id)
            shown.setdefault(response.pk, []).append([c.title for c in got.response.commitments.all()])
            counts.append(len(built) - before)
        assert compiled.prefetches.kept() == {("attachments", "en"), ("response__commitments", "en")}
        assert counts == [2, 2, 2, 2]  # the first with a response (and a stand-in's, for its response), then none
    assert shown == {r.pk: [[f"Named by {r.pk}"]] * (2 if r == answered[0] else 1) for r in answered}
