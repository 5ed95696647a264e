"""E-mails are written in each recipient's language, whatever language the sender used the site in."""

import pytest
from django.urls import reverse
from django.utils import translation

from consultations import services
from irm_reports.models import Report
from tests.factories import UserFactory
from tests.factories.irm_reports import complete_results_report, render_now

pytestmark = pytest.mark.django_db


def test_a_response_reaches_each_follower_in_their_own_language(
    proposal, author, mailoutbox, django_capture_on_commit_callbacks
):
    author.language = "fr"
    author.save()
    spanish, default = UserFactory(language="es"), UserFactory(language="")
    for user in (spanish, default):
        services.proposal_follow(proposal=proposal, user=user)
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        services.response_save(proposal=proposal, outcome="accepted", reasons="Yes.", publish=True)
    by_recipient = {m.to[0]: m for m in mailoutbox}
    french, spanish_mail, english = by_recipient[author.email], by_recipient[spanish.email], by_recipient[default.email]
    assert "Une réponse à « Publish district agendas in advance »" in french.subject
    assert french.body.startswith("Bonjour Amina") and "Reasons:" not in french.body
    assert "Una respuesta a «Publish district agendas in advance»" in spanish_mail.subject
    assert "A response to “Publish district agendas in advance”" in english.subject  # the portal's default


def test_a_researcher_hears_about_the_report_in_their_language(mailoutbox):
    researcher = UserFactory(researcher=True, language="fr")
    report = complete_results_report(commitments=1)
    with translation.override("es"):
        report = render_now(report, researcher)
    assert report.status == Report.Status.READY
    assert [m.subject for m in mailoutbox if "PDF" in m.subject] == ["[OGP] Le PDF de votre rapport du MEI est prêt"]


def test_switching_language_on_the_site_is_remembered_for_e_mails(client):
    user = UserFactory(language="")
    client.force_login(user)
    response = client.post(reverse("set_language"), {"language": "es", "next": "/"})
    assert response.status_code == 302 and response.cookies["django_language"].value == "es"
    user.refresh_from_db()
    assert user.language == "es"
    client.post(reverse("set_language"), {"language": "xx", "next": "/"})  # not a language of the portal
    user.refresh_from_db()
    assert user.language == "es"


def test_anyone_can_still_switch_language_without_an_account(client):
    response = client.post(reverse("set_language"), {"language": "fr", "next": "/"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.cookies["django_language"].value == "fr"
    assert 'lang="fr"' in client.get("/").content.decode()


def test_registering_records_the_language_the_form_was_used_in(client, django_capture_on_commit_callbacks):
    client.cookies["django_language"] = "fr"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("account_signup"),
            {
                "email": "lea@example.org",
                "password1": "a-strong-passphrase-42",
                "password2": "a-strong-passphrase-42",
                "full_name": "Léa Martin",
            },
        )
    from accounts.models import User

    assert User.objects.get(email="lea@example.org").language == "fr"


def test_the_profile_lets_people_choose_the_language_of_their_e_mails(client):
    user = UserFactory(full_name="Amina Bello", language="fr")
    client.force_login(user)
    page = client.get(reverse("profile")).content.decode()
    assert 'name="language"' in page and "The portal&#x27;s default language" in page
    client.post(reverse("profile"), {"full_name": "Amina Bello", "notifications_enabled": "on", "language": "en"})
    user.refresh_from_db()
    assert user.language == "en"
