"""StandardRequirement moves to commitments, step 3 of 4 (see commitments 0008): irm_reports lets it go.

State only: the requirement assessments point at commitments.StandardRequirement (same table), then the
model and its history model leave irm_reports' state; their tables and rows now belong to commitments.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("commitments", "0008_standardrequirement_from_irm_reports"),
        ("irm_reports", "0007_private_file_names"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="requirementassessment",
                    name="requirement",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="assessments",
                        to="commitments.standardrequirement",
                        verbose_name="requirement",
                    ),
                ),
                migrations.AlterField(
                    model_name="historicalrequirementassessment",
                    name="requirement",
                    field=models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="commitments.standardrequirement",
                        verbose_name="requirement",
                    ),
                ),
                migrations.DeleteModel(name="HistoricalStandardRequirement"),
                migrations.DeleteModel(name="StandardRequirement"),
            ],
            database_operations=[],
        ),
    ]
