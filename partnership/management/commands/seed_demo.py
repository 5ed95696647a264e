from django.core.management.base import BaseCommand

from partnership.demo import seed_demo


class Command(BaseCommand):
    help = (
        "Load demo data: OGP's national and local members, demo action plans and a real extract of OGP's "
        "commitments and IRM data (safe to run again)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--password", help="Password of the demo accounts created now (default: a random one, printed)."
        )

    def handle(self, *args, password=None, **options):
        result = seed_demo(password=password)
        ogp = result["ogp_commitments"]
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data: {result['national']} national and {result['local']} local members in place; "
                f"{result['plans_created']} demo action plans and {result['consultations_created']} consultations "
                f"created now; commitments of OGP's data: {ogp['created']} created, {ogp['updated']} updated, "
                f"{ogp['unchanged']} already up to date."
            )
        )
        self.stdout.write("The open-data archive is being built: /open-data/portal-open-data.zip")
        for label, count in result["untranslated"].items():
            self.stdout.write(self.style.WARNING(f"  {label}: {count} rows lack their French or Spanish text"))
        for email, secret in result["accounts"]:
            self.stdout.write(f"  demo account {email} / {secret}")
