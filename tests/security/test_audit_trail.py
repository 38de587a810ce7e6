"""The audit trail is append-only, in Python and (on PostgreSQL) in the database itself."""

import pytest
from django.db import DatabaseError, connection, transaction
from django.test import RequestFactory

from audit.choices import Action
from audit.context import reset_current_request, set_current_request
from audit.models import AuditEvent, AuditTrailImmutable
from audit.recording import record
from tests.services import require_postgresql

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(responder):
    return record(
        Action.CHANGE,
        actor=responder,
        obj=responder,
        incident_id=7,
        before={"title": "old"},
        after={"title": "new"},
        summary="title changed",
    )


def test_record_keeps_who_what_before_after(event, responder):
    stored = AuditEvent.objects.get(pk=event.pk)
    assert stored.actor_id == responder.pk
    assert stored.actor_username == "rui.responder"
    assert stored.object_type == "auth.user"
    assert stored.incident_id == 7
    assert stored.before == {"title": "old"} and stored.after == {"title": "new"}


def test_record_takes_request_id_address_and_user_from_the_request_served(responder):
    request = RequestFactory().get("/", REMOTE_ADDR="203.0.113.9", HTTP_USER_AGENT="probe/1")
    request.request_id = "req-0123456789"
    request.user = responder
    token = set_current_request(request)
    try:
        stored = record(Action.CASE_VIEWED, incident_id=3)
    finally:
        reset_current_request(token)
    assert stored.request_id == "req-0123456789"
    assert str(stored.ip_address) == "203.0.113.9"
    assert stored.user_agent == "probe/1"
    assert stored.actor_username == "rui.responder"


def test_every_response_carries_a_request_id(client):
    response = client.get("/health/")
    assert len(response["X-Request-ID"]) >= 16
    echoed = client.get("/health/", HTTP_X_REQUEST_ID="proxy-id-12345678")
    assert echoed["X-Request-ID"] == "proxy-id-12345678"
    hostile = client.get("/health/", HTTP_X_REQUEST_ID="<script>alert(1)</script>")
    assert "<" not in hostile["X-Request-ID"]


def test_model_refuses_to_save_an_existing_event(event):
    event.summary = "rewritten"
    with pytest.raises(AuditTrailImmutable):
        event.save()
    assert AuditEvent.objects.get(pk=event.pk).summary == "title changed"


def test_model_refuses_delete(event):
    with pytest.raises(AuditTrailImmutable):
        event.delete()
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_queryset_refuses_update_and_delete(event):
    with pytest.raises(AuditTrailImmutable):
        AuditEvent.objects.filter(pk=event.pk).update(summary="gone")
    with pytest.raises(AuditTrailImmutable):
        AuditEvent.objects.all().delete()
    with pytest.raises(AuditTrailImmutable):
        AuditEvent.objects.bulk_update([event], ["summary"])
    assert AuditEvent.objects.get(pk=event.pk).summary == "title changed"


@pytest.mark.services
@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE audit_auditevent SET summary = 'rewritten'",
        "UPDATE audit_auditevent SET actor_username = 'someone else' WHERE id = %s",
        "DELETE FROM audit_auditevent WHERE id = %s",
        "DELETE FROM audit_auditevent",
        "TRUNCATE audit_auditevent",
    ],
)
def test_postgresql_trigger_refuses_raw_sql_changes(event, sql):
    """Raw SQL goes around the model; the trigger still refuses (even for a superuser)."""
    require_postgresql(connection)
    params = [event.pk] if "%s" in sql else None
    with pytest.raises(DatabaseError, match="append-only"):
        with transaction.atomic(), connection.cursor() as cursor:
            # The test runner's flush exception is switched off, as on any real connection.
            cursor.execute("SET LOCAL breachclock.audit_test_flush = 'off'")
            cursor.execute(sql, params)
    stored = AuditEvent.objects.get(pk=event.pk)
    assert (stored.summary, stored.actor_username) == ("title changed", "rui.responder")


@pytest.mark.services
def test_postgresql_app_role_may_only_read_and_append(event):
    """With AUDIT_DB_APP_ROLE configured, the app's own role is denied UPDATE and DELETE."""
    require_postgresql(connection)
    from audit.immutability import grant_app_role

    role = "breachclock_audit_test_app"
    with connection.cursor() as cursor:
        cursor.execute(f"DROP ROLE IF EXISTS {role}")
        cursor.execute(f"CREATE ROLE {role} NOLOGIN")
    try:
        with connection.cursor() as cursor:
            grant_app_role(cursor, role)
        for sql in ("UPDATE audit_auditevent SET summary = 'x'", "DELETE FROM audit_auditevent"):
            with pytest.raises(DatabaseError, match="permission denied"):
                with transaction.atomic(), connection.cursor() as cursor:
                    cursor.execute(f"SET LOCAL ROLE {role}")
                    cursor.execute(sql)
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL ROLE {role}")
            cursor.execute("SELECT count(*) FROM audit_auditevent")
            assert cursor.fetchone()[0] >= 1
            # SET LOCAL outlives a released savepoint inside the test's transaction.
            cursor.execute("RESET ROLE")
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"REVOKE ALL ON audit_auditevent FROM {role}")
            cursor.execute(f"DROP ROLE {role}")


def test_sign_in_success_and_failure_are_recorded(client, responder):
    from tests.security.conftest import PASSWORD, login_url

    responder.is_staff = True  # the admin's sign-in page also serves while no other is routed
    responder.save()
    client.post(login_url(), {"username": "rui.responder", "password": "wrong password"})
    failed = AuditEvent.objects.get(action=Action.LOGIN_FAILED)
    assert failed.actor_username == "rui.responder" and failed.actor_id is None
    assert failed.ip_address == "127.0.0.1"
    assert "wrong password" not in str(failed.__dict__)

    client.post(
        login_url(), {"username": "rui.responder", "password": PASSWORD, "next": "/health/"}
    )
    success = AuditEvent.objects.get(action=Action.LOGIN)
    assert success.actor_id == responder.pk
    assert success.request_id


@pytest.mark.django_db(transaction=True)
def test_test_runner_can_still_empty_the_database_between_tests(responder):
    """Transactional tests end with a flush (TRUNCATE on PostgreSQL): the trigger lets only
    that through, only on a test_* database, so this test's teardown must not fail."""
    record(Action.CHANGE, actor=responder, summary="left for the flush")
    assert AuditEvent.objects.count() >= 1
