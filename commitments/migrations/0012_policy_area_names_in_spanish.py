"""Reference data: the Spanish names of OGP's policy areas (English name → Spanish name)."""

from django.db import migrations
from django.utils.text import slugify

SPANISH_NAMES = {
    "Anti-Corruption and Integrity": "Anticorrupción e integridad",
    "Anti-corruption Institutions": "Instituciones anticorrupción",
    "Anti-Corruption Strategies": "Estrategias anticorrupción",
    "Asset Disclosure": "Declaración patrimonial",
    "Audits": "Auditorías",
    "Beneficial Ownership": "Beneficiarios finales",
    "Conflicts Of Interest": "Conflictos de interés",
    "Elections": "Elecciones",
    "Political Finance": "Financiamiento político",
    "Lobbying": "Cabildeo",
    "Open Contracting": "Contratación abierta",
    "Public Procurement": "Compras públicas",
    "Right To Information": "Derecho de acceso a la información",
    "Whistleblower Protections": "Protección de denunciantes",
    "Civic Space and Enabling Environment": "Espacio cívico y entorno propicio",
    "Freedom of Assembly": "Libertad de reunión",
    "Freedom of Association": "Libertad de asociación",
    "Freedom of Expression": "Libertad de expresión",
    "Democratizing Decision-Making": "Democratizar la toma de decisiones",
    "Digital Participation": "Participación digital",
    "Mainstreaming Participation": "Generalización de la participación",
    "Regulatory Governance": "Gobernanza regulatoria",
    "Social Accountability": "Rendición de cuentas social",
    "Digital Governance": "Gobernanza digital",
    "Automated Decision-making": "Toma de decisiones automatizada",
    "Data Stewardship and Privacy": "Gestión de datos y privacidad",
    "Digital Inclusion": "Inclusión digital",
    "Disinformation/Misinformation": "Desinformación e información errónea",
    "Online Civic Space": "Espacio cívico en línea",
    "Environment & Climate": "Medio ambiente y clima",
    "Climate Finance": "Financiamiento climático",
    "Climate Mitigation and Adaptation": "Mitigación y adaptación al cambio climático",
    "Environmental Regulation": "Regulación ambiental",
    "International Environmental Agreements": "Acuerdos ambientales internacionales",
    "Fiscal Openness": "Apertura fiscal",
    "Publication Of Budget/Fiscal Information": "Publicación de información presupuestaria y fiscal",
    "Public Participation In Budget/Fiscal Policy": "Participación pública en el presupuesto y la política fiscal",
    "Oversight Of Budget/Fiscal Policies": "Supervisión de las políticas presupuestarias y fiscales",
    "Stimulus and Economic Recovery": "Estímulo y recuperación económica",
    "Tax": "Impuestos",
    "Debt": "Deuda",
    "Inclusion": "Inclusión",
    "Gender": "Género",
    "Gender-Based Violence": "Violencia de género",
    "Economic Inclusion": "Inclusión económica",
    "LGBTQIA+": "LGBTQIA+",
    "People with Disabilities": "Personas con discapacidad",
    "Youth": "Juventud",
    "Justice": "Justicia",
    "Access to Justice": "Acceso a la justicia",
    "Open Justice": "Justicia abierta",
    "Policing & Corrections": "Policía y sistema penitenciario",
    "Judiciary": "Poder judicial",
    "Open Parliaments": "Parlamentos abiertos",
    "Public Service Delivery": "Prestación de servicios públicos",
    "Citizenship & Immigration": "Ciudadanía e inmigración",
    "Education": "Educación",
    "Health & Nutrition": "Salud y nutrición",
    "Infrastructure & Transport": "Infraestructura y transporte",
    "Water & Sanitation": "Agua y saneamiento",
    "Capacity Building": "Fortalecimiento de capacidades",
    "Digital Transformation": "Transformación digital",
    "Legislation": "Legislación",
    "Regulation": "Regulación",
    "Legislative Oversight": "Control legislativo",
    "Open Data": "Datos abiertos",
    "Public Participation": "Participación pública",
    "Aid": "Ayuda al desarrollo",
    "Energy": "Energía",
    "Extractive Industries": "Industrias extractivas",
    "Land and Spatial Planning": "Tierra y ordenamiento territorial",
    "Media & Telecommunications": "Medios y telecomunicaciones",
    "Science & Technology": "Ciencia y tecnología",
    "Security & Public Safety": "Seguridad ciudadana",
    "Labor": "Trabajo",
    "Private Sector": "Sector privado",
    "Subnational": "Subnacional",
    "Human Rights": "Derechos humanos",
    "Open Parliament Plan": "Plan de parlamento abierto",
    "Sustainable Development Goals": "Objetivos de desarrollo sostenible",
    "Open Data (Water/Sanitation)": "Datos abiertos (agua y saneamiento)",
    "Open Data (Health)": "Datos abiertos (salud)",
    "Open Data (Education)": "Datos abiertos (educación)",
    "Participation in Lawmaking": "Participación en la elaboración de leyes",
    "Access to information": "Acceso a la información",
    "Money in Politics": "Dinero en la política",
}


def policy_area_slug(name: str) -> str:
    return slugify(name.replace("&", "and").replace("/", " "))


def load(apps, schema_editor):
    PolicyArea = apps.get_model("commitments", "PolicyArea")
    for name, name_es in SPANISH_NAMES.items():
        PolicyArea.objects.filter(slug=policy_area_slug(name), name_es="").update(name_es=name_es)


class Migration(migrations.Migration):
    dependencies = [("commitments", "0011_names_in_spanish_and_search_vector")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
