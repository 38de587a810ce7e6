"""The case timeline is protected like the audit trail: the database refuses UPDATE and DELETE of
``incidents_activity`` rows, on SQLite and on PostgreSQL (raw SQL, not only the model)."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, connection, transaction

from incidents import actions
from incidents.models import Activity, Obligation
from tests.factories import ObligationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry(case, counsel):
    return actions.log_activity(case, "note_added", "Privileged note added", actor=counsel)


def _refused(sql, params):
    with pytest.raises(DatabaseError, match="append-only"):
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, params)


def test_raw_update_is_refused(entry):
    _refused("UPDATE incidents_activity SET summary = %s WHERE id = %s", ["rewritten", entry.pk])
    entry.refresh_from_db()
    assert entry.summary == "Privileged note added"


def test_raw_delete_is_refused(entry):
    _refused("DELETE FROM incidents_activity WHERE id = %s", [entry.pk])
    assert Activity.objects.filter(pk=entry.pk).exists()


def test_queryset_bulk_writes_are_refused_too(entry):
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        Activity.objects.filter(pk=entry.pk).update(kind="status_changed")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        Activity.objects.filter(pk=entry.pk)._raw_delete(connection.alias)


def test_deleting_an_obligation_still_unlinks_its_entries(case, counsel):
    """The one UPDATE the schema makes (on_delete=SET_NULL): every other column kept."""
    obligation = ObligationFactory(incident=case)
    logged = actions.log_activity(
        case, "notified", "Notified", actor=counsel, obligation=obligation
    )
    Obligation.objects.filter(pk=obligation.pk).delete()
    logged.refresh_from_db()
    assert logged.obligation_id is None and logged.summary == "Notified"


def test_a_case_with_a_timeline_cannot_be_deleted(case, entry):
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        case.delete()
