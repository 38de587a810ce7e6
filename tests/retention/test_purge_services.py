"""The purge on the real stack: PostgreSQL, Redis and a Celery worker whose beat runs the
daily purge task (here every second). On a database with expired, unexpired and held cases it
removes exactly the expired cases' personal data, touches nothing on hold, and writes one audit
entry per purged case. Also: PostgreSQL itself refuses deletions from a held case."""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime

import pytest
from django.db import DatabaseError, connection, transaction

from audit.models import AuditEvent
from incidents.models import Attachment, Note
from retention.actions import REMOVED_NAME
from retention.models import CasePurge

# A private redis-server, as the fault tests use.
from tests.faults.conftest import redis  # noqa: F401
from tests.faults.harness import Worker
from tests.services import database_url, require_postgresql

from .conftest import closed_case

pytestmark = pytest.mark.services


@pytest.fixture
def pg_db(transactional_db, rulebook):
    """The test database, committed, so that the worker process sees our rows, with the shipped
    rule book whose documentation periods decide what has expired (an earlier transactional test
    may have flushed it)."""
    require_postgresql(connection)
    return database_url(connection)


def worker_env(db_url, broker, var_dir) -> dict:
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
        "DJANGO_SETTINGS_MODULE": "config.settings.local",
        "DJANGO_SECRET_KEY": "retention-tests-not-secret",
        "DJANGO_DEBUG": "false",
        "DATABASE_URL": db_url,
        "DJANGO_CONN_MAX_AGE": "0",
        "CELERY_BROKER_URL": broker.url,
        "BREACHCLOCK_VAR_DIR": str(var_dir),
        "RETENTION_PURGE_SECONDS": "1",
        "REMINDER_DISPATCH_SECONDS": "3600",
        "LOG_LEVEL": "INFO",
    }


def test_beat_purges_expired_cases_only(
    pg_db,
    redis,  # noqa: F811 - the fixture imported above
    tmp_path,
    settings,
    counsel,
    responder,  # noqa: F811 - the fixture
):
    from retention.models import LegalHold

    var_dir = tmp_path / "var"
    settings.MEDIA_ROOT = var_dir / "media"  # the worker's MEDIA_ROOT: the files we write are its
    # Today (the worker's clock) is well past 2025 for the cases closed in 2019, before 2029.
    expired = closed_case(
        counsel,
        datetime(2019, 5, 2, 9, tzinfo=UTC),
        title="Expired",
        team=[(responder, "responder")],
    )
    also_expired = closed_case(counsel, datetime(2020, 8, 1, 9, tzinfo=UTC), title="Also expired")
    kept = closed_case(counsel, datetime.now(UTC).replace(microsecond=0), title="Kept")
    held = closed_case(counsel, datetime(2019, 5, 2, 9, tzinfo=UTC), title="Held")
    LegalHold.objects.create(incident=held, reason="Litigation: Doe v. Shop", set_by=counsel)
    paths = {a.incident_id: a.file.path for a in Attachment.objects.all()}
    assert all(os.path.exists(p) for p in paths.values())

    worker = Worker(worker_env(pg_db, redis, var_dir), tmp_path).start()
    try:
        deadline = time.monotonic() + 90
        while CasePurge.objects.count() < 2 and time.monotonic() < deadline:
            time.sleep(0.5)
        time.sleep(3)  # a few more beat runs: they must change nothing more
    finally:
        worker.stop()
    assert CasePurge.objects.count() == 2, worker.tail()

    purged = {p.incident_id for p in CasePurge.objects.all()}
    assert purged == {expired.pk, also_expired.pk}
    for case in (expired, also_expired):
        attachment = Attachment.objects.get(incident=case)
        assert attachment.file.name == "" and attachment.name == REMOVED_NAME
        assert not os.path.exists(paths[case.pk])
        assert Note.objects.get(incident=case, personal=True).text == ""
        assert Note.objects.get(incident=case, personal=False).text == "Forensics engaged."
        audit = AuditEvent.objects.filter(incident_id=case.pk, action="personal_data_purged")
        assert audit.count() == 1 and audit.get().actor_username == ""
    for case in (kept, held):
        attachment = Attachment.objects.get(incident=case)
        assert attachment.name == "affected-people.csv" and os.path.exists(paths[case.pk])
        assert "Ada Lovelace" in Note.objects.get(incident=case, personal=True).text
        assert not AuditEvent.objects.filter(incident_id=case.pk, action="personal_data_purged")


def test_postgresql_refuses_deletion_from_a_held_case(pg_db, counsel, settings, tmp_path):
    from retention.models import LegalHold

    settings.MEDIA_ROOT = tmp_path / "media"
    held = closed_case(counsel, datetime(2019, 5, 2, 9, tzinfo=UTC), title="Held")
    LegalHold.objects.create(incident=held, reason="Subpoena", set_by=counsel)
    for sql in (
        "DELETE FROM incidents_note WHERE incident_id = %s",
        "UPDATE incidents_note SET text = '' WHERE incident_id = %s",
        "UPDATE incidents_attachment SET file = '' WHERE incident_id = %s",
        "DELETE FROM incidents_attachment WHERE incident_id = %s",
        "DELETE FROM incidents_incident WHERE id = %s",
    ):
        with pytest.raises(DatabaseError, match="legal hold"):
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute(sql, [held.pk])
    assert Note.objects.filter(incident=held).count() == 2
    # Lifted, the same statement goes through.
    LegalHold.objects.filter(incident=held).update(lifted_at=datetime.now(UTC))
    with connection.cursor() as cursor:
        cursor.execute(
            "DELETE FROM incidents_note WHERE incident_id = %s AND NOT personal", [held.pk]
        )
    assert Note.objects.filter(incident=held).count() == 1
