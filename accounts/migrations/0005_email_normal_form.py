"""E-mail addresses in their normal form (`accounts.email_address`).

Existing addresses are rewritten in that form. When several accounts turn out to share one mailbox, the
earliest keeps the address (or the one already written in its normal form); the others are kept as they
are but deactivated, and listed on the output of `migrate` for the support unit to merge or delete.
allauth's address rows follow the same rule.
"""

import sys
from collections import defaultdict

from django.db import migrations

import accounts.email_address
from accounts.email_address import normalize_email_or_none


def _normal(email: str) -> str:
    return normalize_email_or_none(email) or email.strip().lower()


def normalise_emails(apps, schema_editor, out=None):
    out = out or sys.stdout
    User = apps.get_model("accounts", "User")
    EmailAddress = apps.get_model("account", "EmailAddress")

    accounts = defaultdict(list)
    for pk, email in User.objects.order_by("date_joined", "pk").values_list("pk", "email"):
        accounts[_normal(email)].append((pk, email))
    copies = set()
    for normal, rows in accounts.items():
        keeper = next((row for row in rows if row[1] == normal), rows[0])
        if keeper[1] != normal:
            User.objects.filter(pk=keeper[0]).update(email=normal)
        for pk, email in rows:
            if pk != keeper[0]:
                copies.add(pk)
                User.objects.filter(pk=pk).update(is_active=False)
                out.write(
                    f"\n  Account #{pk} ({email!a}) is the same mailbox as account #{keeper[0]} ({normal}): "
                    "deactivated, address left as it was.\n"
                )

    addresses = defaultdict(list)
    for row in EmailAddress.objects.exclude(user_id__in=copies).order_by("pk"):
        addresses[_normal(row.email)].append(row)
    for normal, rows in addresses.items():
        owner = rows[0].user_id
        kept = next((row for row in rows if row.user_id == owner and row.email == normal), rows[0])
        for row in rows:
            if row.pk == kept.pk:
                continue
            if row.user_id == owner:  # the same person's address twice: one row, flags merged
                kept.verified |= row.verified
                kept.primary |= row.primary
                row.delete()
            else:
                out.write(
                    f"\n  E-mail address {row.email!a} of account #{row.user_id} is the same mailbox as "
                    f"{normal} of account #{owner}: left as it was.\n"
                )
        kept.email = normal
        kept.save()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0004_user_language"),
        ("account", "0009_emailaddress_unique_primary_email"),
    ]

    operations = [
        migrations.AlterField(
            model_name="historicaluser",
            name="email",
            field=accounts.email_address.EmailAddressField(
                db_index=True, max_length=254, verbose_name="e-mail address"
            ),
        ),
        migrations.AlterField(
            model_name="user",
            name="email",
            field=accounts.email_address.EmailAddressField(max_length=254, unique=True, verbose_name="e-mail address"),
        ),
        migrations.RunPython(normalise_emails, migrations.RunPython.noop),
    ]
