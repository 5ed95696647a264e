"""The figures of OGP's commitments sheet, computed straight from the CSV with the csv module.

Independent of the portal's code: the rules are written again here from OGP's documented codes. A
commitment counts when a report year is given (the design report's or the results report's; `NR` / `ND`
there mean not assessed); completion is the end-of-term code when the results report rates it, else the
mid-term one (codes 0–5; 4 substantial, 5 complete); potential impact 0–3 (3 transformative); "did it
open government?" 0–4 (3 major, 4 outstanding) in the results report; the star is OGP's current formula
on the codes of the latest report that decides it (end of term, else progress report; see _starred).
"""

import csv
from collections import defaultdict
from pathlib import Path

# The extract of OGP's sheet the project ships (the importer's sample), read without the importer's code.
SHEET = Path(__file__).resolve().parents[2] / "irm_reports" / "data" / "ogp_commitments_sample.csv"
COUNTS = (
    "commitments",
    "completion_assessed",
    "completed",
    "impact_assessed",
    "transformative",
    "starred",
    "opened_government",
)


def read(path: Path = SHEET) -> tuple[list[str], list[dict]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames), list(reader)


def code(value: str, allowed: range) -> int | None:
    """A numeric code of the sheet (`2`, `2.0`), None for ND / NR / NA / blanks / anything else."""
    try:
        number = float(value.strip())
    except ValueError:
        return None
    return int(number) if number.is_integer() and int(number) in allowed else None


def yes(value: str) -> bool:
    return value.strip().lower() in ("1", "1.0", "yes", "y", "true")


def flag(value: str) -> bool | None:
    text = value.strip().lower()
    return True if text in ("1", "1.0") else False if text in ("0", "0.0") else None


def area_columns(header: list[str]) -> list[str]:
    """OGP's sheet lists its policy-area tags together, from `Anti-Corruption and Integrity` to `Money in Politics`."""
    return header[header.index("Anti-Corruption and Integrity") : header.index("Money in Politics") + 1]


def _star(row: dict, completion: int | None) -> bool:
    """OGP's current star formula on one report's ratings (DOMAIN §2.3): specific (medium or high; where the IRM
    rated verifiability instead of specificity, verifiable), relevant to access to information, civic
    participation or public accountability, transformative, substantial or complete."""
    specificity = code(row["_Specificity"], range(4))
    specific = specificity in (2, 3) if specificity is not None else yes(row["Verifiable"])
    values = ("OGP Value Access To Information", "OGP Value Civic Participation", "OGP Value Public Accountability")
    relevant = any(yes(row[column]) for column in values)
    return specific and relevant and code(row["_Potential Impact"], range(4)) == 3 and completion in (4, 5)


def _starred(row: dict, design: bool, end_term: int | None, mid_term: int | None) -> bool:
    """The star of the latest report that decides it: end of term when its completion is rated, else mid-term.
    IRM Refresh plans (rated on potential for results) have OGP's star only in a Results Report (which rates
    early results): verifiable, open-government lens, substantial potential for results, substantial or complete."""
    if code(row["_Potential for Results"], range(3)) is not None:
        return (
            code(row["_Early Results"], range(3)) is not None
            and yes(row["Verifiable"])
            and yes(row["_Relevant"])
            and code(row["_Potential for Results"], range(3)) == 2
            and end_term in (4, 5)
        )
    if end_term is not None:
        return _star(row, end_term)
    return design and _star(row, mid_term)


def measures(row: dict) -> dict | None:
    """The row's contribution to each count, or None when the IRM has not assessed it."""
    design = row["Report Publication Year (Progress Report)"].strip().isdigit()
    results = row["Report Publication Year (End Of Term)"].strip().isdigit()
    if not (design or results):
        return None
    end_term = code(row["_CompletionEndTerm"], range(6)) if results else None
    mid_term = code(row["_CompletionProgress"], range(6)) if design else None
    completion = end_term if end_term is not None else mid_term
    impact = code(row["_Potential Impact"], range(4))
    diog = code(row["_OpenGovernment"], range(5)) if results else None
    return {
        "commitments": 1,
        "completion_assessed": int(completion is not None),
        "completed": int(completion in (4, 5)),
        "impact_assessed": int(impact is not None),
        "transformative": int(impact == 3),
        "starred": int(_starred(row, design, end_term, mid_term)),
        "opened_government": int(diog in (3, 4)),
    }


def figures(keys) -> dict[str, dict]:
    """Counts per group; `keys(row)` gives the groups a row belongs to."""
    _header, rows = read()
    totals: dict[str, dict] = defaultdict(lambda: dict.fromkeys(COUNTS, 0))
    seen = set()
    for row in rows:
        identifier = row["Commitment Unique Identifier"].strip()
        if identifier in seen:  # a repeated row is one commitment
            continue
        seen.add(identifier)
        counted = measures(row)
        if counted is None:
            continue
        for group in keys(row):
            for name, value in counted.items():
                totals[group][name] += value
    return dict(totals)


def by_region() -> dict[str, dict]:
    return figures(lambda row: [row["Region"].strip()])


def by_policy_area() -> dict[str, dict]:
    header, _rows = read()
    areas = area_columns(header)
    return figures(lambda row: [area for area in areas if yes(row[area])])


def by_start_year() -> dict[str, dict]:
    return figures(lambda row: [str(code(row["Year Of Submission"], range(1900, 2100)))])


def by_kind() -> dict[str, dict]:
    kinds = {"national": "National", "local": "Local", "legacy local": "Local", "other": "Other"}
    return figures(lambda row: [kinds[row["National Or Local"].strip().lower()]])
