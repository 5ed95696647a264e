"""Cells of OGP's sheet as values: lenient dates kept with their text, numbers, years."""

from datetime import date

import pytest

from irm_reports.importing import values


@pytest.mark.parametrize(
    ("raw", "start", "end"),
    [
        ("9/1/2019", date(2019, 9, 1), date(2019, 9, 1)),
        ("31/12/2014", date(2014, 12, 31), date(2014, 12, 31)),  # day first when the first number is over 12
        ("12/31/15", date(2015, 12, 31), date(2015, 12, 31)),
        ("December 2015", date(2015, 12, 1), date(2015, 12, 31)),
        ("December 31, 2015", date(2015, 12, 31), date(2015, 12, 31)),
        ("30 juin 2016", date(2016, 6, 30), date(2016, 6, 30)),
        ("julio 2014", date(2014, 7, 1), date(2014, 7, 31)),
        ("I quarter of 2021", date(2021, 1, 1), date(2021, 3, 31)),
        ("Quarter 4 2016", date(2016, 10, 1), date(2016, 12, 31)),
        ("Q2 2017", date(2017, 4, 1), date(2017, 6, 30)),
        ("2012", date(2012, 1, 1), date(2012, 12, 31)),
        ("2019-09-01 00:00:00", date(2019, 9, 1), date(2019, 9, 1)),
    ],
)
def test_dates_are_read_leniently_a_period_standing_for_its_first_or_last_day(raw, start, end):
    assert values.parse_date(raw) == (start, "")
    assert values.parse_date(raw, end=True) == (end, "")


def test_a_year_a_spreadsheet_took_for_a_date_is_read_as_that_year():
    """Excel shows the number 2023 as 15 July 1905: OGP's sheet has such cells."""
    parsed, note = values.parse_date("7/15/1905")
    assert parsed == date(2023, 1, 1) and "2023" in note
    assert values.parse_date("7/20/1905", end=True)[0] == date(2028, 12, 31)


@pytest.mark.parametrize("raw", ["Ongoing", "In progress", "mid-2015", "2/30/2015", "1/1/1850"])
def test_what_is_not_a_date_is_kept_as_text_with_a_note(raw):
    parsed, note = values.parse_date(raw)
    assert parsed is None and note


@pytest.mark.parametrize("raw", ["NA", "ND", "NR", "", "  "])
def test_placeholders_are_no_date_and_no_note(raw):
    assert values.parse_date(raw) == (None, "")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2.2999999999999998", "2.3"),
        ("1.1000000000000001", "1.1"),
        ("4.0999999999999996", "4.1"),
        ("3.3.3.6", "3.3.3.6"),
        ("2.3.2.A", "2.3.2.A"),
        (" 10 ", "10"),
        ("NA", ""),
    ],
)
def test_commitment_and_cluster_numbers_lose_the_float_artefacts_of_spreadsheets(raw, expected):
    assert values.number_text(raw) == expected


def test_years_and_whole_numbers():
    assert values.year("2016") == 2016 and values.year("2016.0") == 2016 and values.year("ND") is None
    for bad in ("1999", "abc", "20166"):
        with pytest.raises(ValueError):
            values.year(bad)
    assert values.integer("4") == 4 and values.integer("NA") is None
