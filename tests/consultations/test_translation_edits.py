"""What happens to translations when the original changes: every translation goes (the machine's too), an older
machine result never lands after an edit, the author's window to translate a comment is their window to edit it,
and staff's edits in the admin count like any other."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from common.content_translations import machine_translate, source_of, translation_save
from consultations import services
from consultations.models import Comment, CommentTranslation
from tests.consultations.test_machine_translation import service  # noqa: F401 - a fake LibreTranslate

pytestmark = pytest.mark.django_db


def test_an_edit_removes_the_machines_translations_too(comment):
    translation_save(
        comment, language="fr", texts={"body": "Très bonne idée."}, translated_by=None, machine_translated=True
    )
    services.comment_update(comment=comment, body="Una idea excelente, sin teléfono.")
    assert not CommentTranslation.objects.filter(master=comment).exists()


def test_a_machine_result_for_an_older_text_is_dropped(comment):
    older = source_of(comment)
    Comment.objects.filter(pk=comment.pk).update(body="Texto corregido.")
    saved = translation_save(
        comment,
        language="fr",
        texts={"body": "Ancien texte."},
        translated_by=None,
        machine_translated=True,
        source=older,
    )
    assert saved is None and not CommentTranslation.objects.exists()


@pytest.mark.usefixtures("service")
def test_the_machine_stops_when_the_text_changed_while_it_worked(comment, monkeypatch):
    from common import machine_translation

    real = machine_translation.translate_texts

    def edited_meanwhile(texts, *, source, target):
        Comment.objects.filter(pk=comment.pk).update(body="Otro texto.")
        return real(texts, source=source, target=target)

    monkeypatch.setattr(machine_translation, "translate_texts", edited_meanwhile)
    assert machine_translate(comment) == []
    assert not CommentTranslation.objects.exists()


def test_the_author_translates_a_comment_only_while_they_may_edit_it(client, comment, commenter, staff_user):
    url = reverse("consultations:comment-translation", args=[comment.pk]) + "?language=fr"
    client.force_login(commenter)
    assert client.get(url).status_code == 200
    Comment.objects.filter(pk=comment.pk).update(created_at=timezone.now() - timedelta(days=2))
    assert client.get(url).status_code == 403
    response = client.post(url, {"language": "fr", "body_translated": "Autre chose."})
    assert response.status_code == 403 and not CommentTranslation.objects.exists()
    client.force_login(staff_user)
    assert client.get(url).status_code == 200


def test_staff_editing_a_comment_in_the_admin_outdates_its_translations(admin_client, comment, commenter):
    translation_save(comment, language="fr", texts={"body": "Très bonne idée."}, translated_by=commenter)
    url = reverse("admin:consultations_comment_change", args=[comment.pk])
    page = admin_client.get(url)
    assert page.status_code == 200
    form = page.context["adminform"].form
    data = {name: form.initial.get(name, "") for name in form.fields}
    data = {k: ("" if v is None else (v.pk if hasattr(v, "pk") else v)) for k, v in data.items()}
    data.update(body="Texto moderado.", **_inline_management(page))
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else response
    assert not CommentTranslation.objects.filter(master=comment).exists()


def _inline_management(page) -> dict:
    """The management forms of the page's inlines, with their existing rows unchanged."""
    data = {}
    for formset in page.context["inline_admin_formsets"]:
        fs = formset.formset
        data.update({f"{fs.prefix}-{k}": v for k, v in fs.management_form.initial.items()})
        for index, form in enumerate(fs.forms):
            for name, field in form.fields.items():
                value = form.initial.get(name, field.initial)
                data[f"{fs.prefix}-{index}-{name}"] = "" if value is None else getattr(value, "pk", value)
    return data
