"""The demo draft: two versions of an open review, comments, an accepted and a rejected amendment; run twice, the
second run writes nothing."""

import pytest

from drafting.demo import seed_drafting
from drafting.models import Amendment, DraftVersion, ParagraphComment
from tests.factories import CommitmentFactory, UserFactory
from tests.factories.drafting import draft_review

pytestmark = pytest.mark.django_db


def test_the_demo_draft_has_two_versions_and_decided_amendments(plan, point_of_contact):
    CommitmentFactory(action_plan=plan, number="1", objective="Publish the contracts.\n\nOpen the data.")
    draft_review(action_plan=plan)
    UserFactory.create_batch(3)
    assert seed_drafting() == 2
    assert seed_drafting() == 0
    assert list(DraftVersion.objects.values_list("number", flat=True)) == [1, 2]
    assert sorted(Amendment.objects.values_list("state", flat=True)) == ["accepted", "rejected"]
    assert ParagraphComment.objects.count() == 2
