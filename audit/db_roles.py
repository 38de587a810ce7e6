"""The application's own PostgreSQL role: everything it needs, and no way to rewrite history.

Migrations run as the tables' owner; the web server, worker and beat connect as a separate role
(docker-compose.yml, README "Production"). After each ``migrate`` the owner runs
``manage.py grant_app_role <role>``, which gives that role:

* read and write on every table and sequence (what the product does through the ORM), but not
  TRUNCATE, REFERENCES or TRIGGER, and no right to change the schema (it owns nothing);
* on the audit trail (``audit_auditevent``): SELECT and INSERT only;
* on the case timeline (``incidents_activity``): SELECT and INSERT, plus UPDATE of the one column
  the schema itself changes (``obligation_id``, set to NULL when an obligation is deleted).

The append-only triggers hold for everyone, owner included; the grants mean that even without
them the application could not UPDATE or DELETE those rows. A PostgreSQL superuser, or the
owner, can still drop the triggers and rewrite the tables: see the README.
"""

from __future__ import annotations

from audit.immutability import grant_app_role as restrict_audit_table

TIMELINE = "incidents_activity"


def _quote(cursor, name: str) -> str:
    cursor.execute("SELECT quote_ident(%s)", [name])
    return cursor.fetchone()[0]


def grant(cursor, role: str) -> None:
    quoted = _quote(cursor, role)
    cursor.execute(f"GRANT USAGE ON SCHEMA public TO {quoted}")
    cursor.execute(
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {quoted}"
    )
    cursor.execute(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {quoted}")
    # The application reads which migrations ran; it never records one.
    cursor.execute(f"REVOKE INSERT, UPDATE, DELETE ON django_migrations FROM {quoted}")
    restrict_audit_table(cursor, role)
    cursor.execute(f"REVOKE ALL ON {TIMELINE} FROM {quoted}")
    cursor.execute(f"GRANT SELECT, INSERT ON {TIMELINE} TO {quoted}")
    cursor.execute(f"GRANT UPDATE (obligation_id) ON {TIMELINE} TO {quoted}")
