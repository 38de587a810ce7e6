"""A legal hold blocks every deletion from its case: in Python and, on PostgreSQL, in the database.

Python: ``pre_delete`` receivers on the case, its files and its notes refuse the deletion
(cascades included: Django sends the signal for every row it is about to delete), whichever
code path asks - a view, the admin, the shell, a management command.

PostgreSQL: a trigger refuses DELETE of those rows, and UPDATE of a file's stored name or a
note's text, while the case has a standing hold - the last line, for code that bypasses the ORM.
Facts (events, affected counts) may still change on a held case: every change is kept with its
before and after in the append-only case timeline, so nothing is lost.
"""

from __future__ import annotations

from django.db.models.signals import pre_delete

HELD_TABLES = {
    # table: (column holding the case id, columns an UPDATE may not change while on hold)
    "incidents_incident": ("id", ()),
    "incidents_attachment": ("incident_id", ("file", "name")),
    "incidents_note": ("incident_id", ("text",)),
}


def _refuse_if_held(sender, instance, **kwargs):
    from .actions import LegalHoldError
    from .selectors import on_hold

    incident_id = instance.pk if sender._meta.label_lower == "incidents.incident" else None
    incident_id = incident_id or getattr(instance, "incident_id", None)
    if incident_id and on_hold(incident_id):
        raise LegalHoldError(
            f"{sender._meta.verbose_name} {instance.pk}: the case is on legal hold, nothing of "
            "it may be deleted until the hold is lifted"
        )


def connect() -> None:
    from incidents.models import Attachment, Incident, Note

    for model in (Incident, Attachment, Note):
        pre_delete.connect(
            _refuse_if_held, sender=model, dispatch_uid=f"legal_hold_{model._meta.model_name}"
        )


def _trigger_sql(table: str, case_column: str, guarded: tuple[str, ...]) -> str:
    changed = " OR ".join(f"NEW.{c} IS DISTINCT FROM OLD.{c}" for c in guarded) or "FALSE"
    events = "UPDATE OR DELETE" if guarded else "DELETE"
    # Names come from HELD_TABLES above, never from input.
    return f"""
CREATE OR REPLACE FUNCTION {table}_legal_hold() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (TG_OP = 'DELETE' OR ({changed}))
       AND EXISTS (SELECT 1 FROM retention_legalhold h
                   WHERE h.incident_id = OLD.{case_column} AND h.lifted_at IS NULL) THEN
        RAISE EXCEPTION 'case % is on legal hold: % on % is refused',
            OLD.{case_column}, TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
END
$$;
DROP TRIGGER IF EXISTS {table}_legal_hold ON {table};
CREATE TRIGGER {table}_legal_hold BEFORE {events} ON {table}
    FOR EACH ROW EXECUTE FUNCTION {table}_legal_hold();
"""  # noqa: S608


def install(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return  # elsewhere the pre_delete receivers above are the guard
    # A plain cursor, no parameters: the "%" of RAISE must reach PL/pgSQL as written.
    with schema_editor.connection.cursor() as cursor:
        for table, (column, guarded) in HELD_TABLES.items():
            cursor.execute(_trigger_sql(table, column, guarded))


def uninstall(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in HELD_TABLES:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_legal_hold ON {table};")
        schema_editor.execute(f"DROP FUNCTION IF EXISTS {table}_legal_hold();")
