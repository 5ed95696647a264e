"""Full-text search of action plans on PostgreSQL (common.search): title (weight A) and summary (C), stored and
kept by a trigger (`ogp_title_description_search_write`, which consultations use too), in a GIN index."""

import django.contrib.postgres.search

from django.db import migrations

from common.operations import PostgresSQL

CREATE = """
CREATE OR REPLACE FUNCTION ogp_title_description_search_write() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_vector := ogp_tsvector(NEW.title, 'A') || ogp_tsvector(NEW.description, 'C');
    RETURN NEW;
END $$;
CREATE TRIGGER actionplan_search_write BEFORE INSERT OR UPDATE OF title, description
    ON commitments_actionplan FOR EACH ROW EXECUTE FUNCTION ogp_title_description_search_write();
UPDATE commitments_actionplan SET search_vector = ogp_tsvector(title, 'A') || ogp_tsvector(description, 'C');
CREATE INDEX actionplan_search_vector ON commitments_actionplan USING gin (search_vector);
"""

DROP = """
DROP INDEX IF EXISTS actionplan_search_vector;
DROP TRIGGER IF EXISTS actionplan_search_write ON commitments_actionplan;
DROP FUNCTION IF EXISTS ogp_title_description_search_write();
"""


class Migration(migrations.Migration):

    dependencies = [
        ('commitments', '0013_commitment_search_vector'),
    ]

    operations = [
        migrations.AddField(
            model_name='actionplan',
            name='search_vector',
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        PostgresSQL(CREATE, DROP),
    ]
