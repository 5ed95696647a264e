"""StandardRequirement moves to commitments, step 4 of 4 (see 0008): its tables and content types follow.

Once no state refers to irm_reports' model any more, the two tables are renamed (ALTER TABLE … RENAME
on PostgreSQL and SQLite: rows, ids and the foreign keys pointing at them are kept), and the content
types change app, so permissions, admin history and group rights follow the model.
"""

from django.db import migrations

MODELS = ["standardrequirement", "historicalstandardrequirement"]


def _move_content_types(apps, source: str, target: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MODELS:
        moving = ContentType.objects.filter(app_label=source, model=model)
        if not moving.exists():
            continue
        # One the target got from post_migrate only holds copies of the moved one's permissions: the moved one wins.
        ContentType.objects.filter(app_label=target, model=model).delete()
        moving.update(app_label=target)


def forwards(apps, schema_editor):
    _move_content_types(apps, "irm_reports", "commitments")


def backwards(apps, schema_editor):
    _move_content_types(apps, "commitments", "irm_reports")


class Migration(migrations.Migration):
    dependencies = [
        ("commitments", "0008_standardrequirement_from_irm_reports"),
        ("consultations", "0005_requirementmark_requirement_in_commitments"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("irm_reports", "0008_standardrequirement_to_commitments"),
    ]

    operations = [
        migrations.AlterModelTable(name="standardrequirement", table=None),
        migrations.AlterModelTable(name="historicalstandardrequirement", table=None),
        migrations.RunPython(forwards, backwards),
    ]
