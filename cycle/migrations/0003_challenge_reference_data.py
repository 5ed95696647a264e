"""Reference data: the OGP Challenge's areas (2023-2028 strategy) and the targets of SDG 16, in en/fr/es.

Rows are matched on their slug or code: a second run (or a row staff renamed) is left as it is.
"""

from django.db import migrations

AREAS = [
    ("access-to-information", "Access to Information", "Accès à l'information", "Acceso a la información"),
    ("anti-corruption", "Anti-Corruption", "Lutte contre la corruption", "Anticorrupción"),
    ("civic-space", "Civic Space", "Espace civique", "Espacio cívico"),
    ("climate-environment", "Climate and Environment", "Climat et environnement", "Clima y medio ambiente"),
    ("digital-governance", "Digital Governance", "Gouvernance numérique", "Gobernanza digital"),
    ("fiscal-openness", "Fiscal Openness", "Ouverture budgétaire", "Apertura fiscal"),
    ("gender-inclusion", "Gender and Inclusion", "Genre et inclusion", "Género e inclusión"),
    ("justice", "Justice", "Justice", "Justicia"),
    ("media-freedom", "Media Freedom", "Liberté des médias", "Libertad de prensa"),
    ("public-participation", "Public Participation", "Participation du public", "Participación pública"),
]

SDG16 = [
    ("16.1", "Reduce all forms of violence and related death rates",
     "Réduire toutes les formes de violence et les taux de mortalité qui y sont associés",
     "Reducir todas las formas de violencia y las tasas de mortalidad conexas"),
    ("16.2", "End abuse, exploitation, trafficking and violence against children",
     "Mettre fin à la maltraitance, à l'exploitation, à la traite et à la violence contre les enfants",
     "Poner fin al maltrato, la explotación, la trata y la violencia contra los niños"),
    ("16.3", "Promote the rule of law and ensure equal access to justice for all",
     "Promouvoir l'état de droit et garantir à tous un égal accès à la justice",
     "Promover el estado de derecho y garantizar la igualdad de acceso a la justicia para todos"),
    ("16.4", "Reduce illicit financial and arms flows and combat organized crime",
     "Réduire les flux financiers illicites et le trafic d'armes et combattre la criminalité organisée",
     "Reducir las corrientes financieras y de armas ilícitas y luchar contra la delincuencia organizada"),
    ("16.5", "Substantially reduce corruption and bribery in all their forms",
     "Réduire nettement la corruption et la pratique des pots-de-vin sous toutes leurs formes",
     "Reducir considerablemente la corrupción y el soborno en todas sus formas"),
    ("16.6", "Develop effective, accountable and transparent institutions at all levels",
     "Mettre en place des institutions efficaces, responsables et transparentes à tous les niveaux",
     "Crear a todos los niveles instituciones eficaces y transparentes que rindan cuentas"),
    ("16.7", "Ensure responsive, inclusive, participatory and representative decision-making",
     "Faire en sorte que la prise de décisions soit dynamique, ouverte, participative et représentative",
     "Garantizar la adopción de decisiones inclusivas, participativas y representativas que respondan a las "
     "necesidades"),
    ("16.8", "Broaden the participation of developing countries in global governance",
     "Élargir la participation des pays en développement aux institutions de gouvernance mondiale",
     "Ampliar la participación de los países en desarrollo en las instituciones de gobernanza mundial"),
    ("16.9", "Provide legal identity for all, including birth registration",
     "Garantir à tous une identité juridique, notamment grâce à l'enregistrement des naissances",
     "Proporcionar acceso a una identidad jurídica para todos, en particular mediante el registro de "
     "nacimientos"),
    ("16.10", "Ensure public access to information and protect fundamental freedoms",
     "Garantir l'accès public à l'information et protéger les libertés fondamentales",
     "Garantizar el acceso público a la información y proteger las libertades fundamentales"),
    ("16.a", "Strengthen national institutions to prevent violence and combat terrorism and crime",
     "Appuyer les institutions nationales chargées de prévenir la violence et de lutter contre le terrorisme "
     "et la criminalité",
     "Fortalecer las instituciones nacionales para prevenir la violencia y combatir el terrorismo y la "
     "delincuencia"),
    ("16.b", "Promote and enforce non-discriminatory laws and policies for sustainable development",
     "Promouvoir et appliquer des lois et politiques non discriminatoires pour le développement durable",
     "Promover y aplicar leyes y políticas no discriminatorias en favor del desarrollo sostenible"),
]


def seed(apps, schema_editor):
    ChallengeArea = apps.get_model("cycle", "ChallengeArea")
    SDGTarget = apps.get_model("cycle", "SDGTarget")
    for order, (slug, name, name_fr, name_es) in enumerate(AREAS):
        ChallengeArea.objects.get_or_create(
            slug=slug, defaults={"name": name, "name_fr": name_fr, "name_es": name_es, "order": order}
        )
    for order, (code, name, name_fr, name_es) in enumerate(SDG16):
        SDGTarget.objects.get_or_create(
            code=code, defaults={"goal": 16, "name": name, "name_fr": name_fr, "name_es": name_es, "order": order}
        )


class Migration(migrations.Migration):
    dependencies = [("cycle", "0002_challenges")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
