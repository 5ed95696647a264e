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


class PostgresSQL(migrations.RunPython):
    """SQL run on PostgreSQL only (functions, triggers, GIN indexes); other databases skip it."""

    def __init__(self, sql: str, reverse_sql: str):
        self.sql, self.reverse_sql = sql, reverse_sql
        super().__init__(self.forward, self.backward)

    def forward(self, apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(self.sql)

    def backward(self, apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(self.reverse_sql)

    def deconstruct(self):
        return (self.__class__.__name__, [], {"sql": self.sql, "reverse_sql": self.reverse_sql})
