"""A monitoring report records the language it is written in: the page's when filed through the form, the
request's or the one given through the API; pages in another language mark its text with `lang`."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from monitoring.models import MonitoringReport
from tests.factories.monitoring import MonitoringReportFactory

pytestmark = pytest.mark.django_db


def test_the_form_records_the_page_language_and_other_pages_mark_it(client, commitment, monitor):
    client.force_login(monitor)
    client.cookies["django_language"] = "fr"
    data = {"finding": "delayed", "observed_on": "2025-01-10", "text": "Rien n'est publié.", "submit": "on"}
    client.post(reverse("monitoring:report-create", kwargs={"pk": commitment.pk}), data)
    report = MonitoringReport.objects.get()
    assert report.language == "fr"
    client.cookies["django_language"] = "en"
    page = client.get(commitment.get_absolute_url()).content.decode()
    assert '<div class="prose" lang="fr"><p>Rien n' in page
    client.cookies["django_language"] = "fr"
    assert '<div class="prose"><p>Rien n' in client.get(report.get_absolute_url()).content.decode()


def test_the_api_reads_and_writes_the_language(commitment, monitor):
    api = APIClient()
    api.force_authenticate(monitor)
    url = reverse("api:monitoringreport-list")
    values = {"commitment": commitment.pk, "finding": "delayed", "text": "Nada publicado."}
    created = api.post(url, {**values, "language": "es"}, format="json")
    assert created.status_code == 201 and created.json()["language"] == "es"
    by_request = api.post(url, values, format="json", HTTP_ACCEPT_LANGUAGE="fr")
    assert by_request.json()["language"] == "fr"
    report = MonitoringReportFactory(commitment=commitment, author=monitor, language="fr")
    detail = api.patch(reverse("api:monitoringreport-detail", args=[report.pk]), {"text": "Edited"}, format="json")
    assert detail.json()["language"] == "fr"  # an edit keeps it unless given


def test_the_answer_records_the_page_language_and_other_pages_mark_it(client, commitment, point_of_contact):
    report = MonitoringReportFactory(commitment=commitment, text="Nothing is published.")
    client.force_login(point_of_contact)
    client.cookies["django_language"] = "es"
    data = {"kind": "disputed", "text": "Los presupuestos están publicados."}
    client.post(reverse("monitoring:report-answer", args=[report.pk]), data)
    report.refresh_from_db()
    assert report.answer.language == "es"
    client.cookies["django_language"] = "en"
    page = client.get(report.get_absolute_url()).content.decode()
    assert '<div class="prose" lang="es"><p>Los presupuestos' in page
    assert '<div class="prose"><p>Nothing is published.' in page
    client.cookies["django_language"] = "es"
    assert '<div class="prose"><p>Los presupuestos' in client.get(report.get_absolute_url()).content.decode()


def test_the_api_reads_and_writes_the_answers_language(commitment, point_of_contact):
    report = MonitoringReportFactory(commitment=commitment)
    api = APIClient()
    api.force_authenticate(point_of_contact)
    url = reverse("api:monitoringreport-answer", args=[report.pk])
    given = api.post(url, {"kind": "acknowledged", "text": "Merci.", "language": "fr"}, format="json")
    assert given.status_code == 200 and given.json()["answer"]["language"] == "fr"
    by_request = api.post(url, {"kind": "acknowledged", "text": "Gracias."}, format="json", HTTP_ACCEPT_LANGUAGE="es")
    assert by_request.json()["answer"]["language"] == "es"
    refused = api.post(url, {"kind": "acknowledged", "text": "Danke.", "language": "de"}, format="json")
    assert refused.status_code == 400 and "language" in refused.json()["errors"]
    assert api.get(reverse("api:monitoringreport-detail", args=[report.pk])).json()["answer"]["language"] == "es"
