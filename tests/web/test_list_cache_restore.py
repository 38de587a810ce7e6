"""A restored backup brings an older list token back with the older data: the list must then
show the older data, never a page computed later and kept under that token.

Committed for real (``transaction=True``): the token changes when a write commits.
"""

from __future__ import annotations

import pytest
from django.db import connection, transaction

from incidents import list_cache
from incidents.listing import page_of_cases
from incidents.models import Incident
from incidents.queries import CaseFilters
from tests.factories import IncidentFactory

pytestmark = pytest.mark.django_db(transaction=True)

TABLE = list_cache.TABLE


def token_rows():
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id, token FROM {TABLE} ORDER BY id")  # noqa: S608 - a constant
        return cursor.fetchall()


def restore(case, title, rows):
    """What restoring the backup does to this case and the token: both as they were."""
    with transaction.atomic():
        Incident.objects.unrestricted("test").filter(pk=case.pk).update(title=title)
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {TABLE}")  # noqa: S608
            for pk, token in rows:
                cursor.execute(f"INSERT INTO {TABLE} (id, token) VALUES (%s, %s)", [pk, token])  # noqa: S608


def titles(user):
    return [row.title for row in page_of_cases(user, CaseFilters(), 1).object_list]


def test_a_page_whose_rows_are_newer_than_its_token_is_not_kept(counsel, monkeypatch):
    case = IncidentFactory(owner=counsel, title="Before the backup")
    assert titles(counsel) == ["Before the backup"]
    backup = token_rows()  # the backup is taken here: this token, this title

    from incidents import listing

    real = listing._compute

    def a_write_commits_while_the_page_is_read(*args):
        # Another request renames the case between this request's token read and its rows.
        Incident.objects.unrestricted("test").filter(pk=case.pk).update(title="After the backup")
        return real(*args)

    from django.core.cache import caches

    caches[list_cache.CACHE_ALIAS].clear()
    monkeypatch.setattr(listing, "_compute", a_write_commits_while_the_page_is_read)
    # Read under the backup's token, rows from after it: shown, but not kept under that token.
    assert titles(counsel) == ["After the backup"]
    monkeypatch.setattr(listing, "_compute", real)

    restore(case, "Before the backup", backup)
    assert token_rows() == backup
    assert titles(counsel) == ["Before the backup"]
    assert titles(counsel) == ["Before the backup"]  # and now kept, from the restored rows


def test_an_empty_page_is_not_kept(counsel):
    assert titles(counsel) == []
    IncidentFactory(owner=counsel, title="First case")
    assert titles(counsel) == ["First case"]
