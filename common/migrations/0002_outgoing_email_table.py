"""The outbox's table takes common's name; its content type (and so its permissions and admin history) follows."""

from django.db import migrations, models


def content_type_to_common(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.using(schema_editor.connection.alias).filter(
        app_label="accounts", model="outgoingemail"
    ).update(app_label="common")


def content_type_to_accounts(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.using(schema_editor.connection.alias).filter(
        app_label="common", model="outgoingemail"
    ).update(app_label="accounts")


class Migration(migrations.Migration):
    dependencies = [
        ("common", "0001_initial"),
        ("accounts", "0008_outgoing_email_moves_to_common"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AlterModelTable(name="outgoingemail", table=None),
        # The index keeps its name: it was created with the table and follows it.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AddIndex(
                    model_name="outgoingemail",
                    index=models.Index(fields=["status", "created_at"], name="outgoingemail_status_created"),
                )
            ]
        ),
        migrations.RunPython(content_type_to_common, content_type_to_accounts),
    ]
