"""A published response's e-mails are now written in the transaction that publishes it: `notified_at`
(the stamp of the notification task that ran after commit) goes.

A response published before the upgrade whose notification had not gone out yet (its task still queued,
lost with a restarted Redis, or waiting for the old sweep) would then never be e-mailed. Its e-mails are
written here, once, before the column is dropped, for the responses published in the last 7 days (the old
sweep's horizon: a late e-mail about an old decision helps nobody). They are sent by the outbox as usual.
"""

from datetime import timedelta

from django.db import DatabaseError, migrations, transaction
from django.utils import timezone

HORIZON = timedelta(days=7)


def write_the_emails_not_written_yet(apps, schema_editor):
    alias = schema_editor.connection.alias
    ProposalResponse = apps.get_model("consultations", "ProposalResponse")
    waiting = list(
        ProposalResponse.objects.using(alias)
        .select_for_update()  # an old worker still running notifies it first, or not at all
        .filter(status="published", notified_at__isnull=True, published_at__gte=timezone.now() - HORIZON)
        .values_list("pk", flat=True)
    )
    if not waiting:
        return
    # Rendered by the service of this version (templates, languages, links), as a publication now does.
    from consultations.models import ProposalResponse as Response
    from consultations.services.notifications import response_published_emails

    written = 0
    try:
        with transaction.atomic(using=alias):
            responses = (
                Response.objects.using(alias)
                .filter(pk__in=waiting)
                .select_related("proposal__author", "proposal__consultation__action_plan__member")
                # Columns added by later migrations, not there yet when the upgrade goes through this one.
                .defer(
                    "proposal__consultation__proposal_count",
                    "proposal__consultation__answered_count",
                    "proposal__search_vector",
                    "proposal__consultation__search_vector",
                    "proposal__consultation__action_plan__search_vector",
                    "language",
                    "shows_opinions",
                    "proposal__language",
                    "proposal__consultation__language",
                    "proposal__consultation__action_plan__language",
                )
            )
            for response in responses:
                written += response_published_emails(response=response)
    except DatabaseError as error:  # upgraded in one go across later changes of these tables
        print(f"\n  The responses {waiting} were published but not e-mailed ({error}); tell their authors.")
        return
    print(f"\n  {written} e-mails written for {len(waiting)} responses published before the upgrade.")


class Migration(migrations.Migration):
    dependencies = [
        ("commitments", "0009_standardrequirement_table"),
        ("consultations", "0005_requirementmark_requirement_in_commitments"),
        ("accounts", "0008_outgoing_email_moves_to_common"),
        ("common", "0002_outgoing_email_table"),
    ]

    operations = [
        migrations.RunPython(write_the_emails_not_written_yet, migrations.RunPython.noop),
        migrations.RemoveField(model_name="historicalproposalresponse", name="notified_at"),
        migrations.RemoveField(model_name="proposalresponse", name="notified_at"),
    ]
