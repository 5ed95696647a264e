"""The followers of a commitment are told of its monitoring reports when submitted, and of their answers."""

import pytest

from commitments.services import commitment_follow
from common.models import OutgoingEmail
from monitoring.services.answers import report_answer
from monitoring.services.reports import report_create, report_update
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _mails_to(user) -> list[OutgoingEmail]:
    return [mail for mail in OutgoingEmail.objects.order_by("pk") if user.email in mail.to]


def test_followers_but_the_author_are_told_of_a_submitted_report_and_its_answer(commitment, monitor, point_of_contact):
    follower = UserFactory(language="en")
    for user in (follower, monitor, point_of_contact):
        commitment_follow(commitment=commitment, user=user)
    draft = report_create(commitment=commitment, author=monitor, finding="delayed", text="No works on site.")
    assert _mails_to(follower) == []  # a draft is private
    report = report_update(report=draft, submit=True)
    [mail] = _mails_to(follower)
    assert "Commitment 1: a monitoring report" in mail.subject and "finds it: Delayed" in mail.body_text
    assert "/commitments/stop-following/" in mail.body_text
    assert all("Commitment 1: a monitoring report" not in m.subject for m in _mails_to(monitor))
    report_answer(report=report, user=point_of_contact, kind="acknowledged", text="Works start in June.")
    assert "Works start in June." in _mails_to(follower)[-1].body_text
    assert all("was answered" not in m.subject for m in _mails_to(point_of_contact))
    # Rewriting the answer tells nobody again.
    report_answer(report=report, user=point_of_contact, kind="acknowledged", text="Works start in July.")
    assert len(_mails_to(follower)) == 2
