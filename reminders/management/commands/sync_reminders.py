"""``manage.py sync_reminders``: write the reminder rows every obligation is owed and lacks.

Run once after an upgrade that gives reminders to obligations which had none (for example the
further information of notices given in phases, recorded before those had reminders). The rows
are normally written by ``incidents.actions`` in the transaction that changes an obligation;
this calls the same ``reminders.schedule.sync_reminders``, which is idempotent: rows a deadline
version already has are neither written twice nor changed.

It acts for no one person: it reads every case's obligations (no ``visible_to``) and writes
only reminder rows. The app may be running meanwhile, so each batch is read afresh and locked
just before its rows are written: an obligation a person changed while the command ran (a
target moved, a phase recorded) is synced as it now stands, never from a stale copy that would
cancel the reminders just written for it.
"""

from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import Q

from incidents.models import Obligation
from reminders.choices import ReminderStatus
from reminders.models import Reminder
from reminders.schedule import needs_reminders, sync_reminders

BATCH = 500


def candidates():
    return Obligation.objects.filter(
        Q(status="open") | Q(status="notified", follow_up_target_at__isnull=False),
        superseded=False,
    )


def _restart_ended_series(batch) -> None:
    """Obligations owed reminders again whose current deadline version has only cancelled rows
    (their series was ended when they stopped applying, and an earlier version of the product
    let them apply again on the same version, where no row can be written twice): a new
    deadline version, so that their reminders are written again."""
    wanted = {o.pk: o for o in batch if needs_reminders(o)}
    live = set(
        Reminder.objects.filter(obligation_id__in=wanted)
        .exclude(status=ReminderStatus.CANCELLED)
        .values_list("obligation_id", "deadline_version")
    )
    ended = set(
        Reminder.objects.filter(
            obligation_id__in=wanted, status=ReminderStatus.CANCELLED
        ).values_list("obligation_id", "deadline_version")
    )
    for obligation in wanted.values():
        key = (obligation.pk, obligation.deadline_version)
        if key in ended and key not in live:
            obligation.deadline_version += 1
            obligation.save(update_fields=["deadline_version"])


class Command(BaseCommand):
    help = "Write the reminder rows that open obligations and owed further information lack."

    def handle(self, *args, **options):
        ids = list(candidates().order_by("pk").values_list("pk", flat=True))
        done = 0
        for start in range(0, len(ids), BATCH):
            with transaction.atomic():
                batch = list(
                    candidates()
                    .select_for_update()
                    .filter(pk__in=ids[start : start + BATCH])
                    .order_by("pk")
                )
                _restart_ended_series(batch)
                sync_reminders(batch)
            done += len(batch)
        self.stdout.write(f"Reminder rows checked for {done} obligations.")
