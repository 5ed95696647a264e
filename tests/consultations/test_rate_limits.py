"""Rate limits at the edges: the web pages and the API count the same actions under the same keys
(per account and per client address, settings.RATE_LIMITS), and only what succeeded is counted."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from consultations import services
from consultations.models import Comment, Flag, Proposal, Support
from tests.factories import UserFactory
from tests.factories.consultations import ProposalFactory

pytestmark = pytest.mark.django_db


def _limit(settings, scope, **limits):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, scope: limits}


def test_a_burst_of_supports_is_stopped_with_a_clear_message(client, consultation, participant, settings):
    _limit(settings, "consultations.support", user=(3, 600), ip=(100, 600))
    proposals = ProposalFactory.create_batch(4, consultation=consultation)
    client.force_login(participant)
    for proposal in proposals[:3]:
        client.post(reverse("consultations:proposal-support", args=[proposal.pk]))
    response = client.post(reverse("consultations:proposal-support", args=[proposals[3].pk]), follow=True)
    assert "too many times in a short while. Please try again in" in response.content.decode()
    assert Support.objects.count() == 3 and Proposal.objects.get(pk=proposals[3].pk).support_count == 0


def test_the_limit_also_counts_per_address(client, proposal, settings):
    _limit(settings, "consultations.comment", user=(100, 600), ip=(2, 600))

    def comment(ip):
        client.force_login(UserFactory())
        url = reverse("consultations:comment-create", args=[proposal.pk])
        return client.post(url, {"body": "Agreed", "website": ""}, REMOTE_ADDR=ip)

    assert [comment("10.0.0.9").status_code for _ in range(2)] == [302, 302]
    refused = comment("10.0.0.9")
    assert refused.status_code == 200 and "too many times" in refused.content.decode()
    assert comment("10.0.0.10").status_code == 302
    assert proposal.comments.count() == 3


def test_a_refused_form_does_not_use_up_the_allowance(client, proposal, participant, settings):
    _limit(settings, "consultations.flag", user=(1, 3600))
    client.force_login(participant)
    url = reverse("consultations:proposal-flag", args=[proposal.pk])
    assert client.post(url, {"reason": "not-a-reason"}).status_code == 200  # the form's own error
    assert client.post(url, {"reason": Flag.Reason.SPAM}).status_code == 302
    comment = services.comment_create(proposal=proposal, author=UserFactory(), body="Buy now")
    refused = client.post(reverse("consultations:comment-flag", args=[comment.pk]), {"reason": Flag.Reason.SPAM})
    assert "too many times" in refused.content.decode()
    assert Flag.objects.count() == 1


def test_the_api_counts_under_the_same_keys_as_the_pages(client, proposal, participant, settings):
    """Two comments on the web page, then the API refuses the third with a 429."""
    _limit(settings, "consultations.comment", user=(2, 600))
    client.force_login(participant)
    for body in ("One", "Two"):
        client.post(reverse("consultations:comment-create", args=[proposal.pk]), {"body": body, "website": ""})
    api = APIClient()
    api.force_authenticate(participant)
    refused = api.post(f"/api/v1/proposals/{proposal.pk}/comments/", {"body": "Three"})
    assert refused.status_code == 429 and refused.json()["code"] == "rate_limited"
    assert "too many times" in refused.json()["detail"] and int(refused["Retry-After"]) > 0
    assert Comment.objects.count() == 2


def test_a_refused_api_write_is_not_counted(proposal, settings):
    _limit(settings, "consultations.support", user=(1, 600))
    api = APIClient()
    api.force_authenticate(UserFactory())
    draft = ProposalFactory(consultation=proposal.consultation, draft=True, author=UserFactory())
    assert api.post(f"/api/v1/proposals/{draft.pk}/support/").status_code == 403  # a draft is not supported
    assert api.post(f"/api/v1/proposals/{proposal.pk}/support/").json()["supported"] is True
    other = ProposalFactory(consultation=proposal.consultation)
    assert api.post(f"/api/v1/proposals/{other.pk}/support/").status_code == 429
    assert api.delete(f"/api/v1/proposals/{proposal.pk}/support/").status_code == 200  # taking back is not limited


def test_services_take_no_address():
    with pytest.raises(TypeError):
        services.proposal_support(proposal=None, user=None, client_ip="10.0.0.1")
