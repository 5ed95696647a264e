"""Names are listed in the order a reader expects, accents and case aside, whatever the database's collation."""

from hypothesis import given
from hypothesis import strategies as st

from common.text import sort_key


def test_accents_and_case_do_not_move_a_name_to_the_end():
    names = ["Zambie", "États-Unis", "espagne", "Équateur", "Égypte", "Côte d'Ivoire", "Canada"]
    assert sorted(names, key=sort_key) == [
        "Canada", "Côte d'Ivoire", "Égypte", "Équateur", "espagne", "États-Unis", "Zambie"
    ]  # fmt: skip
    # Code-point order, what a bare casefold() gives, put every accented capital after Z.
    assert sorted(names, key=str.casefold)[-1] != "Zambie"


def test_letters_with_a_stroke_sort_with_their_letter():
    names = ["Zagreb", "Łódź", "Lagos", "Østfold", "Oslo", "Đakovo", "Dakar", "Ærø", "Accra", "Mostar"]
    assert sorted(names, key=sort_key) == [
        "Accra", "Ærø", "Dakar", "Đakovo", "Lagos", "Łódź", "Mostar", "Oslo", "Østfold", "Zagreb"
    ]  # fmt: skip


@given(st.text(alphabet=st.characters(max_codepoint=127)), st.text(alphabet="ÉéÀçØłÆ\u0301 "))
def test_plain_ascii_names_take_the_short_way_to_the_same_key(ascii_text, accented):
    """A name in ASCII needs no decomposition: its key is its casefold, and it sorts where the same letters written
    with accents sort (the key of the accented name starts with the plain one's when the name does)."""
    assert sort_key(ascii_text) == ascii_text.casefold()
    assert sort_key(ascii_text + accented).startswith(sort_key(ascii_text))
    assert sort_key(accented + ascii_text).endswith(ascii_text.casefold())
