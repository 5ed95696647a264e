"""OGP's real sheet is messier than the sample: yes/no columns as codes or words, shared numbers, odd countries."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from hypothesis import given
from hypothesis import strategies as st

from commitments.models import Commitment, Member
from irm_reports.importing import import_ogp_data
from irm_reports.importing.reader import SheetRow
from irm_reports.importing.rows import RowParser
from irm_reports.models import CommitmentAssessment
from tests.irm_reports.sheets import sample, write_csv

ID = "Commitment Unique Identifier"
YES = ["1", "1.0", "Yes", "yes", "YES", "Yes ", " Y", "y", "TRUE", "True", "true", "T"]
NO = ["0", "0.0", "No", "no", "NO", " No ", "N", "n", "FALSE", "False", "false", "F"]
# The Answer columns of a design report, and a policy-area tag column.
YES_NO_COLUMNS = ["Verifiable", "_Relevant", "Carried Forward", "OGP Value Access To Information"]


def _spelled(words: list[str]):
    """One of the spellings, or any case of it with blanks around."""
    word = st.sampled_from([w.strip() for w in words])
    cased = st.tuples(word, st.sampled_from([str.lower, str.upper, str.title, str])).map(lambda p: p[1](p[0]))
    return st.tuples(st.sampled_from(["", " ", "  "]), cased, st.sampled_from(["", " ", "\n"])).map("".join)


def _ghana_row() -> dict:
    _header, rows = sample()
    return next(r for r in rows if r["Action Plan ID"] == "AP_GHA01")


GHANA = _ghana_row()


@given(yes=_spelled(YES), no=_spelled(NO))
def test_yes_no_columns_take_codes_and_words_in_any_case(yes, no):
    """Whatever spelling of yes or no a person would read as such, the row is read, not refused."""
    cells = dict(GHANA, **{"Verifiable": yes, "_Relevant": no, "Carried Forward": yes, "Open Parliaments": yes})
    cells["OGP Value Access To Information"] = no
    data, errors, _warnings = RowParser({"Open Parliaments": 7}).parse(SheetRow(2, 2, cells))
    assert errors == []
    assert (data.design["verifiable"], data.design["open_gov_lens"], data.results["carried_forward"]) == (
        "yes",
        "no",
        "yes",
    )
    assert data.design["relevance_ati"] == "no" and data.policy_areas == frozenset({7})


@pytest.mark.parametrize("raw", ["maybe", "2", "Yess", "-1"])
def test_a_yes_no_cell_nobody_could_read_is_still_refused(raw):
    _data, errors, _warnings = RowParser({"Open Parliaments": 7}).parse(
        SheetRow(2, 2, dict(GHANA, **{"Verifiable": raw, "Open Parliaments": raw}))
    )
    assert {e.column for e in errors} == {"Verifiable", "Open Parliaments"}


def test_a_rating_code_written_as_a_decimal_or_as_its_label_in_either_column_is_read():
    """Excel writes codes as 2.0; a label column may hold the code, and a code column the label."""
    cells = dict(GHANA, **{"_Specificity": "2.0", "Specificity": "2", "_Potential Impact": "Moderate"})
    data, errors, _warnings = RowParser({}).parse(SheetRow(2, 2, cells))
    assert errors == []
    assert (data.design["specificity"], data.design["potential_impact"]) == ("medium", "moderate")


@pytest.mark.django_db
def test_a_sheet_with_yes_no_codes_imports_every_row_and_the_command_exits_zero(tmp_path, capsys):
    header, rows = sample()
    for index, row in enumerate(rows):
        row["Verifiable"] = {"Yes": YES[index % len(YES)], "No": NO[index % len(NO)]}.get(row["Verifiable"], "NR")
        row["Open Parliaments"] = {"1": "TRUE", "0": "N"}[row["Open Parliaments"]]
    path = write_csv(tmp_path / "codes.csv", header, rows)
    call_command("import_ogp_commitments", str(path))  # raises CommandError (exit 1) when a row is refused
    assert Commitment.objects.count() == len(rows) == 269
    assert "269 imported, 0 skipped" in capsys.readouterr().out
    assert CommitmentAssessment.objects.filter(verifiable="yes").exists()


@pytest.mark.django_db
def test_two_commitments_of_one_plan_sharing_a_number_are_both_kept_with_a_warning(tmp_path):
    header, rows = sample()
    ghana = [r for r in rows if r["Action Plan ID"] == "AP_GHA01"]
    ghana[1]["Commitment Number"] = ghana[0]["Commitment Number"]
    summary = import_ogp_data(write_csv(tmp_path / "shared.csv", header, ghana))
    assert summary.ok and summary.rows_imported == len(ghana)
    twins = Commitment.objects.filter(number=ghana[0]["Commitment Number"], action_plan__ogp_id="AP_GHA01")
    assert sorted(twins.values_list("ogp_id", flat=True)) == sorted([ghana[0][ID], ghana[1][ID]])
    shared = [w for w in summary.warnings if w.column == "Commitment Number"]
    assert [(w.row, w.identifier) for w in shared] == [(3, ghana[1][ID])]
    assert ghana[0][ID] in shared[0].message
    assert not import_ogp_data(tmp_path / "shared.csv").changed()  # the same file again changes nothing


@pytest.mark.django_db
def test_the_command_exits_non_zero_only_when_rows_are_refused(tmp_path):
    header, rows = sample()
    ghana = [r for r in rows if r["Action Plan ID"] == "AP_GHA01"]
    ghana[0]["Region"] = "Atlantis"
    with pytest.raises(CommandError, match="1 row"):
        call_command("import_ogp_commitments", str(write_csv(tmp_path / "bad.csv", header, ghana)))
    assert Commitment.objects.count() == len(ghana) - 1


@pytest.mark.django_db
def test_kosovo_and_a_territory_without_country_code_are_imported(tmp_path):
    header, rows = sample()
    ghana = [r for r in rows if r["Action Plan ID"] == "AP_GHA01"]
    kosovo, territory = [dict(r) for r in ghana[:3]], [dict(r) for r in ghana[3:]]
    for row in kosovo:
        row.update({"Code": "XKX", "Country/Locality": "Kosovo", "Region": "Europe"})
        row.update({"Action Plan ID": "AP_XKX01", ID: "XK" + row[ID][2:]})
    for row in territory:
        row.update({"Code": "ZZT", "Country/Locality": "A Territory", "National Or Local": "Other"})
        row.update({"Action Plan ID": "AP_ZZT01", ID: "ZZT" + row[ID][2:]})
    summary = import_ogp_data(write_csv(tmp_path / "odd.csv", header, kosovo + territory))
    assert summary.ok, [str(e) for e in summary.errors]
    member = Member.objects.get(code="XKX")
    assert (member.country.code, member.country.name, member.kind) == ("XK", "Kosovo", "national")
    other = Member.objects.get(code="ZZT")
    assert (other.country.code, other.kind) == ("", "other")
