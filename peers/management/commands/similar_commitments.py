"""Compute the similar commitments of every stale commitment now (after a bulk load), or of all with --all."""

from django.core.management.base import BaseCommand

from peers import services
from peers.models import SimilarityMark


class Command(BaseCommand):
    help = "Refresh the stored similar commitments of the commitments saved since they were computed."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Recompute every commitment's list.")

    def handle(self, *args, **options):
        if options["all"]:
            SimilarityMark.objects.all().delete()
        total = 0
        while True:
            run = services.similar_refresh_stale()
            total += run["refreshed"]
            self.stdout.write(f"{total} commitments refreshed")
            if not run["more"]:
                break
