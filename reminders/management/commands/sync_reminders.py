"""``manage.py sync_reminders``: write the reminder rows every obligation is owed and lacks.

Run once after an upgrade that gives reminders to obligations which had none (for example the
further information of notices given in phases, recorded before those had reminders). The rows
are normally written by ``incidents.actions`` in the transaction that changes an obligation;
this calls the same ``reminders.schedule.sync_reminders``, which is idempotent: rows a deadline
version already has are neither written twice nor changed.
"""

from django.core.management.base import BaseCommand
from django.db.models import Q

from incidents.models import Obligation
from reminders.schedule import sync_reminders


class Command(BaseCommand):
    help = "Write the reminder rows that open obligations and owed further information lack."

    def handle(self, *args, **options):
        candidates = Obligation.objects.filter(
            Q(status="open") | Q(status="notified", follow_up_target_at__isnull=False),
            superseded=False,
        ).order_by("pk")
        done = 0
        batch = []
        for obligation in candidates.iterator(chunk_size=500):
            batch.append(obligation)
            if len(batch) == 500:
                sync_reminders(batch)
                done += len(batch)
                batch = []
        if batch:
            sync_reminders(batch)
            done += len(batch)
        self.stdout.write(f"Reminder rows checked for {done} obligations.")
