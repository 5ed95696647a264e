"""Full-text search of commitments on PostgreSQL (common.search): a stored document per commitment, kept by
triggers, in a GIN index.

`ogp_tsvector(text, weight)` reads a text with the English, French and Spanish dictionaries at once. A
commitment's document holds its title, short title and OGP identifier (weight A); its theme, its
institutions and the names of its policy areas in the three languages (B); its objective, problem and
expected results (C). Triggers write it when a commitment is written, when its policy areas change, and
when a policy area or an institution is renamed. Other databases search word by word (common.search).
"""

from django.db import migrations

from common.operations import PostgresSQL

FUNCTIONS = """
CREATE OR REPLACE FUNCTION ogp_tsvector(body text, weight "char") RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT setweight(
        to_tsvector('pg_catalog.english', coalesce(body, ''))
        || to_tsvector('pg_catalog.french', coalesce(body, ''))
        || to_tsvector('pg_catalog.spanish', coalesce(body, '')),
        weight)
$$;

CREATE OR REPLACE FUNCTION commitments_commitment_document(c commitments_commitment) RETURNS tsvector
LANGUAGE sql STABLE AS $$
    SELECT ogp_tsvector(concat_ws(' ', c.title, c.short_title, c.ogp_id), 'A')
        || ogp_tsvector(concat_ws(' ', c.theme, c.lead_institution_text, c.supporting_institutions_text,
            (SELECT o.name FROM accounts_organisation o WHERE o.id = c.lead_institution_id),
            (SELECT string_agg(concat_ws(' ', p.name, p.name_fr, p.name_es), ' ')
               FROM commitments_commitment_policy_areas cp
               JOIN commitments_policyarea p ON p.id = cp.policyarea_id
              WHERE cp.commitment_id = c.id)), 'B')
        || ogp_tsvector(concat_ws(' ', c.objective, c.problem, c.expected_results), 'C')
$$;

CREATE OR REPLACE FUNCTION commitments_commitment_search_write() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_vector := commitments_commitment_document(NEW);
    RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION commitments_commitment_search_refresh() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'commitments_commitment_policy_areas' THEN
        UPDATE commitments_commitment c SET search_vector = commitments_commitment_document(c)
         WHERE c.id IN (SELECT commitment_id FROM changed);
    ELSIF TG_TABLE_NAME = 'commitments_policyarea' THEN
        UPDATE commitments_commitment c SET search_vector = commitments_commitment_document(c)
         WHERE c.id IN (SELECT cp.commitment_id FROM commitments_commitment_policy_areas cp
                         WHERE cp.policyarea_id IN (SELECT id FROM changed));
    ELSE
        UPDATE commitments_commitment c SET search_vector = commitments_commitment_document(c)
         WHERE c.lead_institution_id IN (SELECT id FROM changed);
    END IF;
    RETURN NULL;
END $$;
"""

TRIGGERS = """
CREATE TRIGGER commitment_search_write
    BEFORE INSERT OR UPDATE OF title, short_title, ogp_id, theme, lead_institution_id, lead_institution_text,
        supporting_institutions_text, objective, problem, expected_results
    ON commitments_commitment FOR EACH ROW EXECUTE FUNCTION commitments_commitment_search_write();
CREATE TRIGGER commitment_search_areas_added
    AFTER INSERT ON commitments_commitment_policy_areas REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION commitments_commitment_search_refresh();
CREATE TRIGGER commitment_search_areas_removed
    AFTER DELETE ON commitments_commitment_policy_areas REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION commitments_commitment_search_refresh();
CREATE TRIGGER commitment_search_area_renamed
    AFTER UPDATE ON commitments_policyarea REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION commitments_commitment_search_refresh();
CREATE TRIGGER commitment_search_institution_renamed
    AFTER UPDATE ON accounts_organisation REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION commitments_commitment_search_refresh();
UPDATE commitments_commitment c SET search_vector = commitments_commitment_document(c);
CREATE INDEX commitment_search_vector ON commitments_commitment USING gin (search_vector);
"""

DROP = """
DROP INDEX IF EXISTS commitment_search_vector;
DROP TRIGGER IF EXISTS commitment_search_write ON commitments_commitment;
DROP TRIGGER IF EXISTS commitment_search_areas_added ON commitments_commitment_policy_areas;
DROP TRIGGER IF EXISTS commitment_search_areas_removed ON commitments_commitment_policy_areas;
DROP TRIGGER IF EXISTS commitment_search_area_renamed ON commitments_policyarea;
DROP TRIGGER IF EXISTS commitment_search_institution_renamed ON accounts_organisation;
DROP FUNCTION IF EXISTS commitments_commitment_search_refresh();
DROP FUNCTION IF EXISTS commitments_commitment_search_write();
DROP FUNCTION IF EXISTS commitments_commitment_document(commitments_commitment);
DROP FUNCTION IF EXISTS ogp_tsvector(text, "char");
"""


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("commitments", "0012_policy_area_names_in_spanish"),
    ]

    operations = [PostgresSQL(FUNCTIONS + TRIGGERS, DROP)]
