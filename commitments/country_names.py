"""A country's name in French and Spanish, for the national members named after it.

django-countries carries the names of ISO 3166 in many languages; a few of them differ from the UN's
official names (or carry a typo), and the correction wins.
"""

from django.utils import translation
from django_countries import countries

CORRECTIONS = {
    ("fr", "GT"): "Guatemala",
    ("fr", "SV"): "El Salvador",
    ("fr", "TT"): "Trinité-et-Tobago",
    ("es", "TT"): "Trinidad y Tobago",
}


def country_name(code: str, language: str) -> str:
    """The name of the country with this ISO code in one language ("" for an unknown code)."""
    code = (code or "").upper()
    if (language, code) in CORRECTIONS:
        return CORRECTIONS[language, code]
    with translation.override(language):
        return str(countries.name(code)) if code else ""


def country_names(code: str) -> dict[str, str]:
    """name_fr and name_es of a national member of this country."""
    return {"name_fr": country_name(code, "fr"), "name_es": country_name(code, "es")}
