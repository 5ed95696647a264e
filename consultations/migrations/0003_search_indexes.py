from django.db import migrations

from common.operations import PostgresTrigramIndexes


class Migration(migrations.Migration):
    dependencies = [("consultations", "0002_proposal_list_indexes")]

    operations = [PostgresTrigramIndexes("consultations_proposal", ["title", "problem", "solution"])]
