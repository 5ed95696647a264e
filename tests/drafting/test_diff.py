"""The word diff of two paragraphs: kept, deleted and inserted runs as SequenceMatcher's opcodes give them, for any
pair of texts (identical ones included, answered without the search)."""

from hypothesis import given
from hypothesis import strategies as st

from drafting.diff import searched_diff, word_diff

WORDS = st.lists(st.sampled_from(["the", "open", "data", "budget", "é", "<b>", "&", "1"]), max_size=12)
SPACES = st.sampled_from([" ", "  ", "\n", "\t "])


@given(WORDS, WORDS, SPACES, SPACES, st.booleans())
def test_the_diff_is_sequence_matchers_for_any_texts(old, new, space, other_space, same):
    old_text = space.join(old)
    new_text = other_space.join(old if same else new)  # the same words, spaced otherwise, half the time
    assert word_diff(old_text, new_text) == searched_diff(old_text.split(), new_text.split())


def test_words_kept_deleted_and_inserted_read_in_order():
    assert word_diff("Publish the contracts of the city.", "Publish all the contracts of the town.") == [
        ("same", "Publish"),
        ("ins", "all"),
        ("same", "the contracts of the"),
        ("del", "city."),
        ("ins", "town."),
    ]
    assert word_diff("", "") == [] and word_diff("", "New words") == [("ins", "New words")]
