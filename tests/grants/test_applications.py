"""An organisation applies: drafts, budget lines that add up, eligibility, submission and its e-mail."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from grants import services
from grants.models import GrantApplication
from tests.factories import MemberFactory, OrganisationFactory, UserFactory
from tests.factories.grants import GrantApplicationFactory, GrantCallFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation():
    return OrganisationFactory(name="Red Ciudadana")


@pytest.fixture
def applicant(organisation):
    return UserFactory(email="amina@example.org", member_of=organisation, language="fr")


@pytest.fixture
def call():
    return GrantCallFactory(title="Micro-grants 2026")


def _form(call, **overrides):
    question = call.questions.first()
    data = {
        "title": "Consultations beyond the capital",
        "summary": "Meetings in three regions.",
        "amount_requested": "6000",
        f"answer_{question.pk}": "The consultation step.",
        "budget-TOTAL_FORMS": "3",
        "budget-INITIAL_FORMS": "0",
        "budget-0-description": "Coordinator",
        "budget-0-amount": "4000",
        "budget-1-description": "Meetings",
        "budget-1-amount": "2000",
        "budget-2-description": "",
        "budget-2-amount": "",
        "website": "",
    }
    data.update(overrides)
    return data


def test_a_budget_that_does_not_add_up_is_refused_with_a_clear_error_and_nothing_lost(client, applicant, call):
    client.force_login(applicant)
    response = client.post(
        reverse("grants:application-create", kwargs={"pk": call.pk}), _form(call, **{"budget-1-amount": "1500"})
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "The budget lines add up to USD 5,500.00, not to the USD 6,000.00 requested" in body
    assert 'value="Consultations beyond the capital"' in body and 'value="1500"' in body  # nothing lost
    assert "The consultation step." in body
    assert not GrantApplication.objects.exists()


def test_an_amount_outside_the_call_range_is_refused(client, applicant, call):
    client.force_login(applicant)
    data = _form(call, amount_requested="9000", **{"budget-0-amount": "7000"})
    response = client.post(reverse("grants:application-create", kwargs={"pk": call.pk}), data)
    assert "This call gives grants from USD 5,000.00 to USD 8,000.00" in response.content.decode()
    assert not GrantApplication.objects.exists()


def test_draft_then_submit_notifies_the_applicant_in_their_language(
    client, applicant, call, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(applicant)
    response = client.post(reverse("grants:application-create", kwargs={"pk": call.pk}), _form(call))
    application = GrantApplication.objects.get()
    assert response.url == application.get_absolute_url()
    assert application.status == "draft" and application.organisation == applicant.organisation
    assert [(line.description, line.amount) for line in application.budget_lines.all()] == [
        ("Coordinator", Decimal("4000.00")),
        ("Meetings", Decimal("2000.00")),
    ]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("grants:application-submit", kwargs={"pk": application.pk}))
    application.refresh_from_db()
    assert application.status == "submitted" and application.submitted_at
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["amina@example.org"]
    assert mailoutbox[0].body.startswith("Bonjour")  # in French, the applicant's language (catalogue: lead)
    page = client.get(application.get_absolute_url()).content.decode()
    assert "Submitted, under review" in page


def test_submit_refuses_missing_answers_and_budget(applicant, call):
    application = GrantApplicationFactory(
        call=call, organisation=applicant.organisation, applicant=applicant, lines=False
    )
    with pytest.raises(ValidationError) as error:
        services.application_submit(application=application)
    messages = " ".join(error.value.messages)
    assert "Add the budget lines" in messages and "Answer the question" in messages
    application.refresh_from_db()
    assert application.status == "draft"


def test_eligibility_a_member_restricted_call(applicant, call):
    madrid = MemberFactory(name="Madrid", slug="madrid", kind="local", country="ES")
    call.eligible_members.add(MemberFactory(name="Ghana", slug="ghana", country="GH"))
    application = GrantApplicationFactory(call=call, organisation=applicant.organisation, applicant=applicant)
    with pytest.raises(ValidationError, match="open to organisations of Ghana only"):
        services.application_submit(application=application)
    call.eligible_members.add(madrid)
    applicant.organisation.member = madrid
    applicant.organisation.save()
    assert services.application_submit(application=application).status == "submitted"


def test_only_civil_society_when_the_call_says_so(call):
    government = OrganisationFactory(kind="government")
    assert services.eligibility_problems(call=call, organisation=government) == [
        "This call is open to civil society organisations only."
    ]
    assert services.eligibility_problems(call=call, organisation=None)


def test_a_person_without_a_confirmed_organisation_cannot_apply(client, call):
    pending = UserFactory(asking_to_join=OrganisationFactory())
    client.force_login(pending)
    assert client.get(reverse("grants:application-create", kwargs={"pk": call.pk})).status_code == 403
    page = client.get(call.get_absolute_url()).content.decode()
    assert "Only a confirmed member of an organisation may apply" in page


def test_one_application_per_organisation_and_call(applicant, call):
    GrantApplicationFactory(call=call, organisation=applicant.organisation)
    with pytest.raises(ValidationError, match="already applied"):
        services.application_create(
            call=call, applicant=applicant, title="Again", summary="Again", amount_requested=Decimal("6000")
        )


def test_a_closed_call_refuses_edits_and_submission(client, applicant):
    call = GrantCallFactory(closed=True)
    application = GrantApplicationFactory(call=call, organisation=applicant.organisation, applicant=applicant)
    client.force_login(applicant)
    assert client.get(reverse("grants:application-update", kwargs={"pk": application.pk})).status_code == 403
    with pytest.raises(ValidationError, match="closed"):
        services.application_submit(application=application)


def test_an_attachment_is_checked_by_its_content(client, applicant, call):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(applicant)
    fake = SimpleUploadedFile("budget.pdf", b"MZ\x90\x00 not a pdf at all", content_type="application/pdf")
    response = client.post(
        reverse("grants:application-create", kwargs={"pk": call.pk}), {**_form(call), "attachments": [fake]}
    )
    assert "neither a PDF document nor an image" in response.content.decode()
    assert not GrantApplication.objects.exists()


def test_the_rate_limit_applies_to_the_application_form(client, applicant, call, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "grants.application": {"user": (1, 3600), "ip": (10, 3600)}}
    client.force_login(applicant)
    url = reverse("grants:application-create", kwargs={"pk": call.pk})
    client.post(url, _form(call))
    other = GrantCallFactory()
    response = client.post(reverse("grants:application-create", kwargs={"pk": other.pk}), _form(other))
    assert response.status_code == 200 and GrantApplication.objects.count() == 1
