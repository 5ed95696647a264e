"""Staff's translation inlines in the admin refuse a translation into the language the original is written in, as
the pages' translation forms do, and save one into another language."""

from datetime import datetime

import pytest
from django.urls import reverse

from commitments.models import CommitmentTranslation
from consultations.models import ConsultationTranslation
from tests.consultations.test_translation_edits import _inline_management
from tests.factories.commitments import ActionPlanFactory, CommitmentFactory
from tests.factories.consultations import ConsultationFactory

pytestmark = pytest.mark.django_db

REFUSED = "This is the language the text is written in: edit the text itself."


def _post(admin_client, url: str, prefix: str, translation: dict):
    """The object's change form as it stands, with one new translation in the inline `prefix`."""
    page = admin_client.get(url)
    assert page.status_code == 200
    form = page.context["adminform"].form
    data = {name: form.initial.get(name, "") for name in form.fields}
    data = {k: ("" if v is None else v) for k, v in data.items()}
    for name, value in list(data.items()):
        if isinstance(value, datetime):  # a date and a time field
            data.update({f"{name}_0": value.date().isoformat(), f"{name}_1": value.time().isoformat("seconds")})
        elif isinstance(value, list):  # many-to-many fields: their ids
            data[name] = [getattr(item, "pk", item) for item in value]
        elif hasattr(value, "pk"):
            data[name] = value.pk
    data.update(_inline_management(page))
    index = int(data[f"{prefix}-TOTAL_FORMS"])
    data[f"{prefix}-TOTAL_FORMS"] = str(index + 1)
    data.update({f"{prefix}-{index}-{name}": value for name, value in translation.items()})
    return admin_client.post(url, data)


def _errors(response) -> list[str]:
    assert response.status_code == 200  # the form again, with the error
    inlines = response.context["inline_admin_formsets"]
    return [str(message) for inline in inlines for errors in inline.formset.errors for messages in errors.values()
            for message in messages]  # fmt: skip


def test_a_consultation_is_not_translated_into_its_own_language_in_the_admin(admin_client, plan):
    consultation = ConsultationFactory(action_plan=plan, language="es", title="Presupuestos 2026")
    url = reverse("admin:consultations_consultation_change", args=[consultation.pk])
    texts = {"title_translated": "Otro título", "description_translated": "Otra descripción."}
    response = _post(admin_client, url, "translations", {"language_code": "es", **texts})
    assert _errors(response) == [REFUSED]
    assert not ConsultationTranslation.objects.exists()
    response = _post(admin_client, url, "translations", {**texts, "language_code": "fr", "title_translated": "Budgets"})
    assert response.status_code == 302
    assert ConsultationTranslation.objects.get(master=consultation).title_translated == "Budgets"


def test_a_commitment_is_not_translated_into_its_plans_language_in_the_admin(admin_client, member):
    commitment = CommitmentFactory(action_plan=ActionPlanFactory(member=member, language="fr"), title="Marchés")
    url = reverse("admin:commitments_commitment_change", args=[commitment.pk])
    response = _post(admin_client, url, "translations", {"language_code": "fr", "title_translated": "Marchés publics"})
    assert _errors(response) == [REFUSED]
    assert not CommitmentTranslation.objects.exists()
    response = _post(admin_client, url, "translations", {"language_code": "en", "title_translated": "Contracts"})
    assert response.status_code == 302
    assert CommitmentTranslation.objects.get(master=commitment).language_code == "en"
