"""The database side of "append-only": a PostgreSQL trigger, and optional privilege revocation.

The trigger refuses UPDATE, DELETE and TRUNCATE on the audit table whoever runs them, superuser
included (unless they drop the trigger, which needs the table owner). Where the application
connects as its own role (``AUDIT_DB_APP_ROLE``), that role is also left with only SELECT and
INSERT, so even a dropped trigger would not let it rewrite history.

One narrow exception exists for the test suite: Django's test runner empties every table with a
single TRUNCATE between transactional tests. TRUNCATE is let through only in a database whose
name starts with ``test_`` AND on a connection that set ``breachclock.audit_test_flush``, which
only ``allow_test_flush`` below does, for Django's own test databases.
"""

TABLE = "audit_auditevent"

INSTALL_TRIGGER = f"""
CREATE OR REPLACE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'TRUNCATE'
       AND current_database() LIKE 'test\\_%'
       AND current_setting('breachclock.audit_test_flush', true) = 'on' THEN
        RETURN NULL;
    END IF;
    RAISE EXCEPTION 'the audit trail is append-only: % on % is refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;
DROP TRIGGER IF EXISTS audit_refuse_update_delete ON {TABLE};
CREATE TRIGGER audit_refuse_update_delete BEFORE UPDATE OR DELETE ON {TABLE}
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
DROP TRIGGER IF EXISTS audit_refuse_truncate ON {TABLE};
CREATE TRIGGER audit_refuse_truncate BEFORE TRUNCATE ON {TABLE}
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
"""

REMOVE_TRIGGER = f"""
DROP TRIGGER IF EXISTS audit_refuse_update_delete ON {TABLE};
DROP TRIGGER IF EXISTS audit_refuse_truncate ON {TABLE};
DROP FUNCTION IF EXISTS audit_refuse_change();
"""


def grant_app_role(cursor, role: str) -> None:
    """Leave ``role`` able to read and append audit events, and nothing more."""
    quoted = _quote_ident(cursor, role)
    # The id is an identity column: INSERT needs no separate right on its sequence.
    cursor.execute(f"REVOKE ALL ON {TABLE} FROM {quoted}")
    cursor.execute(f"GRANT SELECT, INSERT ON {TABLE} TO {quoted}")


def _quote_ident(cursor, name: str) -> str:
    cursor.execute("SELECT quote_ident(%s)", [name])
    return cursor.fetchone()[0]


def install(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return  # elsewhere (SQLite for development) the model and queryset refuse changes
    from django.conf import settings

    with schema_editor.connection.cursor() as cursor:
        cursor.execute(INSTALL_TRIGGER)
        if settings.AUDIT_DB_APP_ROLE:
            grant_app_role(cursor, settings.AUDIT_DB_APP_ROLE)


def uninstall(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(REMOVE_TRIGGER)


def allow_test_flush(sender, connection, **kwargs):
    """On Django's test databases only, let the test runner's flush TRUNCATE the table."""
    if connection.vendor == "postgresql" and str(connection.settings_dict["NAME"]).startswith(
        "test_"
    ):
        with connection.cursor() as cursor:
            cursor.execute("SET breachclock.audit_test_flush = 'on'")
