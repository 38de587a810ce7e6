"""The README's backup and restore procedure, run as written against a running system: a web
server and a worker on a PostgreSQL of the tests' own (``own_postgres``).

After restoring an older backup: no page shows data from after it (the list's memory is not
cleared by hand), a reminder sent before the backup is not sent again while one the restored rows
say is due goes out again with the same Message-ID, and the audit trail and case timeline are
append-only again.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import psycopg
import pytest
from django.db import connection
from django.test import Client

from incidents.models import Incident
from reminders.models import Reminder

from .conftest import expected_ids
from .harness import ROOT, wait_for

pytestmark = [pytest.mark.services]


def readme_scripts() -> tuple[str, str]:
    """The shell blocks of the README's "Backup and restore" section: (backup, restore)."""
    text = (ROOT / "README.md").read_text()
    section = text.split("## Backup and restore", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)```", section, flags=re.DOTALL)
    assert len(blocks) == 2, "the section has a backup block and a restore block"
    return blocks[0], blocks[1]


def run(script: str, env: dict) -> None:
    done = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, f"{script}\n--- stdout\n{done.stdout}\n--- stderr\n{done.stderr}"


def test_restoring_an_older_backup_into_the_running_system(
    own_postgres, own_db, own_db_web, own_db_workers, smtp, counsel, make_incident,
    make_obligation, tmp_path, settings,
):  # fmt: skip
    backup, restore = readme_scripts()
    env = {
        **os.environ,
        "DATABASE_URL": own_postgres.url(own_db),
        "BACKUP_FILE": str(tmp_path / "breachclock.dump"),
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "DJANGO_SETTINGS_MODULE": "config.settings.local",
        "DJANGO_SECRET_KEY": settings.SECRET_KEY,
    }
    client = Client()
    client.force_login(counsel)
    cookie = f"sessionid={client.cookies['sessionid'].value}"

    case = make_incident(title="Before the backup")
    sent_before = make_obligation(case, due_in=timedelta(minutes=59))  # its 1 h reminder: now
    # Its 1 h reminder falls due after the backup: sent then, and due again once restored.
    due_later = make_obligation(case, due_in=timedelta(hours=1, seconds=20), rule_code="US-CA")
    first = expected_ids([sent_before])
    worker = own_db_workers.start()
    wait_for(lambda: len(smtp.handler.counts()) >= len(first), 60, "the first reminder")
    worker.stop()
    status, page = own_db_web.get("/incidents/", cookie)
    assert status == 200 and "Before the backup" in page
    web_pid = own_db_web.process.pid

    run(backup, env)  # --- the backup ---

    Incident.objects.unrestricted("test").filter(pk=case.pk).update(
        title="Renamed after the backup"
    )
    later_case = make_incident(title="Opened after the backup")
    later = wait_for(lambda: expected_ids([due_later]), 60, "the later reminder to fall due")
    worker = own_db_workers.start()
    wait_for(lambda: all(smtp.handler.counts()[m] for m in later), 60, "the later reminder")
    worker.stop()
    status, page = own_db_web.get("/incidents/", cookie)
    assert "Renamed after the backup" in page and "Opened after the backup" in page

    run(restore, env)  # --- the restore, with the web server running ---
    connection.close()

    status, page = own_db_web.get("/incidents/", cookie)
    assert status == 200, page[:300]
    assert "Before the backup" in page
    assert "after the backup" not in page
    assert own_db_web.get(f"/incidents/{later_case.pk}/", cookie)[0] == 404
    assert own_db_web.process.pid == web_pid  # not restarted

    # Reminders: the restored rows say the first was sent and the later one is due.
    assert Reminder.objects.filter(obligation=due_later, status="pending").exists()
    worker = own_db_workers.start()
    wait_for(lambda: all(smtp.handler.counts()[m] >= 2 for m in later), 60, "the due one again")
    time.sleep(3)
    counts = smtp.handler.counts()
    assert all(counts[m] == 1 for m in first), counts  # sent before the backup: not again
    assert all(counts[m] == 2 for m in later), counts  # due in the restored rows: same id
    worker.stop()

    # The append-only protections hold on the restored tables.
    with psycopg.connect(own_postgres.url(own_db), autocommit=True) as conn:
        for table in ("audit_auditevent", "incidents_activity"):
            with pytest.raises(psycopg.errors.Error) as refused:
                conn.execute(f"UPDATE {table} SET id = id")  # noqa: S608 - a constant
            assert "append-only" in str(refused.value) or "refused" in str(refused.value)
    print("restore drill: older backup restored into the running system; later data gone")
