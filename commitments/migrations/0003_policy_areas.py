"""Reference data: OGP's policy-area taxonomy (two levels, with mechanism, sector and legacy tags)."""

from django.db import migrations
from django.utils.text import slugify

# (English name, French name, [children as (English, French)])
POLICY_AREAS = [
    ("Anti-Corruption and Integrity", "Lutte contre la corruption et intégrité", [
        ("Anti-corruption Institutions", "Institutions de lutte contre la corruption"),
        ("Anti-Corruption Strategies", "Stratégies de lutte contre la corruption"),
        ("Asset Disclosure", "Déclaration de patrimoine"),
        ("Audits", "Audits"),
        ("Beneficial Ownership", "Propriété effective"),
        ("Conflicts Of Interest", "Conflits d'intérêts"),
        ("Elections", "Élections"),
        ("Political Finance", "Financement politique"),
        ("Lobbying", "Lobbying"),
        ("Open Contracting", "Contrats ouverts"),
        ("Public Procurement", "Marchés publics"),
        ("Right To Information", "Droit d'accès à l'information"),
        ("Whistleblower Protections", "Protection des lanceurs d'alerte"),
    ]),
    ("Civic Space and Enabling Environment", "Espace civique et environnement favorable", [
        ("Freedom of Assembly", "Liberté de réunion"),
        ("Freedom of Association", "Liberté d'association"),
        ("Freedom of Expression", "Liberté d'expression"),
    ]),
    ("Democratizing Decision-Making", "Démocratiser la prise de décision", [
        ("Digital Participation", "Participation numérique"),
        ("Mainstreaming Participation", "Généralisation de la participation"),
        ("Regulatory Governance", "Gouvernance réglementaire"),
        ("Social Accountability", "Redevabilité sociale"),
    ]),
    ("Digital Governance", "Gouvernance numérique", [
        ("Automated Decision-making", "Décision automatisée"),
        ("Data Stewardship and Privacy", "Gestion des données et vie privée"),
        ("Digital Inclusion", "Inclusion numérique"),
        ("Disinformation/Misinformation", "Désinformation et mésinformation"),
        ("Online Civic Space", "Espace civique en ligne"),
    ]),
    ("Environment & Climate", "Environnement et climat", [
        ("Climate Finance", "Finance climatique"),
        ("Climate Mitigation and Adaptation", "Atténuation et adaptation climatiques"),
        ("Environmental Regulation", "Réglementation environnementale"),
        ("International Environmental Agreements", "Accords environnementaux internationaux"),
    ]),
    ("Fiscal Openness", "Transparence budgétaire", [
        ("Publication Of Budget/Fiscal Information", "Publication des informations budgétaires"),
        ("Public Participation In Budget/Fiscal Policy", "Participation du public au budget"),
        ("Oversight Of Budget/Fiscal Policies", "Contrôle des politiques budgétaires"),
        ("Stimulus and Economic Recovery", "Relance économique"),
        ("Tax", "Fiscalité"),
        ("Debt", "Dette"),
    ]),
    ("Inclusion", "Inclusion", [
        ("Gender", "Genre"),
        ("Gender-Based Violence", "Violences fondées sur le genre"),
        ("Economic Inclusion", "Inclusion économique"),
        ("LGBTQIA+", "LGBTQIA+"),
        ("People with Disabilities", "Personnes en situation de handicap"),
        ("Youth", "Jeunesse"),
    ]),
    ("Justice", "Justice", [
        ("Access to Justice", "Accès à la justice"),
        ("Open Justice", "Justice ouverte"),
        ("Policing & Corrections", "Police et administration pénitentiaire"),
        ("Judiciary", "Système judiciaire"),
    ]),
    ("Open Parliaments", "Parlements ouverts", []),
    ("Public Service Delivery", "Prestation de services publics", [
        ("Citizenship & Immigration", "Citoyenneté et immigration"),
        ("Education", "Éducation"),
        ("Health & Nutrition", "Santé et nutrition"),
        ("Infrastructure & Transport", "Infrastructures et transports"),
        ("Water & Sanitation", "Eau et assainissement"),
    ]),
]
MECHANISMS = [
    ("Capacity Building", "Renforcement des capacités"),
    ("Digital Transformation", "Transformation numérique"),
    ("Legislation", "Législation"),
    ("Regulation", "Réglementation"),
    ("Legislative Oversight", "Contrôle parlementaire"),
    ("Open Data", "Données ouvertes"),
    ("Public Participation", "Participation du public"),
]
SECTORS = [
    ("Aid", "Aide au développement"),
    ("Energy", "Énergie"),
    ("Extractive Industries", "Industries extractives"),
    ("Land and Spatial Planning", "Foncier et aménagement du territoire"),
    ("Media & Telecommunications", "Médias et télécommunications"),
    ("Science & Technology", "Science et technologie"),
    ("Security & Public Safety", "Sécurité publique"),
    ("Labor", "Travail"),
    ("Private Sector", "Secteur privé"),
    ("Subnational", "Infranational"),
    ("Human Rights", "Droits humains"),
]
LEGACY = [
    ("Open Parliament Plan", "Plan pour un parlement ouvert"),
    ("Sustainable Development Goals", "Objectifs de développement durable"),
    ("Open Data (Water/Sanitation)", "Données ouvertes (eau et assainissement)"),
    ("Open Data (Health)", "Données ouvertes (santé)"),
    ("Open Data (Education)", "Données ouvertes (éducation)"),
    ("Participation in Lawmaking", "Participation à l'élaboration des lois"),
    ("Access to information", "Accès à l'information"),
    ("Money in Politics", "Argent en politique"),
]


def policy_area_slug(name: str) -> str:
    return slugify(name.replace("&", "and").replace("/", " "))


def load(apps, schema_editor):
    PolicyArea = apps.get_model("commitments", "PolicyArea")

    def upsert(name, name_fr, kind, parent=None):
        area, _created = PolicyArea.objects.update_or_create(
            slug=policy_area_slug(name),
            defaults={"name": name, "name_fr": name_fr, "kind": kind, "parent": parent},
        )
        return area

    for name, name_fr, children in POLICY_AREAS:
        parent = upsert(name, name_fr, "policy_area")
        for child, child_fr in children:
            upsert(child, child_fr, "policy_area", parent)
    for kind, rows in (("mechanism", MECHANISMS), ("sector", SECTORS), ("legacy", LEGACY)):
        for name, name_fr in rows:
            upsert(name, name_fr, kind)


class Migration(migrations.Migration):
    dependencies = [("commitments", "0002_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
