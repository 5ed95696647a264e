from django.db import migrations

from ogp_portal.common.migrations import PostgresTrigramIndexes


class Migration(migrations.Migration):
    dependencies = [("commitments", "0004_history")]

    operations = [PostgresTrigramIndexes("commitments_commitment", ["title", "objective"])]
