"""Each consultation keeps its counts of proposals to answer and answered (they were counted on every view);
they are filled here from the proposals, then moved by every save of a proposal (Proposal.save)."""

from django.db import migrations, models
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce

# Proposal.TO_ANSWER and Proposal.ANSWERED as of this migration.
ANSWERED = ("accepted", "merged", "not_accepted")
TO_ANSWER = ("submitted", "under_review", *ANSWERED)


def fill_the_counters(apps, schema_editor):
    alias = schema_editor.connection.alias
    Consultation = apps.get_model("consultations", "Consultation")
    Proposal = apps.get_model("consultations", "Proposal")

    def counted(statuses):
        rows = Proposal.objects.using(alias).filter(consultation=OuterRef("pk"), status__in=statuses, is_hidden=False)
        return Coalesce(Subquery(rows.order_by().values("consultation").annotate(n=Count("pk")).values("n")), 0)

    Consultation.objects.using(alias).update(proposal_count=counted(TO_ANSWER), answered_count=counted(ANSWERED))


class Migration(migrations.Migration):
    dependencies = [
        ("consultations", "0006_response_notified_at_removed"),
    ]

    operations = [
        migrations.AddField(
            model_name="consultation",
            name="answered_count",
            field=models.PositiveIntegerField(default=0, editable=False, verbose_name="proposals answered"),
        ),
        migrations.AddField(
            model_name="consultation",
            name="proposal_count",
            field=models.PositiveIntegerField(default=0, editable=False, verbose_name="proposals to answer"),
        ),
        migrations.RunPython(fill_the_counters, migrations.RunPython.noop, elidable=True),
    ]
