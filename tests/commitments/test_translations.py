"""Commitments and milestones in several languages (issue 19): the point of contact or staff translate them; pages
show the visitor's language, else the original (their plan's), with the original a click away; the API and open
data carry every language."""

import pytest
from django.core.cache import cache
from django.urls import reverse
from rest_framework.test import APIClient

from commitments import services
from commitments.models import Commitment, CommitmentTranslation, MilestoneTranslation
from commitments.services.translations import commitment_translation_save
from common import tasks
from common.content_translations import translation_save
from tests.factories.commitments import ActionPlanFactory, CommitmentFactory, MilestoneFactory
from tests.pages import page_in, query_count
from tests.partnership.test_open_data_archive import _csv, _download, _json, build_now

pytestmark = pytest.mark.django_db

SPANISH = {"title": "Publicar los contratos de obra", "objective": "Que cada vecino vea los contratos."}
FRENCH = {"title": "Publier les marchés de travaux", "objective": "Que chaque habitant voie les marchés."}
MILESTONE_ES, MILESTONE_FR = "Abrir el portal de contratos", "Ouvrir le portail des marchés"


@pytest.fixture
def spanish_plan(member):
    return ActionPlanFactory(member=member, language="es")


@pytest.fixture
def commitment(spanish_plan):
    commitment = CommitmentFactory(action_plan=spanish_plan, problem="", **SPANISH)
    MilestoneFactory(commitment=commitment, description=MILESTONE_ES)
    return commitment


def _url(commitment) -> str:
    return reverse("commitments:commitment-translation", args=[commitment.pk])


def _post(client, commitment, language: str, texts: dict, milestone: str = MILESTONE_FR):
    data = {"language": language, **{f"{name}_translated": text for name, text in texts.items()}}
    for m in commitment.milestones.all():
        data[f"milestone_{m.pk}_description"] = milestone
    return client.post(_url(commitment), data)


def test_a_spanish_commitment_translated_into_french_shows_in_french_with_the_original_a_click_away(
    client, commitment, point_of_contact
):
    client.force_login(point_of_contact)
    assert _url(commitment) in page_in(client, commitment.action_plan.get_workspace_url(), "en")
    assert _post(client, commitment, "fr", FRENCH).status_code == 302
    translation = CommitmentTranslation.objects.get(master=commitment)
    assert (translation.language_code, translation.translated_by, translation.machine_translated) == (
        "fr",
        point_of_contact,
        False,
    )
    assert MilestoneTranslation.objects.get(master__commitment=commitment).description_translated == MILESTONE_FR

    client.logout()
    french = page_in(client, commitment.get_absolute_url(), "fr")
    assert f"<h1>{FRENCH['title']}</h1>" in french and FRENCH["objective"] in french
    assert '<p class="translation-note">' in french and "espagnol" in french.lower()
    original = french.split('<details class="original-text" id="original">', 1)[1].split("</details>", 1)[0]
    assert '<div lang="es">' in original and SPANISH["title"] in original and SPANISH["objective"] in original
    assert f"<span>{MILESTONE_FR}</span>" in french and f'<p lang="es">{MILESTONE_ES}' in french
    assert "badge-machine" not in french

    english = page_in(client, commitment.get_absolute_url(), "en")
    assert f'<h1 lang="es">{SPANISH["title"]}</h1>' in english and "original-text" not in english

    # The lists: the plan's page, the commitment list, the home page's cards.
    assert f'class="card-title">{FRENCH["title"]}</a>' in page_in(
        client, commitment.action_plan.get_absolute_url(), "fr"
    )
    assert f'class="card-title">{FRENCH["title"]}</a>' in page_in(client, "/commitments/", "fr")
    assert f'class="card-title" lang="es">{SPANISH["title"]}</a>' in page_in(client, "/commitments/", "en")


@pytest.mark.parametrize(
    ("who", "status"),
    [("anonymous", 302), ("participant", 403), ("other_point_of_contact", 403), ("point_of_contact", 200),
     ("staff_user", 200)],
)  # fmt: skip
def test_who_may_translate(client, commitment, who, status, request):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    assert client.get(_url(commitment), {"language": "fr"}).status_code == status
    assert _post(client, commitment, "fr", FRENCH).status_code == (302 if status == 200 else status)
    assert CommitmentTranslation.objects.exists() == (status == 200)
    link = _url(commitment) in page_in(client, commitment.get_absolute_url(), "en")
    assert link == (status == 200)


def test_the_form_refuses_the_original_language_and_half_translations(client, commitment, point_of_contact):
    client.force_login(point_of_contact)
    response = _post(client, commitment, "es", FRENCH)
    assert response.status_code == 200 and response.context["form"].errors["language"]
    response = _post(client, commitment, "fr", {"title": FRENCH["title"]})  # the objective left untranslated
    assert response.status_code == 200 and response.context["form"].errors["objective_translated"]
    assert not CommitmentTranslation.objects.exists()
    page = client.get(_url(commitment), {"language": "en"}).content.decode()
    select = page.split('id="id_language"', 1)[1].split("</select>", 1)[0]
    assert '<option value="en" selected>' in select and '"es"' not in select


def test_editing_the_texts_outdates_peoples_translations_but_not_a_status_change(commitment, point_of_contact):
    milestone = commitment.milestones.get()
    commitment_translation_save(
        commitment=commitment,
        language="fr",
        texts=FRENCH,
        milestone_texts={milestone.pk: {"description": MILESTONE_FR}},
        translated_by=point_of_contact,
    )
    services.commitment_update(commitment=commitment, number="9")  # not a translated text
    services.milestone_update(milestone=milestone, due_date=milestone.due_date)
    assert CommitmentTranslation.objects.count() == MilestoneTranslation.objects.count() == 1
    services.commitment_update(commitment=commitment, objective="Otra cosa")
    services.milestone_update(milestone=milestone, description="Otro hito")
    assert not CommitmentTranslation.objects.exists() and not MilestoneTranslation.objects.exists()
    assert CommitmentTranslation.history.filter(history_type="-").count() == 1  # its history keeps it


def test_a_new_plan_language_outdates_the_translations_into_it(commitment, point_of_contact):
    translation_save(commitment, language="fr", texts=FRENCH, translated_by=point_of_contact)
    services.action_plan_update(plan=commitment.action_plan, language="fr")
    assert not CommitmentTranslation.objects.exists()


def test_saving_queues_the_machine_when_it_is_on(commitment, settings, django_capture_on_commit_callbacks, monkeypatch):
    settings.MACHINE_TRANSLATION_URL = "http://translate.invalid"
    queued = []
    monkeypatch.setattr(tasks.machine_translate_task, "delay", lambda label, pk: queued.append(label))
    with django_capture_on_commit_callbacks(execute=True):
        services.commitment_update(commitment=commitment, objective="Otra cosa")
        services.milestone_create(commitment=commitment, description="Nuevo hito")
        services.commitment_update(commitment=commitment, number="7")  # no text changed: nothing to translate
    assert queued == ["commitments.Commitment", "commitments.Milestone"]


def test_the_api_carries_every_language_in_both_paths(commitment, point_of_contact):
    milestone = commitment.milestones.get()
    commitment_translation_save(
        commitment=commitment,
        language="fr",
        texts=FRENCH,
        milestone_texts={milestone.pk: {"description": MILESTONE_FR}},
        translated_by=point_of_contact,
    )
    translation_save(commitment, language="en", texts=SPANISH, translated_by=None, machine_translated=True)
    api = APIClient()
    item = api.get(f"/api/v1/commitments/{commitment.pk}/").json()
    assert item["action_plan"]["language"] == "es" and item["title"] == SPANISH["title"]
    assert item["translations"]["fr"]["title"] == FRENCH["title"]
    assert item["translations"]["fr"]["machine_translated"] is False
    assert item["translations"]["en"]["machine_translated"] is True
    assert item["milestones"][0]["translations"] == {
        "fr": {"description": MILESTONE_FR, "expected_output": "", "machine_translated": False}
    }
    (listed,) = [i for i in api.get("/api/v1/commitments/").json()["results"] if i["id"] == commitment.pk]
    assert listed["translations"] == item["translations"] and listed["milestones"] == item["milestones"]


def test_the_open_data_archive_carries_the_original_and_its_translation(client, commitment, point_of_contact):
    milestone = commitment.milestones.get()
    commitment_translation_save(
        commitment=commitment,
        language="fr",
        texts=FRENCH,
        milestone_texts={milestone.pk: {"description": MILESTONE_FR}},
        translated_by=point_of_contact,
    )
    build_now()
    archive = _download(client)
    (row,) = [row for row in _csv(archive, "commitments.csv") if row["id"] == str(commitment.pk)]
    assert row["title_es"] == SPANISH["title"] and row["title_fr"] == FRENCH["title"] and row["title_en"] == ""
    assert row["objective_fr"] == FRENCH["objective"] and row["machine_translated_fr"] == "0"
    assert row["machine_translated_es"] == "0" and row["machine_translated_en"] == ""
    (item,) = [item for item in _json(archive, "milestones.json") if item["id"] == milestone.pk]
    assert item["description_es"] == MILESTONE_ES and item["description_fr"] == MILESTONE_FR
    described = {(r["file"], r["column"]) for r in _csv(archive, "data_dictionary.csv")}
    assert {("commitments.csv", "title_fr"), ("milestones.csv", "machine_translated_en")} <= described


def test_pages_cost_the_same_queries_however_many_rows_are_translated(client, commitment, point_of_contact):
    plan = commitment.action_plan
    client.cookies["django_language"] = "fr"
    urls = [plan.get_absolute_url(), "/commitments/", commitment.get_absolute_url(), "/api/v1/commitments/"]

    def uncached(url):  # nothing of the page in the cache: its rows are read and written
        cache.clear()
        return query_count(client, url)

    for url in urls * 2:  # the statements kept in the process from a page's second call
        uncached(url)
    before = [uncached(url) for url in urls]
    for other in [commitment, *CommitmentFactory.create_batch(5, action_plan=plan)]:
        milestones = MilestoneFactory.create_batch(2, commitment=other)
        commitment_translation_save(
            commitment=other,
            language="fr",
            texts={**FRENCH, "title": f"{FRENCH['title']} {other.pk}"},
            milestone_texts={m.pk: {"description": MILESTONE_FR} for m in milestones},
            translated_by=point_of_contact,
        )
    # The lists as many as before; the commitment's page two more: its translation and its milestones', which it
    # now has, and the plan's page one more, its rows' translations (common.hints: a page whose row says there is
    # none reads none).
    assert [uncached(url) for url in urls] == [before[0] + 1, before[1], before[2] + 2, before[3]]
    assert page_in(client, "/commitments/", "fr").count(FRENCH["title"]) == 6


def test_a_new_import_of_ogps_data_outdates_the_translations_of_the_texts_it_changes(tmp_path, staff_user):
    from irm_reports.importing import import_ogp_data
    from tests.irm_reports.sheets import sample, write_csv

    header, rows = sample()
    ghana = [row for row in rows if row["Action Plan ID"] == "AP_GHA01"][:2]
    import_ogp_data(write_csv(tmp_path / "first.csv", header, ghana))
    changed, kept = (Commitment.objects.get(ogp_id=row["Commitment Unique Identifier"]) for row in ghana)
    for commitment in (changed, kept):
        translation_save(commitment, language="fr", texts={"title": "Un titre"}, translated_by=staff_user)
    ghana[0]["Commitment Title"] = "A new title from OGP"
    import_ogp_data(write_csv(tmp_path / "second.csv", header, ghana))
    assert list(CommitmentTranslation.objects.values_list("master_id", flat=True)) == [kept.pk]


def test_an_import_of_ogps_data_queues_the_machine_for_the_commitments_it_creates_or_rewrites(
    tmp_path, settings, django_capture_on_commit_callbacks, monkeypatch
):
    from irm_reports.importing import import_ogp_data
    from tests.irm_reports.sheets import sample, write_csv

    settings.MACHINE_TRANSLATION_URL = "http://translate.invalid"
    queued = []
    monkeypatch.setattr(tasks.machine_translate_task, "delay", lambda label, pk: queued.append((label, pk)))
    header, rows = sample()
    ghana = [row for row in rows if row["Action Plan ID"] == "AP_GHA01"][:2]
    with django_capture_on_commit_callbacks(execute=True):
        import_ogp_data(write_csv(tmp_path / "first.csv", header, ghana))
    created = Commitment.objects.filter(ogp_id__in=[r["Commitment Unique Identifier"] for r in ghana])
    assert sorted(queued) == sorted(("commitments.Commitment", pk) for pk in created.values_list("pk", flat=True))
    assert len(queued) == 2
    queued.clear()
    with django_capture_on_commit_callbacks(execute=True):
        import_ogp_data(write_csv(tmp_path / "again.csv", header, ghana))
    assert queued == []  # nothing new, nothing rewritten
    ghana[0]["Commitment Title"] = "A new title from OGP"
    with django_capture_on_commit_callbacks(execute=True):
        import_ogp_data(write_csv(tmp_path / "second.csv", header, ghana))
    rewritten = Commitment.objects.get(ogp_id=ghana[0]["Commitment Unique Identifier"])
    assert queued == [("commitments.Commitment", rewritten.pk)]
