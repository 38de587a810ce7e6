"""The application's PostgreSQL role (``manage.py grant_app_role``) cannot UPDATE or DELETE the
audit trail or the case timeline, even with the triggers gone; it can do the rest of its work."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction

from audit.choices import Action
from audit.recording import record
from incidents import actions
from tests.factories import ObligationFactory
from tests.services import require_postgresql

pytestmark = [pytest.mark.services, pytest.mark.django_db]
ROLE = "breachclock_app_role_test"


@pytest.fixture
def app_role():
    require_postgresql(connection)
    with connection.cursor() as cursor:
        cursor.execute(
            f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{ROLE}') THEN "
            f"CREATE ROLE {ROLE} NOLOGIN; END IF; END $$"
        )
    call_command("grant_app_role", ROLE)
    yield ROLE
    with connection.cursor() as cursor:
        cursor.execute("RESET ROLE")
        cursor.execute(f"DROP OWNED BY {ROLE}")
        cursor.execute(f"DROP ROLE {ROLE}")


def as_app(sql, params=None):
    """Run ``sql`` as the app role, in a savepoint (a refusal rolls it back, role included)."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"SET LOCAL ROLE {ROLE}")
        cursor.execute(sql, params)
        rows = cursor.fetchall() if cursor.description else None
        # SET LOCAL outlives a released savepoint inside the test's transaction.
        cursor.execute("RESET ROLE")
        return rows


@pytest.fixture
def rows(case, counsel):
    obligation = ObligationFactory(incident=case)
    entry = actions.log_activity(
        case, "note_added", "Note added", actor=counsel, obligation=obligation
    )
    event = record(Action.CHANGE, actor=counsel, obj=case, incident=case, summary="x")
    return {"entry": entry, "event": event, "obligation": obligation, "case": case}


@pytest.mark.parametrize(
    "sql, key",
    [
        ("UPDATE audit_auditevent SET summary = 'rewritten' WHERE id = %s", "event"),
        ("DELETE FROM audit_auditevent WHERE id = %s", "event"),
        ("UPDATE incidents_activity SET summary = 'rewritten' WHERE id = %s", "entry"),
        ("DELETE FROM incidents_activity WHERE id = %s", "entry"),
        ("TRUNCATE incidents_activity, audit_auditevent", None),
        ("DROP TRIGGER timeline_refuse_update_delete ON incidents_activity", None),
    ],
)
def test_the_app_role_cannot_rewrite_history(app_role, rows, sql, key):
    params = [rows[key].pk] if key else None
    with pytest.raises(DatabaseError, match="permission denied|must be owner"):
        as_app(sql, params)


def test_the_app_role_does_its_work(app_role, rows):
    assert as_app("SELECT count(*) FROM incidents_activity")[0][0] >= 1
    as_app("UPDATE incidents_incident SET title = 'Renamed' WHERE id = %s", [rows["case"].pk])
    as_app(
        "INSERT INTO audit_auditevent (at, action, actor_username, object_type, object_id, "
        "object_repr, summary, request_id, user_agent) "
        "VALUES (now(), 'login', 'x', '', '', '', '', '', '')"
    )
    # Deleting an obligation unlinks its timeline entries (on_delete=SET_NULL): allowed.
    as_app(
        "UPDATE incidents_activity SET obligation_id = NULL WHERE obligation_id = %s",
        [rows["obligation"].pk],
    )
