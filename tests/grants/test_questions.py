"""A call's questions in English, French and Spanish, like the service menu: each reader sees their language."""

import pytest
from django.urls import reverse
from django.utils import translation

from grants.forms import ApplicationForm
from grants.models import GrantApplication
from tests.factories import OrganisationFactory, UserFactory
from tests.factories.grants import GrantCallFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def call():
    call = GrantCallFactory()
    call.questions.update(
        text_fr="Quelle étape de la co-création la subvention renforcera-t-elle ?",
        text_es="¿Qué etapa de la cocreación fortalecerá la subvención?",
    )
    return call


def test_the_call_page_shows_the_question_in_the_readers_language(client, call):
    french = client.get(reverse("grants:call-detail", args=[call.pk]), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Quelle étape de la co-création la subvention renforcera-t-elle ?" in french
    english = client.get(reverse("grants:call-detail", args=[call.pk]), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Which co-creation step will the grant strengthen?" in english


def test_the_form_labels_the_answer_in_the_applicants_language_and_falls_back_to_english(call):
    question = call.questions.get()
    form_for = lambda: ApplicationForm(call=call, instance=GrantApplication(call=call))  # noqa: E731
    with translation.override("es"):
        assert (
            form_for().fields[f"answer_{question.pk}"].label == "¿Qué etapa de la cocreación fortalecerá la subvención?"
        )
    question.text_es = ""
    question.save()
    call.refresh_from_db()
    with translation.override("es"):
        assert form_for().fields[f"answer_{question.pk}"].label == question.text


def test_the_api_gives_the_question_in_the_requests_language(call):
    from rest_framework.test import APIClient

    from tests.factories.grants import GrantApplicationFactory

    organisation = OrganisationFactory()
    applicant = UserFactory(member_of=organisation)
    application = GrantApplicationFactory(call=call, organisation=organisation, applicant=applicant)
    api = APIClient()
    api.force_authenticate(applicant)
    answers = api.get(f"/api/v1/grant-applications/{application.pk}/", HTTP_ACCEPT_LANGUAGE="fr").json()["answers"]
    assert answers[0]["question_text"].startswith("Quelle étape")
