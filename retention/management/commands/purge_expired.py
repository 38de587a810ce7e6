"""``manage.py purge_expired [--dry-run] [--as-of YYYY-MM-DD]``: the retention purge by hand.

With ``--dry-run`` it prints, one per line, the references of the cases whose personal data
would be purged on that day and changes nothing; a case on legal hold never appears. Without it
it purges them, as the daily beat task does, and prints the references it purged.
"""

from __future__ import annotations

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from retention.actions import purge_expired


class Command(BaseCommand):
    help = "Purge (or with --dry-run, list) the cases whose retention period has run."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="List; change nothing.")
        parser.add_argument(
            "--as-of", metavar="YYYY-MM-DD", help="Measure retention on this day (default today)."
        )

    def handle(self, *args, dry_run=False, as_of=None, **options):
        day = None
        if as_of:
            try:
                day = date.fromisoformat(as_of)
            except ValueError:
                raise CommandError(f"--as-of {as_of!r}: give a date as YYYY-MM-DD") from None
        for reference in purge_expired(as_of=day, dry_run=dry_run):
            self.stdout.write(reference)
