"""Full-text search of proposals on PostgreSQL (common.search): a stored document per proposal (title weight
A, problem and solution C, read in English, French and Spanish by `ogp_tsvector`), written by a trigger, in
a GIN index limited to the proposals anyone may see (ProposalQuerySet.public())."""

from django.db import migrations

from common.operations import PostgresSQL

CREATE = """
CREATE OR REPLACE FUNCTION consultations_proposal_search_write() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_vector := ogp_tsvector(NEW.title, 'A') || ogp_tsvector(concat_ws(' ', NEW.problem, NEW.solution), 'C');
    RETURN NEW;
END $$;
CREATE TRIGGER proposal_search_write
    BEFORE INSERT OR UPDATE OF title, problem, solution
    ON consultations_proposal FOR EACH ROW EXECUTE FUNCTION consultations_proposal_search_write();
UPDATE consultations_proposal SET search_vector = ogp_tsvector(title, 'A') || ogp_tsvector(concat_ws(' ', problem, solution), 'C');
CREATE INDEX proposal_public_search_vector ON consultations_proposal USING gin (search_vector)
    WHERE NOT is_hidden AND NOT (status = 'draft');
"""

DROP = """
DROP INDEX IF EXISTS proposal_public_search_vector;
DROP TRIGGER IF EXISTS proposal_search_write ON consultations_proposal;
DROP FUNCTION IF EXISTS consultations_proposal_search_write();
"""


class Migration(migrations.Migration):
    dependencies = [
        ("commitments", "0013_commitment_search_vector"),
        ("consultations", "0010_proposal_search_vector"),
    ]

    operations = [PostgresSQL(CREATE, DROP)]
