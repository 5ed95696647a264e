"""Every language of a page's objects (the API's `translations`): read by a statement compiled once per page size,
the same as the ORM's query gives, for pages and for the open data's larger reads."""

import pytest
from django.db import connection

from commitments.models import CommitmentTranslation
from common import translations
from common.content_translations import translation_save
from common.db import ANY_SIZE
from tests.factories import CommitmentFactory

pytestmark = pytest.mark.django_db


def _orm(ids):
    rows = CommitmentTranslation.objects.filter(master_id__in=ids)
    expected = {}
    for row in rows:
        texts = {original: getattr(row, name) for name, original in CommitmentTranslation.TEXT_FIELDS.items()}
        expected.setdefault(row.master_id, {})[row.language_code] = {
            **texts,
            "machine_translated": row.machine_translated,
        }
    return expected


def test_a_page_of_translations_is_what_the_orm_reads(monkeypatch):
    monkeypatch.setattr(translations, "_COMPILED_UP_TO", 4)
    monkeypatch.setattr(translations, "_BY_MASTER", {})
    made = CommitmentFactory.create_batch(6)
    translation_save(made[0], language="fr", texts={"title": "Eau — accès"}, translated_by=None)
    translation_save(made[0], language="es", texts={"title": "Agua"}, translated_by=None, machine_translated=True)
    translation_save(made[3], language="fr", texts={"title": "Budget", "objective": "Ouvert"}, translated_by=None)
    ids = [c.pk for c in made]
    for chosen in (ids[:1], ids[:4], ids[::-1][:4], ids[2:3], ids):  # compiled (1 and 4 ids), then the ORM (6)
        got = translations.translations_by_master(CommitmentTranslation, chosen)
        assert got == _orm(chosen)
        assert list(got.get(made[0].pk, {})) == (["es", "fr"] if made[0].pk in chosen else [])
    compiled = translations._BY_MASTER[(CommitmentTranslation, None)].compiled
    if connection.vendor == "postgresql":  # one statement for one id, one for any other number (common.db.PageQuery)
        assert compiled[1] is not None and compiled[ANY_SIZE] is not None and set(compiled) == {1, ANY_SIZE}
    else:  # one per number of ids
        assert compiled[1] is not None and compiled[4] is not None and 6 not in compiled
    assert translations.translations_by_master(CommitmentTranslation, []) == {}
    for language in ("fr", "es", "en"):  # one language: a statement of its own, the others left out
        for chosen in (ids[:4], ids):
            got = translations.translations_by_master(CommitmentTranslation, chosen, language=language)
            expected = {pk: {language: texts[language]} for pk, texts in _orm(chosen).items() if language in texts}
            assert got == expected
    in_french = translations._BY_MASTER[(CommitmentTranslation, "fr")].compiled
    assert in_french[ANY_SIZE if connection.vendor == "postgresql" else 4] is not None
