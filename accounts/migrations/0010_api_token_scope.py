"""The scope of an API token (read-only or read-write), beside knox's token. Tokens issued before have no row and
stay read-write."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0009_notifications_unread"),
        ("knox", "0009_extend_authtoken_field"),
    ]

    operations = [
        migrations.CreateModel(
            name="ApiTokenScope",
            fields=[
                (
                    "token",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="scope",
                        serialize=False,
                        to="knox.authtoken",
                        verbose_name="token",
                    ),
                ),
                (
                    "scope",
                    models.CharField(
                        choices=[("read", "Read only"), ("read_write", "Read and write")],
                        default="read",
                        max_length=10,
                        verbose_name="scope",
                    ),
                ),
            ],
            options={"verbose_name": "API token scope", "verbose_name_plural": "API token scopes"},
        ),
    ]
