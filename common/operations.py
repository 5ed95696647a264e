"""Migration helpers."""

from django.db import migrations


class PostgresTrigramIndexes(migrations.RunPython):
    """Trigram GIN indexes for case-insensitive substring search (Django's icontains) on PostgreSQL.

    icontains compiles to UPPER(column::text) LIKE UPPER('%word%'), which no B-tree can answer; the
    indexes are on that same expression. Other databases (the embedded SQLite) keep scanning.
    """

    def __init__(self, table: str, columns: list[str]):
        self.table, self.columns = table, columns
        super().__init__(self.create, self.drop)

    def create(self, apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        for column in self.columns:
            schema_editor.execute(
                f'CREATE INDEX IF NOT EXISTS "{self.table}_{column}_trgm" '
                f'ON "{self.table}" USING gin ((UPPER("{column}"::text)) gin_trgm_ops)'
            )

    def drop(self, apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for column in self.columns:
            schema_editor.execute(f'DROP INDEX IF EXISTS "{self.table}_{column}_trgm"')

    def deconstruct(self):
        return (self.__class__.__name__, [], {"table": self.table, "columns": self.columns})
