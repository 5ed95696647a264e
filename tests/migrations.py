"""Migration tests: take the database back to an earlier migration, write rows as the code of that time
did, migrate forward and check what became of them.

    @pytest.mark.django_db(transaction=True)  # migrations change the schema: no test transaction around them
    def test_the_copy():
        with migrated_to(("irm_reports", "0007_private_file_names")) as migrator:
            Report = migrator.apps.get_model("irm_reports", "Report")  # the model as it was then
            ...
            migrator.to(("irm_reports", "0010_report_render_fields_moved"))
            ReportRendering = migrator.apps.get_model("irm_reports", "ReportRendering")

The block leaves the database at the latest migrations again, whatever happens in it.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.state import StateApps


class Migrator:
    """Moves the test database between migrations; `apps` holds the models as the applied migrations made them."""

    def __init__(self):
        self.apps: StateApps | None = None

    def to(self, *targets: tuple[str, str]) -> StateApps:
        """Migrate (forwards or backwards) to each (app_label, migration name); other apps stay where they are
        unless they depend on what is unapplied."""
        executor = MigrationExecutor(connection)
        executor.migrate(list(targets))
        executor = MigrationExecutor(connection)  # the applied migrations as they are now
        self.apps = executor._create_project_state(with_applied_migrations=True).apps
        return self.apps

    def to_latest(self) -> None:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
        self.apps = None


@contextmanager
def migrated_to(*targets: tuple[str, str]) -> Iterator[Migrator]:
    """The database at `targets` for the block, then at the latest migrations again."""
    migrator = Migrator()
    try:
        migrator.to(*targets)
        yield migrator
    finally:
        migrator.to_latest()
