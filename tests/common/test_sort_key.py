"""Names are listed in the order a reader expects, accents and case aside, whatever the database's collation."""

from common.text import sort_key


def test_accents_and_case_do_not_move_a_name_to_the_end():
    names = ["Zambie", "États-Unis", "espagne", "Équateur", "Égypte", "Côte d'Ivoire", "Canada"]
    assert sorted(names, key=sort_key) == [
        "Canada", "Côte d'Ivoire", "Égypte", "Équateur", "espagne", "États-Unis", "Zambie"
    ]  # fmt: skip
    # Code-point order, what a bare casefold() gives, put every accented capital after Z.
    assert sorted(names, key=str.casefold)[-1] != "Zambie"
