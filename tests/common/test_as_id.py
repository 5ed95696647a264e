"""A row id read from a request parameter: what a hand-edited or hostile query string can hold."""

import pytest

from common.text import as_id


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("42", 42),
        (7, 7),
        ("9223372036854775807", 2**63 - 1),
        ("9223372036854775808", None),  # one past a 64-bit key: no row has it
        ("9" * 40, None),
        ("-1", None),
        ("", None),
        (None, None),
        ("4 2", None),
        ("²", None),  # a superscript digit passes str.isdigit()
        ("١٢", None),  # Arabic-Indic digits, which int() would read as 12
    ],
)
def test_only_ascii_digits_within_a_64_bit_key_are_an_id(value, expected):
    assert as_id(value) == expected
