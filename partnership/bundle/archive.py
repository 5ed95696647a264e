"""The open-data archive written as a stream: each resource's rows go from a server-side cursor, in chunks,
through the CSV or JSON writer into a deflated ZIP entry, so memory stays flat whatever the number of rows."""

import csv
import io
import json
import zipfile
from collections.abc import Callable, Iterable, Iterator
from typing import BinaryIO

from django.utils.translation import gettext as _

from partnership.bundle import assessment, participation, record
from partnership.bundle.columns import Resource, csv_lines, json_lines

RESOURCES: list[Resource] = [
    record.MEMBERS,
    record.ACTION_PLANS,
    record.COMMITMENTS,
    record.MILESTONES,
    record.PROGRESS_UPDATES,
    participation.CONSULTATIONS,
    participation.PROPOSALS,
    participation.RESPONSES,
    participation.COMMENTS,
    participation.FORUM_MEETINGS,
    assessment.MONITORING_REPORTS,
    assessment.MONITORING_ANSWERS,
    assessment.IRM_REPORTS,
    assessment.IRM_ASSESSMENTS,
]
README = "README.md"
DICTIONARY_CSV = "data_dictionary.csv"
DICTIONARY_JSON = "data_dictionary.json"
BUFFER = 64 * 1024


def _write(archive: zipfile.ZipFile, name: str, lines: Iterable[str]) -> None:
    """One entry of the archive, written through a small buffer (never the whole file in memory)."""
    with archive.open(name, "w", force_zip64=True) as entry:
        buffer = io.StringIO()
        for line in lines:
            buffer.write(line)
            if buffer.tell() >= BUFFER:
                entry.write(buffer.getvalue().encode("utf-8"))
                buffer = io.StringIO()
        entry.write(buffer.getvalue().encode("utf-8"))


class _Counted:
    """The rows of a resource, counted as they go by."""

    def __init__(self, rows: Iterator[dict]):
        self.rows, self.count = rows, 0

    def __iter__(self):
        for row in self.rows:
            self.count += 1
            yield row


def dictionary_rows() -> list[dict]:
    """Every column of every file: file, column, description (the data dictionary)."""
    return [
        {"file": f"{resource.name}.{ext}", "column": column.name, "description": str(column.description)}
        for resource in RESOURCES
        for ext in ("csv", "json")
        for column in resource.columns
    ]


def _dictionary_csv(rows: list[dict]) -> Iterator[str]:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=["file", "column", "description"])
    writer.writeheader()
    writer.writerows(rows)
    yield out.getvalue()


def file_descriptions() -> list[tuple[str, str]]:
    """(file name, what it holds) for every file of the archive, in its order."""
    files = []
    for resource in RESOURCES:
        files.append((f"{resource.name}.csv", f"{resource.description} " + _("CSV, one row per object.")))
        files.append((f"{resource.name}.json", f"{resource.description} " + _("JSON, one object per row.")))
    files += [
        (DICTIONARY_CSV, _("The data dictionary: every column of every file with its meaning (CSV).")),
        (DICTIONARY_JSON, _("The same data dictionary as JSON.")),
        (README, _("This file.")),
    ]
    return files


def readme(*, built_at: str, counts: dict[str, int]) -> str:
    lines = [
        "# " + _("Open data of the OGP portal: the whole public record"),
        "",
        _("Built on %(date)s. Only what anyone may see on the portal is here.") % {"date": built_at},
        "",
        _(
            "Each resource comes as a CSV file (UTF-8, comma-separated, one header line) and a JSON file (an array "
            "of objects with the same keys). Files refer to each other by identifier (e.g. commitment_id). In the "
            "CSV, a text cell that begins with =, +, -, @, a tab or a carriage return is written with an "
            "apostrophe (') in front, so that spreadsheets show it as text; the JSON gives every value exactly as "
            "published. Every column is described in data_dictionary.csv."
        ),
        "",
        _(
            "Licence: Creative Commons Attribution 4.0 International (CC BY 4.0). Commitments and IRM assessments "
            "from OGP's own dataset remain credited to the Open Government Partnership and its Independent "
            "Reporting Mechanism."
        ),
        "",
        "## " + _("Files"),
        "",
    ]
    for name, description in file_descriptions():
        stem = name.rsplit(".", 1)[0]
        rows = f" ({_('%(count)s rows') % {'count': counts[stem]}})" if stem in counts else ""
        lines.append(f"- `{name}`: {description}{rows}")
    return "\n".join(lines) + "\n"


def write_archive(target: BinaryIO, *, built_at: str, on_step: Callable[[str], None] | None = None) -> dict:
    """Write the whole archive into `target` (a file opened for binary writing); the rows of each resource."""
    step = on_step or (lambda text: None)
    counts: dict[str, int] = {}
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for index, resource in enumerate(RESOURCES, start=1):
            step(f"{resource.name} ({index}/{len(RESOURCES)})")
            rows = _Counted(resource.rows())
            _write(archive, f"{resource.name}.csv", csv_lines(resource, iter(rows)))
            counts[resource.name] = rows.count
            _write(archive, f"{resource.name}.json", json_lines(resource.rows()))
        dictionary = dictionary_rows()
        _write(archive, DICTIONARY_CSV, _dictionary_csv(dictionary))
        _write(archive, DICTIONARY_JSON, [json.dumps(dictionary, ensure_ascii=False, indent=1)])
        _write(archive, README, [readme(built_at=built_at, counts=counts)])
    return counts
