"""The word diff of two paragraphs: kept, deleted and inserted runs as SequenceMatcher's opcodes give them, for any
pair of texts (identical ones included, answered without the search)."""

from difflib import SequenceMatcher

from hypothesis import given
from hypothesis import strategies as st

from drafting.diff import word_diff

WORDS = st.lists(st.sampled_from(["the", "open", "data", "budget", "é", "<b>", "&", "1"]), max_size=12)
SPACES = st.sampled_from([" ", "  ", "\n", "\t "])


def _reference(old: str, new: str) -> list[tuple[str, str]]:
    before, after = old.split(), new.split()
    parts = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(a=before, b=after, autojunk=False).get_opcodes():
        if tag == "equal":
            parts.append(("same", " ".join(before[i1:i2])))
            continue
        if i2 > i1:
            parts.append(("del", " ".join(before[i1:i2])))
        if j2 > j1:
            parts.append(("ins", " ".join(after[j1:j2])))
    return parts


@given(WORDS, WORDS, SPACES, SPACES, st.booleans())
def test_the_diff_is_sequence_matchers_for_any_texts(old, new, space, other_space, same):
    old_text = space.join(old)
    new_text = other_space.join(old if same else new)  # the same words, spaced otherwise, half the time
    assert word_diff(old_text, new_text) == _reference(old_text, new_text)
