"""Databases made before the apps were laid out again: users and organisations lived in an app labelled
`ogp_portal`, which is now `accounts` (same models, same migrations, renamed).

`upgrade_legacy_label` renames that app's tables, migration records and content types in one transaction,
before `migrate` reads the migration history (our `migrate` command calls it first). Every row stays, with
its primary key; foreign keys from other tables follow the renamed tables (PostgreSQL and SQLite both
rewrite them). A database without the old label is left alone.
"""

from django.db import connections
from django.db.migrations.recorder import MigrationRecorder

LEGACY_LABEL = "ogp_portal"
LABEL = "accounts"


def _legacy_tables(connection) -> list[str]:
    with connection.cursor() as cursor:
        names = connection.introspection.table_names(cursor)
    return [name for name in names if name.startswith(f"{LEGACY_LABEL}_")]


def upgrade_legacy_label(database: str = "default") -> list[str]:
    """Rename what the `ogp_portal` app owned to `accounts`; returns the tables renamed (empty: nothing to do)."""
    connection = connections[database]
    recorder = MigrationRecorder(connection)
    if not recorder.has_table() or not recorder.migration_qs.filter(app=LEGACY_LABEL).exists():
        return []
    tables = _legacy_tables(connection)
    with connection.schema_editor(atomic=True) as editor:
        for table in tables:
            editor.alter_db_table(None, table, LABEL + table[len(LEGACY_LABEL) :])
        recorder.migration_qs.filter(app=LEGACY_LABEL).update(app=LABEL)
        editor.execute("UPDATE django_content_type SET app_label = %s WHERE app_label = %s", (LABEL, LEGACY_LABEL))
    return tables
