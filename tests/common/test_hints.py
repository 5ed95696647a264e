"""common.hints: a hint's name answers for one panel only."""

import pytest

from commitments.models import Commitment, Milestone
from common import hints
from common.hints import RowHint


def _milestones(name: str) -> RowHint:
    return RowHint(name, lambda commitment: Milestone.objects.filter(commitment_id=commitment))


def test_two_hints_of_one_name_are_refused_in_one_call_or_across_two():
    with pytest.raises(ValueError, match="same name"):
        hints.annotate(Commitment.objects.all(), [_milestones("a"), _milestones("a")])
    read = hints.annotate(Commitment.objects.all(), [_milestones("a")])
    with pytest.raises(ValueError, match="same name"):
        hints.annotate(read, [_milestones("b"), _milestones("a")])
    assert set(hints.annotate(read, [_milestones("b")]).query.annotations) == {"hint_a", "hint_b"}
