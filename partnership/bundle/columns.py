"""A resource of the open-data archive: its rows (only what anyone may see), read in chunks, and its columns.

One column list per resource serves the CSV, the JSON and the data dictionary (as partnership.exports does
for the commitments download).
"""

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from operator import attrgetter

from django.db.models import QuerySet

from common.spreadsheets import SpreadsheetSafeDictWriter
from partnership.exports import Column

CHUNK_SIZE = 2000


def field(name: str, description, path: str | None = None) -> Column:
    """A column holding an attribute (dotted `path`, the column's name by default); booleans as 0/1."""
    getter = attrgetter(path or name)

    def value(obj):
        try:
            result = getter(obj)
        except AttributeError:  # a null relation on the way
            return ""
        if isinstance(result, bool):
            return int(result)
        return "" if result is None else result

    return Column(name, description, value)


def joined(values) -> str:
    return "; ".join(str(value) for value in values)


@dataclass(frozen=True)
class Resource:
    """One kind of object of the archive: files `<name>.csv` and `<name>.json`."""

    name: str
    description: object
    columns: list[Column]
    queryset: Callable[[], QuerySet]
    # Called with each chunk of objects before their rows are written: what a chunk reads in one query.
    per_chunk: Callable[[list], None] | None = None

    @property
    def column_names(self) -> list[str]:
        return [column.name for column in self.columns]

    def rows(self, *, chunk_size: int | None = None) -> Iterator[dict]:
        """Its rows as flat dicts, from a server-side cursor in chunks (prefetches run per chunk)."""
        size = chunk_size or CHUNK_SIZE
        chunk = []
        for obj in self.queryset().iterator(chunk_size=size):
            chunk.append(obj)
            if len(chunk) >= size:
                yield from self._chunk_rows(chunk)
                chunk = []
        yield from self._chunk_rows(chunk)

    def _chunk_rows(self, chunk: list) -> Iterator[dict]:
        if chunk and self.per_chunk is not None:
            self.per_chunk(chunk)
        for obj in chunk:
            yield {column.name: column.value(obj) for column in self.columns}


class _Line:
    """A file-like object whose write() returns the line instead of storing it."""

    def write(self, value: str) -> str:
        return value


def csv_lines(resource: Resource, rows: Iterator[dict]) -> Iterator[str]:
    """The CSV, line by line; a cell a spreadsheet would run as a formula is written as text."""
    writer = SpreadsheetSafeDictWriter(_Line(), fieldnames=resource.column_names)
    yield writer.writeheader()
    for row in rows:
        yield writer.writerow(row)


def json_lines(rows: Iterator[dict]) -> Iterator[str]:
    """A JSON array, one object a line: every value exactly as published."""
    yield "["
    for index, row in enumerate(rows):
        yield ("," if index else "") + "\n" + json.dumps(row, default=str, ensure_ascii=False)
    yield "\n]\n"
