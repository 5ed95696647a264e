"""Policy areas gain search keywords: the other words people use for an area, in any language.

OGP's taxonomy names an area one way per language, but people search with their own administration's
words: a French reader looks for open contracting under "marchés publics", a Spanish one for public
procurement under "contrataciones públicas". The keywords join the area's names in each commitment's search
document (PostgreSQL: commitments_commitment_document(), replaced here; SQLite: Commitment.SEARCH_FIELDS).
Staff edit them in the admin; an edit refreshes the documents of the area's commitments through the
existing statement trigger on commitments_policyarea (as the keywords set below do).
"""

from django.db import migrations, models
from django.utils.text import slugify

from common.operations import PostgresSQL

# English name of the area → its keywords (English, French, Spanish terms of the same field).
KEYWORDS = {
    "Open Contracting": (
        "public procurement tenders contracts open contracting data standard "
        "marchés publics commande publique passation des marchés données ouvertes des contrats "
        "contrataciones públicas compras públicas licitaciones contratos abiertos"
    ),
    "Public Procurement": (
        "tenders purchasing contracts open contracting "
        "commande publique appels d'offres passation des marchés contrats ouverts "
        "contrataciones públicas licitaciones contratación abierta"
    ),
    "Right To Information": (
        "access to information freedom of information FOI transparency law "
        "accès à l'information transparence administrative "
        "acceso a la información transparencia"
    ),
    "Beneficial Ownership": (
        "company ownership registers beneficial owners "
        "bénéficiaires effectifs registre des propriétaires "
        "propietarios reales titularidad real registro de beneficiarios"
    ),
    "Whistleblower Protections": "whistleblowing lanceur d'alerte signalement denunciante alertador",
    "Asset Disclosure": (
        "asset declarations interest declarations déclaration d'intérêts "
        "declaraciones juradas declaración de bienes"
    ),
    "Lobbying": "lobbyists register of interests représentants d'intérêts cabilderos grupos de interés",
    "Open Parliaments": "legislature congress assemblée nationale parlement ouvert congreso parlamento abierto",
}

DOCUMENT = """
CREATE OR REPLACE FUNCTION commitments_commitment_document(c commitments_commitment) RETURNS tsvector
LANGUAGE sql STABLE AS $$
    SELECT ogp_tsvector(concat_ws(' ', c.title, c.short_title, c.ogp_id), 'A')
        || ogp_tsvector(concat_ws(' ', c.theme, c.lead_institution_text, c.supporting_institutions_text,
            (SELECT o.name FROM accounts_organisation o WHERE o.id = c.lead_institution_id),
            (SELECT string_agg(concat_ws(' ', p.name, p.name_fr, p.name_es, p.keywords), ' ')
               FROM commitments_commitment_policy_areas cp
               JOIN commitments_policyarea p ON p.id = cp.policyarea_id
              WHERE cp.commitment_id = c.id)), 'B')
        || ogp_tsvector(concat_ws(' ', c.objective, c.problem, c.expected_results), 'C')
$$;
"""

PREVIOUS_DOCUMENT = DOCUMENT.replace(", p.keywords", "")

def add_keywords(apps, schema_editor):
    PolicyArea = apps.get_model("commitments", "PolicyArea")
    for name, keywords in KEYWORDS.items():
        PolicyArea.objects.filter(slug=slugify(name), keywords="").update(keywords=keywords)


class Migration(migrations.Migration):
    dependencies = [("commitments", "0014_actionplan_search_vector")]

    operations = [
        migrations.AddField(
            model_name="policyarea",
            name="keywords",
            field=models.TextField(
                blank=True,
                help_text=(
                    "Other words people use for this area, in any language (for instance a related term of another "
                    "country's administration): searches find the area's commitments by them."
                ),
                verbose_name="search keywords",
            ),
        ),
        PostgresSQL(DOCUMENT, PREVIOUS_DOCUMENT),
        # The statement trigger on commitments_policyarea refreshes the documents of the areas updated here.
        migrations.RunPython(add_keywords, migrations.RunPython.noop),
    ]
