"""Django's `migrate`, after the one-time rename of the former `ogp_portal` app (accounts/legacy_layout.py)."""

from django.core.management.commands.migrate import Command as DjangoMigrate

from accounts.legacy_layout import upgrade_legacy_label


class Command(DjangoMigrate):
    def handle(self, *args, **options):
        renamed = upgrade_legacy_label(options["database"])
        if renamed and options["verbosity"]:
            self.stdout.write(f"Renamed the former ogp_portal app to accounts ({len(renamed)} tables).")
        return super().handle(*args, **options)
