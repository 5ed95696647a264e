"""StandardRequirement moves to commitments, step 2 of 4 (see commitments 0008): the checklist marks follow it.

State only: the foreign keys keep pointing at the same table, which commitments 0009 renames. This runs
before irm_reports forgets the model (run_before), so that no state refers to a model that is gone.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("commitments", "0008_standardrequirement_from_irm_reports"),
        ("consultations", "0004_history_consultations"),
    ]
    run_before = [("irm_reports", "0008_standardrequirement_to_commitments")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="requirementmark",
                    name="requirement",
                    field=models.ForeignKey(
                        limit_choices_to={"is_minimum": True, "version": "2021"},
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="marks",
                        to="commitments.standardrequirement",
                        verbose_name="requirement",
                    ),
                ),
                migrations.AlterField(
                    model_name="historicalrequirementmark",
                    name="requirement",
                    field=models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        limit_choices_to={"is_minimum": True, "version": "2021"},
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="commitments.standardrequirement",
                        verbose_name="requirement",
                    ),
                ),
            ],
            database_operations=[],
        ),
    ]
