"""Django's ``flush``, able to empty the append-only case timeline on a test database only.

The timeline's SQLite trigger refuses every DELETE unless the connection's
``breachclock_flush_allowed()`` answers 1 (``incidents.timeline_guard``). Django's test runner
empties the database with this command between transactional tests; on a database whose name
marks it as a test database the permit is given for the length of the flush, and on any other the
flush is refused by the trigger, as every other DELETE of the timeline is.
"""

from __future__ import annotations

from pathlib import PurePath

from django.core.management.commands import flush
from django.db import DEFAULT_DB_ALIAS, connections

from incidents import timeline_guard


def is_test_database(alias: str) -> bool:
    name = str(connections[alias].settings_dict.get("NAME") or "")
    return "memorydb" in name or PurePath(name).name.startswith("test_")


class Command(flush.Command):
    def handle(self, **options):
        if is_test_database(options.get("database") or DEFAULT_DB_ALIAS):
            with timeline_guard.test_flush():
                return super().handle(**options)
        return super().handle(**options)
