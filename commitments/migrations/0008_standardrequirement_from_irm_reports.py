"""StandardRequirement moves from irm_reports to commitments (reference data sits with the other reference data).

Step 1 of 4, state only: commitments takes over the model and its history model on the tables irm_reports
created, so every row and every foreign key stays where it is. Then consultations 0005 and irm_reports 0008
point their foreign keys at commitments.StandardRequirement and irm_reports forgets the model, and
commitments 0009 renames the tables. At every step the state names tables that exist.
"""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("commitments", "0007_commitment_number_shared_by_ogp_rows"),
        # The two tables taken over: the model's (irm_reports 0001) and its history (irm_reports 0006).
        ("irm_reports", "0006_history_irm_reports"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="StandardRequirement",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "version",
                            models.CharField(
                                choices=[("2017", "2017 standards"), ("2021", "2021 standards")],
                                max_length=4,
                                verbose_name="version",
                            ),
                        ),
                        ("code", models.CharField(max_length=10, verbose_name="code")),
                        ("standard_no", models.PositiveSmallIntegerField(verbose_name="standard")),
                        ("text", models.TextField(verbose_name="requirement (English)")),
                        ("text_fr", models.TextField(blank=True, verbose_name="requirement (French)")),
                        ("is_minimum", models.BooleanField(default=False, verbose_name="minimum requirement")),
                        (
                            "phase",
                            models.CharField(
                                choices=[
                                    ("co_creation", "Co-creation"),
                                    ("implementation", "Implementation"),
                                    ("both", "Co-creation and implementation"),
                                ],
                                max_length=20,
                                verbose_name="phase assessed",
                            ),
                        ),
                        ("order", models.PositiveSmallIntegerField(default=0, verbose_name="order")),
                    ],
                    options={
                        "verbose_name": "standards requirement",
                        "verbose_name_plural": "standards requirements",
                        "ordering": ["version", "order", "code"],
                        "constraints": [
                            models.UniqueConstraint(fields=("version", "code"), name="requirement_unique_code")
                        ],
                        "db_table": "irm_reports_standardrequirement",
                    },
                ),
                migrations.CreateModel(
                    name="HistoricalStandardRequirement",
                    fields=[
                        ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                        (
                            "version",
                            models.CharField(
                                choices=[("2017", "2017 standards"), ("2021", "2021 standards")],
                                max_length=4,
                                verbose_name="version",
                            ),
                        ),
                        ("code", models.CharField(max_length=10, verbose_name="code")),
                        ("standard_no", models.PositiveSmallIntegerField(verbose_name="standard")),
                        ("text", models.TextField(verbose_name="requirement (English)")),
                        ("text_fr", models.TextField(blank=True, verbose_name="requirement (French)")),
                        ("is_minimum", models.BooleanField(default=False, verbose_name="minimum requirement")),
                        (
                            "phase",
                            models.CharField(
                                choices=[
                                    ("co_creation", "Co-creation"),
                                    ("implementation", "Implementation"),
                                    ("both", "Co-creation and implementation"),
                                ],
                                max_length=20,
                                verbose_name="phase assessed",
                            ),
                        ),
                        ("order", models.PositiveSmallIntegerField(default=0, verbose_name="order")),
                        ("history_id", models.AutoField(primary_key=True, serialize=False)),
                        ("history_date", models.DateTimeField(db_index=True)),
                        ("history_change_reason", models.CharField(max_length=100, null=True)),
                        (
                            "history_type",
                            models.CharField(
                                choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                            ),
                        ),
                        (
                            "history_user",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "historical standards requirement",
                        "verbose_name_plural": "historical standards requirements",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                        "db_table": "irm_reports_historicalstandardrequirement",
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
            ],
            database_operations=[],
        ),
    ]
