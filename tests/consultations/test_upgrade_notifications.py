"""Upgrading to the one outbox: a response published before the upgrade and not yet notified is e-mailed."""

from datetime import timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from common.models import OutgoingEmail
from consultations.models import Consultation, Proposal, ProposalResponse
from tests.conftest import require
from tests.factories import UserFactory
from tests.factories.consultations import ResponseFactory

BEFORE = ("consultations", "0005_requirementmark_requirement_in_commitments")


@pytest.mark.django_db(transaction=True)
def test_the_upgrade_emails_once_the_responses_published_but_not_yet_notified(mailoutbox, capsys):
    """Migration consultations 0005 writes their e-mails before it drops `notified_at`; responses already
    notified, or published more than 7 days ago (the old sweep's horizon), are left alone."""
    # SQLite's schema editor rebuilds a table from today's model to add or drop a column, so the columns of the
    # old schema cannot be put back one by one there; the upgrade this reproduces is a PostgreSQL one.
    require(connection.vendor == "postgresql", "needs PostgreSQL (set DATABASE_URL)")
    executor = MigrationExecutor(connection)
    executor.migrate([BEFORE])
    # Today's models write every column but `notified_at`, which the old schema leaves empty; the consultation's
    # counters, the search documents and the languages (later migrations) are there while they write.
    later = [(Consultation, Consultation._meta.get_field(name)) for name in Consultation.COUNTERS]
    later += [(model, model._meta.get_field("search_vector")) for model in (Consultation, Proposal)]
    texts = (Consultation, Proposal, ProposalResponse)
    later += [(model, model._meta.get_field("language")) for model in (*texts, *(m.history.model for m in texts))]
    later += [
        (model, model._meta.get_field("shows_opinions")) for model in (ProposalResponse, ProposalResponse.history.model)
    ]
    with connection.schema_editor() as editor:
        for model, field in later:
            editor.add_field(model, field)
    waiting = ResponseFactory(proposal__author=UserFactory(language="fr"))
    notified, too_old = ResponseFactory(), ResponseFactory()
    with connection.schema_editor() as editor:
        for model, field in later:
            editor.remove_field(model, field)
    old_responses = executor.loader.project_state(BEFORE).apps.get_model("consultations", "ProposalResponse")
    old_responses.objects.filter(pk=notified.pk).update(notified_at=timezone.now())
    old_responses.objects.filter(pk=too_old.pk).update(published_at=timezone.now() - timedelta(days=8))

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    assert "1 e-mails written for 1 responses published before the upgrade" in capsys.readouterr().out
    email = OutgoingEmail.objects.get()
    assert email.to == [waiting.proposal.author.email] and email.status == OutgoingEmail.Status.SENT
    assert email.subject.endswith(f"Une réponse à « {waiting.proposal.title} »")  # in the author's language
    assert [message.to for message in mailoutbox] == [email.to]
    columns = {
        c.name
        for c in connection.introspection.get_table_description(connection.cursor(), "consultations_proposalresponse")
    }
    assert "notified_at" not in columns
