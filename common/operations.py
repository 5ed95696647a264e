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


class AlterModelBases(migrations.operations.base.Operation):
    """Give a model of the migration state other base classes, which Django's autodetector does not follow.

    django-parler reads its TranslatableModelMixin on the model a translation table points to, in migrations too.
    Nothing changes in the database.
    """

    reduces_to_sql = False
    reversible = True

    def __init__(self, name: str, bases: tuple):
        self.name, self.bases = name, bases

    def deconstruct(self):
        return (self.__class__.__qualname__, [], {"name": self.name, "bases": self.bases})

    def state_forwards(self, app_label, state):
        state.models[app_label, self.name.lower()].bases = self.bases
        state.reload_model(app_label, self.name.lower(), delay=True)

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        pass

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        pass

    def describe(self):
        return f"Alter the bases of {self.name}"
