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
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data: {result['national']} national and {result['local']} local members; "
                f"{result['plans_created']} demo action plans created; "
                f"{result['ogp_commitments']} commitments of OGP's data loaded (already loaded ones are unchanged)."
            )
        )
        for email, secret in result["accounts"]:
            self.stdout.write(f"  demo account {email} / {secret}")
