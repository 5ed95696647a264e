"""Rows written with PostgreSQL's COPY FROM STDIN (not the ORM row by row), for the benchmark's bulk data.

Columns come from the models' own field lists, so a new NOT NULL field gets its default here without
editing the generators.
"""

import io
import itertools
import json
from datetime import date, datetime

from django.db import connection, models
from django.utils import timezone


class _Stream(io.RawIOBase):
    """A readable file over an iterator of text lines, for COPY FROM STDIN without a temporary file."""

    def __init__(self, lines):
        self._lines = lines
        self._buffer = b""

    def readable(self):
        return True

    def readinto(self, target):
        while len(self._buffer) < len(target):
            try:
                self._buffer += next(self._lines).encode()
            except StopIteration:
                break
        size = min(len(target), len(self._buffer))
        target[:size], self._buffer = self._buffer[:size], self._buffer[size:]
        return size


def _text(value) -> str:
    if value is None:
        return r"\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict | list):
        value = json.dumps(value)
    return str(value).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def _fixed_values(fields) -> dict:
    """The value of each column a row may leave out and whose default is not a callable."""
    now = timezone.now()
    fixed = {}
    for field in fields:
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            fixed[field.attname] = now
        elif field.has_default() and not callable(field.default):
            fixed[field.attname] = field.default
        elif not field.has_default() and field.null:
            fixed[field.attname] = None
        elif not field.has_default() and isinstance(field, models.CharField | models.TextField):
            fixed[field.attname] = ""
    return fixed


def copy(model: type[models.Model], rows) -> int:
    """COPY dicts of field values into the model's table; other columns get the field's default."""
    fields = list(model._meta.concrete_fields)
    fixed = _fixed_values(fields)
    callables = {f.attname: f.default for f in fields if f.has_default() and callable(f.default)}
    rows = iter(rows)
    first = next(rows, None)
    if first is None:
        return 0
    # Ids are written when the rows give them; otherwise the table's sequence numbers the rows.
    pk = model._meta.pk.attname
    columns = [f.attname for f in fields if f.attname != pk or pk in first]
    rows = itertools.chain([first], rows)
    count = 0

    def lines():
        nonlocal count
        for row in rows:
            values = []
            for name in columns:
                if name in row:
                    values.append(row[name])
                elif name in fixed:
                    values.append(fixed[name])
                else:
                    values.append(callables[name]())
            count += 1
            yield "\t".join(_text(v) for v in values) + "\n"

    sql = f'COPY "{model._meta.db_table}" ({", ".join(chr(34) + c + chr(34) for c in columns)}) FROM STDIN'
    with connection.cursor() as cursor:
        cursor.cursor.copy_expert(sql, io.BufferedReader(_Stream(lines()), buffer_size=1 << 20))
    return count


def reset_sequences(*model_classes) -> None:
    """Move each table's id sequence past the ids COPY wrote explicitly."""
    with connection.cursor() as cursor:
        for model in model_classes:
            table = model._meta.db_table
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), COALESCE(MAX(id), 1)) FROM \"{table}\""
            )
