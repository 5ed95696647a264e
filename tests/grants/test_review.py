"""The support unit scores with the grid, decides with reasons, records milestones; awards become public."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from grants import services
from grants.models import GrantApplication
from tests.factories import UserFactory
from tests.factories.grants import GrantApplicationFactory, GrantCallFactory, ReviewFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted():
    applicant = UserFactory(email="amina@example.org")
    return GrantApplicationFactory(submitted=True, applicant=applicant, call=GrantCallFactory(closed=True))


def _scores(application, *values):
    return dict(zip([c.pk for c in application.call.criteria.all()], values, strict=True))


def test_reviewers_score_with_weights_and_the_average_is_shown(client, submitted):
    first, second = UserFactory(staff=True), UserFactory(staff=True)
    review = services.review_save(application=submitted, reviewer=first, scores=_scores(submitted, 5, 2))
    assert review.total == Decimal("4.00")  # (5×2 + 2×1) / 3
    services.review_save(application=submitted, reviewer=second, scores=_scores(submitted, 3, 3))
    services.review_save(application=submitted, reviewer=first, scores=_scores(submitted, 4, 1))  # replaces
    assert submitted.reviews.count() == 2
    client.force_login(first)
    page = client.get(submitted.get_absolute_url()).content.decode()
    assert "Average weighted score 3.00 / 5 from 2 reviewers." in page


def test_every_criterion_must_be_scored(submitted):
    with pytest.raises(ValidationError, match="Score every criterion"):
        services.review_save(
            application=submitted, reviewer=UserFactory(staff=True), scores={submitted.call.criteria.first().pk: 3}
        )


def test_a_decision_needs_two_reviews_and_reasons(submitted):
    staff = UserFactory(staff=True)
    with pytest.raises(ValidationError, match="At least 2 reviewers"):
        services.application_decide(application=submitted, decided_by=staff, decision="award", reasons="Good")
    ReviewFactory(application=submitted)
    ReviewFactory(application=submitted)
    with pytest.raises(ValidationError):
        services.application_decide(application=submitted, decided_by=staff, decision="award", reasons=" ")
    with pytest.raises(ValidationError, match="amount awarded goes from"):
        services.application_decide(
            application=submitted, decided_by=staff, decision="award", reasons="Good", amount_awarded=Decimal("7000")
        )


def test_an_award_notifies_the_applicant_and_is_listed_publicly(
    client, submitted, mailoutbox, django_capture_on_commit_callbacks
):
    ReviewFactory(application=submitted)
    ReviewFactory(application=submitted)
    staff = UserFactory(staff=True)
    client.force_login(staff)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("grants:application-decide", kwargs={"pk": submitted.pk}),
            {"decision": "award", "amount_awarded": "6000", "reasons": "A strong, inclusive coalition."},
        )
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == GrantApplication.Status.AWARDED and submitted.decided_by == staff
    assert [m.to for m in mailoutbox] == [["amina@example.org"]]
    assert "A strong, inclusive coalition." in mailoutbox[0].body
    client.logout()
    listing = client.get(reverse("grants:call-list")).content.decode()
    assert submitted.title in listing and "USD 6,000.00" in listing
    api = client.get(reverse("api:grantcall-detail", kwargs={"pk": submitted.call_id})).json()
    assert [award["title"] for award in api["awards"]] == [submitted.title]


def test_awards_stay_within_the_call_budget():
    call = GrantCallFactory(closed=True, budget=Decimal("10000"))
    GrantApplicationFactory(call=call, awarded=True)
    application = GrantApplicationFactory(call=call, submitted=True)
    ReviewFactory(application=application)
    ReviewFactory(application=application)
    with pytest.raises(ValidationError, match="Only USD 4,000.00 of the call's budget is left"):
        services.application_decide(
            application=application,
            decided_by=UserFactory(staff=True),
            decision="award",
            reasons="Good",
            amount_awarded=Decimal("6000"),
        )


def test_milestones_of_an_awarded_grant(client):
    awarded = GrantApplicationFactory(awarded=True)
    staff = UserFactory(staff=True)
    client.force_login(staff)
    client.post(
        reverse("grants:milestone-create", kwargs={"pk": awarded.pk}), {"title": "Final report", "due_on": "2026-12-31"}
    )
    milestone = awarded.milestones.get()
    client.post(reverse("grants:milestone-receive", kwargs={"pk": milestone.pk}))
    milestone.refresh_from_db()
    assert milestone.received_on is not None
    assert milestone.history.count() == 2


def test_the_organisation_sees_its_status_but_never_the_reviews(client, submitted):
    ReviewFactory(application=submitted, comment="Weak budget, internal note")
    client.force_login(submitted.applicant)  # not a confirmed member of the organisation: not theirs
    assert client.get(submitted.get_absolute_url()).status_code == 403
    client.force_login(UserFactory(member_of=submitted.organisation))
    page = client.get(submitted.get_absolute_url()).content.decode()
    assert "Submitted, under review" in page and "Weak budget" not in page


def test_review_queue_and_lists_cost_the_same_queries_at_any_size(client, django_assert_max_num_queries):
    staff = UserFactory(staff=True)
    client.force_login(staff)
    call = GrantCallFactory(closed=True, budget=Decimal("1000000"))
    counts = {}
    for size in (1, 6):
        while GrantApplication.objects.filter(call=call).count() < size:
            application = GrantApplicationFactory(call=call, awarded=True)
            ReviewFactory(application=application)
        for name in ("grants:review-queue", "grants:call-list", "api:grantcall-list"):
            from django.db import connection
            from django.test.utils import CaptureQueriesContext

            with CaptureQueriesContext(connection) as queries:
                assert client.get(reverse(name)).status_code == 200
            counts.setdefault(name, []).append(len(queries))
    for name, (small, large) in counts.items():
        assert small == large, f"{name}: {small} queries for 1 row, {large} for 6"
