"""OGP's sheet for the importer's tests: the shipped sample, and files written from rows."""

import csv
from pathlib import Path

from irm_reports.importing import OGP_SAMPLE


def sample() -> tuple[list[str], list[dict]]:
    """The header and rows of the sample shipped with the portal (269 rows, 171 columns)."""
    with OGP_SAMPLE.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames), list(reader)


def write_csv(path: Path, header: list[str], rows: list[dict]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return path


def write_xlsx(path: Path, header: list[str], rows: list[dict]) -> Path:
    """The rows in an Excel workbook, numbers as numbers (as Excel keeps them)."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Commitments")
    sheet.append(header)
    for row in rows:
        sheet.append([_cell(row.get(name, "")) for name in header])
    workbook.save(path)
    return path


def _cell(value: str):
    if value.lstrip("-").isdigit() and not (len(value) > 1 and value.startswith("0")):
        return int(value)
    return value


def rows_by_id(rows: list[dict]) -> dict[str, dict]:
    return {row["Commitment Unique Identifier"]: row for row in rows}


def ogp_latest_star(row: dict) -> bool | None:
    """OGP's star of the commitment's most recently assessed report, when OGP computed one.

    The results report (End of Term) comes after the design report (Progress Report); OGP's star
    of each is in its `Starred (Current Formula) …` column (0 or 1; ND, NR or NA when not computed).
    """
    if row["Report Publication Year (End Of Term)"].isdigit():
        value = row["Starred (Current Formula) End of Term"]
    elif row["Report Publication Year (Progress Report)"].isdigit():
        value = row["Starred (Current Formula) Progress Report"]
    else:
        return None
    return {"0": False, "1": True}.get(value)
