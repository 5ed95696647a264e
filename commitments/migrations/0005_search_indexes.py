from django.db import migrations

from common.operations import PostgresTrigramIndexes


class Migration(migrations.Migration):
    dependencies = [("commitments", "0004_history")]

    operations = [PostgresTrigramIndexes("commitments_commitment", ["title", "objective"])]
