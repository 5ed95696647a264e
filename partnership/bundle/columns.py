"""A resource of the open-data archive: its rows (only what anyone may see), read in chunks, and its columns.

One column list per resource serves the CSV, the JSON and the data dictionary (as partnership.exports does
for the commitments download).
"""

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from operator import attrgetter

from django.conf import settings
from django.db.models import QuerySet
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from common.spreadsheets import SpreadsheetSafeDictWriter
from common.translations import original_language, translations_by_master
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


def with_translations(translation_model, also: Callable[[list], None] | None = None) -> Callable[[list], None]:
    """per_chunk of a translatable resource: each object's languages (common.translations), one query a chunk;
    then the resource's own per_chunk (`also`), if any."""

    def attach(chunk: list) -> None:
        by_master = translations_by_master(translation_model, [obj.pk for obj in chunk])
        for obj in chunk:
            obj.texts_by_language = by_master.get(obj.pk, {})
        if also is not None:
            also(chunk)

    return attach


def _in_language(name: str, language: str):
    def value(obj):
        if original_language(obj) == language:
            return 0 if name == "machine_translated" else getattr(obj, name)
        texts = obj.texts_by_language.get(language)
        if texts is None:
            return ""
        return int(texts[name]) if name == "machine_translated" else texts[name]

    return value


def translation_columns(labels: dict[str, object]) -> list[Column]:
    """<field>_<language> for each translatable field and language of the site, then machine_translated_<language>.

    A cell holds the text in that language: the original when the object is written in it, else its translation,
    empty when there is none (the resource's per_chunk is `with_translations`).
    """
    columns = []
    for language, language_name in settings.LANGUAGES:
        for name, label in labels.items():
            description = format_lazy(
                _("{field} in {language}: the original text if written in it, else its translation (empty if none)."),
                field=label,
                language=language_name,
            )
            columns.append(Column(f"{name}_{language}", description, _in_language(name, language)))
        description = format_lazy(
            _("1 if the {language} text is a machine translation, 0 if written by a person, empty if none."),
            language=language_name,
        )
        columns.append(
            Column(f"machine_translated_{language}", description, _in_language("machine_translated", language))
        )
    return columns
