# The consultations open now, closing first (the home page), read in the index's order with the id breaking ties.

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("consultations", "0017_consultation_response_comment_translations"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="consultation", name="consultation_status_closes"),
        migrations.AddIndex(
            model_name="consultation",
            index=models.Index(fields=["status", "closes_at", "id"], name="consultation_status_closing"),
        ),
    ]
