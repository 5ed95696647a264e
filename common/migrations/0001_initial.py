"""The e-mail outbox moves from accounts to common: this takes the model over in the migration state, on
the table accounts still has (0002 renames it). accounts 0008 then drops it from accounts' state."""

from django.db import migrations, models

OUTGOING_EMAIL = migrations.CreateModel(
    name="OutgoingEmail",
    fields=[
        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
        ("to", models.JSONField(verbose_name="recipients")),
        ("subject", models.CharField(max_length=998, verbose_name="subject")),
        ("body_text", models.TextField(verbose_name="text body")),
        ("body_html", models.TextField(blank=True, verbose_name="HTML body")),
        (
            "status",
            models.CharField(
                choices=[("pending", "Pending"), ("sent", "Sent"), ("failed", "Failed")],
                default="pending",
                max_length=10,
                verbose_name="status",
            ),
        ),
        ("attempts", models.PositiveSmallIntegerField(default=0, verbose_name="attempts")),
        ("last_error", models.TextField(blank=True, verbose_name="last error")),
        ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created at")),
        ("sent_at", models.DateTimeField(blank=True, null=True, verbose_name="sent at")),
    ],
    options={
        "verbose_name": "outgoing e-mail",
        "verbose_name_plural": "outgoing e-mails",
        "ordering": ["-created_at"],
        "db_table": "accounts_outgoingemail",
    },
)


class Migration(migrations.Migration):
    initial = True

    dependencies = [("accounts", "0007_drop_drf_authtoken")]

    operations = [migrations.SeparateDatabaseAndState(state_operations=[OUTGOING_EMAIL])]
