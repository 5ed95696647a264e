"""Full-text search of consultations on PostgreSQL (common.search): title (weight A) and description (C),
stored and kept by the trigger function that action plans use, in a GIN index."""

import django.contrib.postgres.search

from django.db import migrations

from common.operations import PostgresSQL

CREATE = """
CREATE TRIGGER consultation_search_write BEFORE INSERT OR UPDATE OF title, description
    ON consultations_consultation FOR EACH ROW EXECUTE FUNCTION ogp_title_description_search_write();
UPDATE consultations_consultation SET search_vector = ogp_tsvector(title, 'A') || ogp_tsvector(description, 'C');
CREATE INDEX consultation_search_vector ON consultations_consultation USING gin (search_vector);
"""

DROP = """
DROP INDEX IF EXISTS consultation_search_vector;
DROP TRIGGER IF EXISTS consultation_search_write ON consultations_consultation;
"""


class Migration(migrations.Migration):

    dependencies = [
        ('commitments', '0014_actionplan_search_vector'),
        ('consultations', '0011_proposal_search_vector_trigger'),
    ]

    operations = [
        migrations.AddField(
            model_name='consultation',
            name='search_vector',
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        PostgresSQL(CREATE, DROP),
    ]
