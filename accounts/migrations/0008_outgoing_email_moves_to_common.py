"""The e-mail outbox is infrastructure: common 0001 took the model over; accounts lets go of it (state only,
the table is renamed by common 0002)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("accounts", "0007_drop_drf_authtoken"), ("common", "0001_initial")]

    operations = [migrations.SeparateDatabaseAndState(state_operations=[migrations.DeleteModel(name="OutgoingEmail")])]
