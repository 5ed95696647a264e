from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from irm_reports.importing import import_ogp_data


class Command(BaseCommand):
    help = (
        "Import OGP's commitments and IRM data sheet (CSV or .xlsx): members, action plans, commitments, "
        "policy areas and IRM assessments, keyed on OGP's identifiers. Importing the same file again changes "
        "nothing. Prints what was created, updated, left unchanged or skipped, every row it could not import "
        "and every star or flag on which OGP's columns and the portal's rules disagree."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The sheet, as .csv (UTF-8) or .xlsx.")
        parser.add_argument("--dry-run", action="store_true", help="Check and count everything, save nothing.")

    def handle(self, *args, path: str, dry_run: bool = False, **options):
        source = Path(path)
        if not source.is_file():
            raise CommandError(f"There is no file {path}.")
        verbosity = options.get("verbosity", 1)
        shown = {"step": 0}

        def progress(done: int, total: int) -> None:
            step = 10 * done // max(total, 1)  # a line every tenth of the file
            if verbosity and total >= 100 and step > shown["step"]:
                shown["step"] = step
                self.stderr.write(f"  {done}/{total} rows ({100 * done // total} %)")

        summary = import_ogp_data(source, dry_run=dry_run, progress=progress)
        for line in summary.lines():
            self.stdout.write(line)
        if summary.fatal:
            raise CommandError(summary.fatal)
        if summary.errors:
            raise CommandError(f"{summary.rows_skipped} row(s) could not be imported (listed above).")
