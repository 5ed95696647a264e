"""Machine translation through a LibreTranslate-compatible service (a local HTTP server here): off by default, it
fills the languages a proposal lacks, marked as such, never replacing the original or a person's translation."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.test import TestCase

from common import machine_translation
from common.tasks import machine_translate_task
from consultations import services
from consultations.models import ProposalTranslation

pytestmark = pytest.mark.django_db


class FakeLibreTranslate(BaseHTTPRequestHandler):
    requests: list = []
    fail = False
    redirect = False
    too_long_for = ""  # a target language whose answer is too long for a title

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).requests.append((self.path, body))
        if type(self).fail or type(self).redirect:
            self.send_response(307 if type(self).redirect else 503)
            if type(self).redirect:
                self.send_header("Location", "http://127.0.0.1:9/elsewhere")
            self.end_headers()
            return
        text = "x" * 300 if body["target"] == type(self).too_long_for else f"[{body['target']}] {body['q']}"
        answer = json.dumps({"translatedText": text}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *args):
        pass


@pytest.fixture
def service(settings):
    FakeLibreTranslate.requests, FakeLibreTranslate.fail, FakeLibreTranslate.redirect = [], False, False
    FakeLibreTranslate.too_long_for = ""
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeLibreTranslate)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.MACHINE_TRANSLATION_URL = f"http://127.0.0.1:{server.server_address[1]}/"
    settings.MACHINE_TRANSLATION_API_KEY = "key-1"
    settings.MACHINE_TRANSLATION_TIMEOUT = 5
    yield FakeLibreTranslate
    server.shutdown()
    server.server_close()


def _write(consultation, author, **changes):
    with TestCase.captureOnCommitCallbacks(execute=True):
        data = {"title": "Publicar los presupuestos", "problem": "Nadie los ve.", "solution": "Publicarlos."}
        return services.proposal_create(
            consultation=consultation, author=author, submit=True, language="es", **{**data, **changes}
        )


def test_off_by_default_nothing_leaves_the_portal(settings, consultation, author):
    assert settings.MACHINE_TRANSLATION_URL == "" and not machine_translation.is_enabled()
    _write(consultation, author)
    assert not ProposalTranslation.objects.exists()


def test_a_new_proposal_is_translated_into_the_other_languages_marked_as_machine(service, consultation, author):
    proposal = _write(consultation, author)
    rows = {row.language_code: row for row in ProposalTranslation.objects.filter(master=proposal)}
    assert set(rows) == {"en", "fr"}
    assert rows["fr"].title_translated == "[fr] Publicar los presupuestos" and rows["fr"].machine_translated
    assert rows["fr"].expected_results_translated == "" and rows["fr"].translated_by is None
    path, body = service.requests[0]
    assert path == "/translate"
    assert body == {
        "q": "Publicar los presupuestos",
        "source": "es",
        "target": "en",
        "format": "text",
        "api_key": "key-1",
    }
    proposal.refresh_from_db()
    assert proposal.title == "Publicar los presupuestos"  # the original stays


def test_a_persons_translation_is_kept_until_the_original_changes_then_the_machine_follows_it(
    service, consultation, author
):
    proposal = _write(consultation, author)
    services.proposal_translation_save(
        proposal=proposal, language="fr", title="Publier les budgets", problem="p", solution="s", translated_by=author
    )
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.proposal_update(proposal=proposal, organisation=None)  # no text changed
    rows = {row.language_code: row for row in ProposalTranslation.objects.filter(master=proposal)}
    assert rows["fr"].title_translated == "Publier les budgets" and not rows["fr"].machine_translated
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.proposal_update(proposal=proposal, title="Publicar todos los presupuestos")
    rows = {row.language_code: row for row in ProposalTranslation.objects.filter(master=proposal)}
    # The person's translation said what the proposal no longer says: the machine's follows the new text.
    assert rows["fr"].title_translated == "[fr] Publicar todos los presupuestos" and rows["fr"].machine_translated
    assert rows["en"].title_translated == "[en] Publicar todos los presupuestos" and rows["en"].machine_translated
    assert ProposalTranslation.history.filter(master_id=proposal.pk, title_translated="Publier les budgets").exists()


def test_a_proposal_rewritten_in_another_language_keeps_no_translation_into_it(service, consultation, author):
    proposal = _write(consultation, author)
    assert ProposalTranslation.objects.filter(master=proposal, language_code="fr").exists()
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.proposal_update(proposal=proposal, title="Publier les budgets", language="fr")
    assert set(ProposalTranslation.objects.filter(master=proposal).values_list("language_code", flat=True)) == {
        "en",
        "es",
    }


def test_an_answer_that_does_not_fit_skips_its_language_only(service, consultation, author, caplog):
    service.too_long_for = "en"
    proposal = _write(consultation, author)
    assert set(ProposalTranslation.objects.filter(master=proposal).values_list("language_code", flat=True)) == {"fr"}
    assert "refused" in caplog.text


def test_a_redirect_is_not_followed_with_the_key(service, consultation, author):
    service.redirect = True
    with pytest.raises(machine_translation.MachineTranslationError) as error:
        machine_translation.translate("Hola", source="es", target="fr")
    assert len(service.requests) == 1 and "127.0.0.1" not in str(error.value)


def test_a_failing_service_does_not_fail_the_write_and_the_task_retries(service, consultation, author, caplog):
    service.fail = True
    proposal = _write(consultation, author)  # the eager task failed; the proposal is saved
    assert proposal.pk and not ProposalTranslation.objects.exists()
    with pytest.raises(machine_translation.MachineTranslationError):
        machine_translate_task.run("consultations.Proposal", proposal.pk)  # what Celery retries later (autoretry_for)
    service.fail = False
    assert machine_translate_task.run("consultations.Proposal", proposal.pk) == ["en", "fr"]


def test_an_unreachable_service_is_an_error_not_a_hang(settings):
    settings.MACHINE_TRANSLATION_URL = "http://127.0.0.1:9/"
    settings.MACHINE_TRANSLATION_TIMEOUT = 2
    with pytest.raises(machine_translation.MachineTranslationError):
        machine_translation.translate("Hola", source="es", target="fr")
    assert machine_translation.translate("  ", source="es", target="fr") == "  "


def test_a_draft_stays_in_the_portal_until_it_is_submitted(service, consultation, author):
    with TestCase.captureOnCommitCallbacks(execute=True):
        draft = services.proposal_create(
            consultation=consultation, author=author, submit=False, language="es", title="t", problem="p", solution="s"
        )
    assert service.requests == [] and not ProposalTranslation.objects.exists()
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.proposal_submit(proposal=draft)
    assert set(ProposalTranslation.objects.values_list("language_code", flat=True)) == {"en", "fr"}
