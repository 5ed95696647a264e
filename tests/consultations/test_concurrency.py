"""Supports under concurrency, on the real PostgreSQL: a unique constraint and an atomic counter."""

import threading

import pytest
from django.db import connection

from consultations.models import Proposal, Support
from consultations.services import proposal_support
from tests.factories import UserFactory
from tests.factories.consultations import ProposalFactory

pytestmark = pytest.mark.integration


def _at_once(calls) -> list:
    """Run the calls in threads released together; each thread uses (and closes) its own connection."""
    barrier = threading.Barrier(len(calls))
    errors = []

    def run(call):
        try:
            barrier.wait(timeout=30)
            call()
        except Exception as exc:  # collected and reported by the test
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors


def test_50_users_supporting_at_once_give_exactly_50(postgres, transactional_db):
    proposal = ProposalFactory()
    users = UserFactory.create_batch(50)
    errors = _at_once([lambda user=user: proposal_support(proposal=proposal, user=user) for user in users])
    assert errors == []
    assert Support.objects.filter(proposal=proposal).count() == 50
    assert Proposal.objects.get(pk=proposal.pk).support_count == 50


def test_the_same_user_supporting_twice_at_once_gives_one(postgres, transactional_db):
    proposal = ProposalFactory()
    user = UserFactory()
    errors = _at_once([lambda: proposal_support(proposal=proposal, user=user) for _ in range(10)])
    assert errors == []
    assert Support.objects.filter(proposal=proposal).count() == 1
    assert Proposal.objects.get(pk=proposal.pk).support_count == 1


def test_the_same_proposal_form_sent_twice_at_once_gives_one_proposal(postgres, transactional_db):
    """A double click reaching two web processes: one submission key, one proposal."""
    from consultations.services import proposal_create
    from tests.factories.consultations import ConsultationFactory

    consultation = ConsultationFactory()
    author = UserFactory()
    key = "6f1c7c64-9d7e-4c1e-9d55-1d2b0b0f5a10"
    text = {"title": "Open data on contracts", "problem": "Opaque.", "solution": "Publish them."}
    errors = _at_once(
        [
            lambda: proposal_create(consultation=consultation, author=author, submission_key=key, submit=True, **text)
            for _ in range(5)
        ]
    )
    assert errors == []
    assert Proposal.objects.filter(author=author).count() == 1
