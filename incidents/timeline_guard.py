"""The case timeline (``incidents_activity``) is append-only in the database, like the audit trail.

``Activity.save()``/``delete()`` already refuse; these triggers refuse raw SQL too, on PostgreSQL
and on SQLite, whoever runs it (short of dropping the trigger, which needs the table's owner):

* UPDATE is refused, except the one the schema itself makes: deleting an obligation sets
  ``obligation_id`` to NULL on its entries (``on_delete=SET_NULL``), every other column unchanged.
* DELETE and TRUNCATE are refused; a case with a timeline therefore cannot be deleted either.

The one exception is the test suite's flush between transactional tests (as for the audit trail):
on PostgreSQL a TRUNCATE in a ``test_*`` database on a connection that set
``breachclock.audit_test_flush`` (``audit.immutability.allow_test_flush``); on SQLite a DELETE
while ``flush_allowed()`` answers 1, which only the ``flush`` command does, on a test database
(``audit/management/commands/flush.py``). A connection without that function cannot delete at all.
"""

from __future__ import annotations

import contextlib
import threading

TABLE = "incidents_activity"
# Columns that must stay as they were when the only change allowed (obligation -> NULL) happens.
KEPT = ["id", "incident_id", "at", "actor_id", "kind", "summary", "before", "after", "request_id"]

PG_INSTALL = f"""
CREATE OR REPLACE FUNCTION timeline_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'TRUNCATE'
       AND current_database() LIKE 'test\\_%'
       AND current_setting('breachclock.audit_test_flush', true) = 'on' THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.obligation_id IS NULL
       AND ({", ".join(f"NEW.{c}" for c in KEPT)}) IS NOT DISTINCT FROM
           ({", ".join(f"OLD.{c}" for c in KEPT)}) THEN
        RETURN NEW;  -- an obligation was deleted (on_delete=SET_NULL)
    END IF;
    RAISE EXCEPTION 'the case timeline is append-only: % on % is refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;
DROP TRIGGER IF EXISTS timeline_refuse_update_delete ON {TABLE};
CREATE TRIGGER timeline_refuse_update_delete BEFORE UPDATE OR DELETE ON {TABLE}
    FOR EACH ROW EXECUTE FUNCTION timeline_refuse_change();
DROP TRIGGER IF EXISTS timeline_refuse_truncate ON {TABLE};
CREATE TRIGGER timeline_refuse_truncate BEFORE TRUNCATE ON {TABLE}
    FOR EACH STATEMENT EXECUTE FUNCTION timeline_refuse_change();
"""
PG_REMOVE = f"""
DROP TRIGGER IF EXISTS timeline_refuse_update_delete ON {TABLE};
DROP TRIGGER IF EXISTS timeline_refuse_truncate ON {TABLE};
DROP FUNCTION IF EXISTS timeline_refuse_change();
"""

_same = " AND ".join(f"NEW.{c} IS OLD.{c}" for c in KEPT)
SQLITE_INSTALL = [
    f"""
CREATE TRIGGER IF NOT EXISTS timeline_refuse_update BEFORE UPDATE ON {TABLE}
WHEN NOT (NEW.obligation_id IS NULL AND {_same})
BEGIN
    SELECT RAISE(ABORT, 'the case timeline is append-only: UPDATE on {TABLE} is refused');
END
""",
    f"""
CREATE TRIGGER IF NOT EXISTS timeline_refuse_delete BEFORE DELETE ON {TABLE}
WHEN breachclock_flush_allowed() IS NOT 1
BEGIN
    SELECT RAISE(ABORT, 'the case timeline is append-only: DELETE on {TABLE} is refused');
END
""",
]
SQLITE_REMOVE = [
    "DROP TRIGGER IF EXISTS timeline_refuse_update",
    "DROP TRIGGER IF EXISTS timeline_refuse_delete",
]


def install(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        # A cursor without parameters: the function's RAISE uses "%" placeholders of its own.
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(PG_INSTALL)
    elif vendor == "sqlite":
        for statement in SQLITE_INSTALL:
            schema_editor.execute(statement)


def uninstall(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(PG_REMOVE)
    elif vendor == "sqlite":
        for statement in SQLITE_REMOVE:
            schema_editor.execute(statement)


# -- SQLite: the flush permit ----------------------------------------------------------------------
_flushing = threading.local()


def flush_allowed() -> int:
    return 1 if getattr(_flushing, "on", False) else 0


@contextlib.contextmanager
def test_flush():
    """While Django's ``flush`` empties a test database, let it delete timeline rows."""
    _flushing.on = True
    try:
        yield
    finally:
        _flushing.on = False


def register_sqlite_function(sender, connection, **kwargs):
    """``connection_created``: give every SQLite connection the permit function."""
    if connection.vendor == "sqlite":
        connection.connection.create_function("breachclock_flush_allowed", 0, flush_allowed)
