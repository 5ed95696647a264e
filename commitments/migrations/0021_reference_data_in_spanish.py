"""Reference data in Spanish: the standards' requirements, and the names of national members.

The requirements get their Spanish text (the French one came with them, irm_reports 0002). National members
get their country's French and Spanish names where they have none (commitments.country_names: django-countries'
translations with the UN's names where they differ). Only empty texts are filled: a name written in the admin
stays.
"""

from django.db import migrations

from commitments.country_names import country_names

REQUIREMENTS_ES = {
    ("2021", "1.1"): (
        "Espacio de diálogo: un foro del gobierno y la sociedad civil (y otros actores no gubernamentales "
        "cuando corresponda) que se reúne al menos cada seis meses, con reglas básicas de participación "
        "hechas públicas."
    ),
    ("2021", "2.1"): "Un sitio web (o página web) público de OGP dedicado a la participación del miembro en OGP.",
    ("2021", "2.2"): (
        "Un repositorio público de documentos, integrado en el sitio web o enlazado desde él, actualizado al "
        "menos dos veces al año."
    ),
    ("2021", "3.1"): (
        "Aviso previo: el calendario y las formas de participar se publican antes de que empiece la "
        "co-creación (unas dos semanas antes)."
    ),
    ("2021", "3.2"): "Difusión: actividades de sensibilización de las partes interesadas sobre el proceso de co-creación.",
    ("2021", "3.3"): (
        "Mecanismo de retroalimentación: se recogen aportes de diversas partes interesadas durante un periodo "
        "suficiente."
    ),
    ("2021", "4.1"): (
        "Respuesta razonada: el gobierno documenta y publica, o informa, cómo se tuvieron en cuenta los aportes."
    ),
    ("2021", "5.1"): (
        "Información y diálogo durante la implementación: al menos dos reuniones multiactor sobre el avance "
        "de la implementación."
    ),
    ("2017", "1a"): "Foro establecido",
    ("2017", "1b"): "Regularidad: el foro se reúne al menos cada trimestre",
    ("2017", "1c"): "Mandato elaborado de manera colaborativa",
    ("2017", "1d"): "Mandato público",
    ("2017", "2a"): "Foro multiactor",
    ("2017", "2b"): "Paridad entre miembros gubernamentales y no gubernamentales",
    ("2017", "2c"): "Selección transparente de los miembros no gubernamentales",
    ("2017", "2d"): "Representación gubernamental de alto nivel",
    ("2017", "3a"): "Apertura: el foro acepta aportes de fuera de sus miembros",
    ("2017", "3b"): "Participación a distancia",
    ("2017", "3c"): "Actas publicadas",
    ("2017", "4a"): "Transparencia del proceso",
    ("2017", "4b"): "Documentación por adelantado",
    ("2017", "4c"): "Sensibilización",
    ("2017", "4d"): "Canales de comunicación",
    ("2017", "4e"): "Respuesta razonada",
    ("2017", "5a"): "Repositorio de documentos",
}


def load(apps, schema_editor):
    StandardRequirement = apps.get_model("commitments", "StandardRequirement")
    for (version, code), text_es in REQUIREMENTS_ES.items():
        StandardRequirement.objects.filter(version=version, code=code, text_es="").update(text_es=text_es)
    Member = apps.get_model("commitments", "Member")
    for member in Member.objects.filter(kind="national").exclude(country="").only("country", "name_fr", "name_es"):
        names = country_names(str(member.country))
        changes = {field: name for field, name in names.items() if name and not getattr(member, field)}
        if changes:
            Member.objects.filter(pk=member.pk).update(**changes)


class Migration(migrations.Migration):
    dependencies = [("commitments", "0020_standardrequirement_text_es")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
