"""The case list comes from memory only while nothing it shows has changed.

These tests commit for real (``transaction=True``): the version token is changed by database
triggers when a transaction commits, which is what a reader in another request sees. They run on
SQLite in the first CI pass and on PostgreSQL in the second, so both kinds of trigger are tested.
"""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import connection, connections, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from incidents import list_cache
from incidents.models import AffectedPopulation, Incident, Obligation, TeamMember
from tests.conftest import role_group
from tests.factories import IncidentFactory, ObligationFactory
from tests.services import require_postgresql

pytestmark = pytest.mark.django_db(transaction=True)

LIST = reverse("incidents:list")


def body(client, url=LIST) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def queries(client, url=LIST) -> int:
    with CaptureQueriesContext(connection) as ctx:
        client.get(url)
    return len(ctx.captured_queries)


def overdue_case(owner):
    case = IncidentFactory(owner=owner, title="Original title", affected={"DE": 40})
    ObligationFactory(incident=case, due_at=timezone.now() - timedelta(hours=3))
    return case


# change(case, counsel, responder) -> nothing; then (text that must appear, text that must not).
CHANGES = {
    "title changed by a bulk update": (
        lambda case, counsel, responder: (
            Incident.objects.unrestricted("test")
            .filter(pk=case.pk)
            .update(title="Renamed after triage")
        ),
        "Renamed after triage",
        "Original title",
    ),
    "status changed": (
        lambda case, counsel, responder: (
            Incident.objects.unrestricted("test").filter(pk=case.pk).update(status="closed")
        ),
        "badge-closed",
        "badge-triage",
    ),
    "a new case for me": (
        lambda case, counsel, responder: IncidentFactory(owner=counsel, reference="INC-2026-0777"),
        "INC-2026-0777",
        None,
    ),
    "taken off the team": (
        lambda case, counsel, responder: TeamMember.objects.filter(incident=case).delete(),
        "No cases",
        "Original title",
    ),
    "affected people added": (
        lambda case, counsel, responder: AffectedPopulation.objects.create(
            incident=case, jurisdiction="JP", count=12
        ),
        "DE, JP",
        None,
    ),
    "the overdue notice was sent": (
        lambda case, counsel, responder: Obligation.objects.filter(incident=case).update(
            status="notified"
        ),
        None,
        "1 overdue",
    ),
    "owner renamed": (
        lambda case, counsel, responder: (
            get_user_model().objects.filter(pk=counsel.pk).update(first_name="Renata")
        ),
        "Renata Counsel",
        "Carla Counsel",
    ),
}


@pytest.mark.parametrize("change", CHANGES)
def test_a_committed_change_shows_on_the_next_list(login, counsel, responder, change):
    apply, present, absent = CHANGES[change]
    case = overdue_case(counsel)
    client = login(counsel)
    first = body(client)
    assert "Original title" in first and "1 overdue" in first
    cold = queries(client, LIST + "?sort=title")
    warm = queries(client, LIST + "?sort=title")
    # Computed: session, user, token, permissions, count, rows, deadlines, places. Cached: the
    # first three.
    assert cold <= 8
    assert warm == 3, "the second identical request should come from the cache"

    apply(case, counsel, responder)

    after = body(client)
    if present:
        assert present in after
    if absent:
        assert absent not in after


def view_all_permission():
    return Permission.objects.get(
        codename="view_all_incidents", content_type__app_label="incidents"
    )


# (grant, revoke): both take the user; between them the user sees every case, after neither.
WIDER_VIEWS = {
    "privacy office group": (
        lambda user: user.groups.add(role_group("privacy office")),
        lambda user: user.groups.remove(role_group("privacy office")),
    ),
    "view-all permission on a group": (
        lambda user: user.groups.add(role_group("privacy office")),
        lambda user: role_group("privacy office").permissions.remove(view_all_permission()),
    ),
    "view-all permission on the user": (
        lambda user: user.user_permissions.add(view_all_permission()),
        lambda user: user.user_permissions.remove(view_all_permission()),
    ),
    "superuser": (
        lambda user: get_user_model().objects.filter(pk=user.pk).update(is_superuser=True),
        lambda user: get_user_model().objects.filter(pk=user.pk).update(is_superuser=False),
    ),
}


@pytest.mark.parametrize("how", WIDER_VIEWS)
def test_seeing_every_case_is_granted_and_taken_away_at_once(login, counsel, responder, how):
    grant, revoke = WIDER_VIEWS[how]
    IncidentFactory(owner=responder, reference="INC-2026-0500")
    client = login(counsel)
    assert "INC-2026-0500" not in body(client)
    grant(counsel)
    assert "INC-2026-0500" in body(client)
    revoke(counsel)
    assert "INC-2026-0500" not in body(client)


def test_two_people_with_the_same_filters_each_get_their_own_cases(client, counsel, responder):
    IncidentFactory(owner=counsel, reference="INC-2026-0601")
    IncidentFactory(owner=responder, reference="INC-2026-0602")
    for user, mine, theirs in (
        (counsel, "INC-2026-0601", "INC-2026-0602"),
        (responder, "INC-2026-0602", "INC-2026-0601"),
        (counsel, "INC-2026-0601", "INC-2026-0602"),
    ):
        client.force_login(user)
        page = body(client, LIST + "?sort=title")
        assert mine in page and theirs not in page


def test_a_write_after_a_rolled_back_savepoint_still_changes_the_token(counsel):
    case = overdue_case(counsel)
    before = list_cache.version_token()
    with transaction.atomic():
        with pytest.raises(RuntimeError), transaction.atomic():
            Incident.objects.unrestricted("test").filter(pk=case.pk).update(title="Undone")
            raise RuntimeError("savepoint rolled back")
        Incident.objects.unrestricted("test").filter(pk=case.pk).update(title="Kept")
    assert list_cache.version_token() != before


def test_a_rolled_back_write_leaves_the_token_and_the_list_alone(login, counsel):
    overdue_case(counsel)
    client = login(counsel)
    body(client)
    token = list_cache.version_token()
    assert token
    with pytest.raises(RuntimeError), transaction.atomic():
        Incident.objects.unrestricted("test").update(title="Never committed")
        raise RuntimeError("rolled back")
    assert list_cache.version_token() == token
    assert "Never committed" not in body(client)
    assert queries(client) == 3  # still the page kept before the rolled-back write


def test_every_committed_write_to_a_watched_table_gives_a_new_token(counsel):
    case = overdue_case(counsel)
    seen = {list_cache.version_token()}
    for write in (
        lambda: Incident.objects.unrestricted("test").filter(pk=case.pk).update(severity="low"),
        lambda: TeamMember.objects.filter(incident=case).update(role="counsel"),
        lambda: AffectedPopulation.objects.filter(incident=case).update(count=41),
        lambda: Obligation.objects.filter(incident=case).update(authority="Another"),
        lambda: get_user_model().objects.filter(pk=counsel.pk).update(last_name="C."),
        lambda: counsel.groups.clear(),
    ):
        write()
        token = list_cache.version_token()
        assert token not in seen
        seen.add(token)


def test_no_cache_inside_a_transaction(counsel):
    overdue_case(counsel)
    with transaction.atomic():
        assert list_cache.version_token() is None


def test_a_deadline_window_is_kept_until_the_next_deadline_enters_it(login, counsel):
    """As time passes the window takes in more cases: a kept page must not outlive that."""
    now = timezone.now()
    soon = IncidentFactory(owner=counsel, title="Due within the day")
    ObligationFactory(incident=soon, due_at=now + timedelta(hours=1))
    later = IncidentFactory(owner=counsel, title="Due in a day and five minutes")
    ObligationFactory(incident=later, due_at=now + timedelta(hours=24, minutes=5))
    client = login(counsel)
    url = LIST + "?due_within=24h"
    first = body(client, url)
    assert "Due within the day" in first
    assert "Due in a day and five minutes" not in first
    if connection.vendor == "postgresql":
        # The statement that found the page said when it stops being right: kept until then.
        assert queries(client, url) == 3  # session, user, version token
    else:
        # Elsewhere that moment would cost a query of its own: computed every time.
        assert queries(client, url) == queries(client, url) > 3
    with time_machine.travel(now + timedelta(minutes=6), tick=True):
        shown = body(client, url)
    assert "Due within the day" in shown
    assert "Due in a day and five minutes" in shown


@pytest.mark.services
def test_a_deadline_window_no_other_case_can_enter_is_kept(login, counsel):
    require_postgresql(connection)
    case = IncidentFactory(owner=counsel, title="Overdue already")
    ObligationFactory(incident=case, due_at=timezone.now() - timedelta(hours=2))
    client = login(counsel)
    url = LIST + "?due_within=24h&q=Overdue"
    assert "Overdue already" in body(client, url)
    assert queries(client, url) == 3


@pytest.mark.services
def test_writers_on_postgresql_never_wait_for_each_other_on_the_token(counsel):
    """Two open transactions write cases at once: the second takes another slot (SKIP LOCKED)
    instead of waiting for the first to commit; once both commit, the token has changed."""
    require_postgresql(connection)
    first, second = overdue_case(counsel), overdue_case(counsel)
    before = list_cache.version_token()
    holding = threading.Event()
    release = threading.Event()
    errors: list[BaseException] = []

    def hold_a_slot():
        try:
            with transaction.atomic():
                Incident.objects.unrestricted("test").filter(pk=first.pk).update(title="Writer one")
                holding.set()
                release.wait(10)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    thread = threading.Thread(target=hold_a_slot)
    thread.start()
    assert holding.wait(10)
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            # Waiting for writer one would fail this statement instead of hanging the test.
            cursor.execute("SET LOCAL lock_timeout = '2s'")
            Incident.objects.unrestricted("test").filter(pk=second.pk).update(title="Writer two")
        # Writer two committed while writer one is still open: its change alone is visible.
        after_two = list_cache.version_token()
        assert after_two != before
    finally:
        release.set()
        thread.join(10)
    assert not errors
    assert list_cache.version_token() not in (before, after_two)
    assert Incident.objects.unrestricted("test").filter(title__startswith="Writer").count() == 2


@pytest.mark.services
def test_the_applications_own_database_role_may_change_the_token(counsel, settings):
    """Where the application connects with a role of its own (audit/README.md), migration 0007
    grants it the token table: its writes to cases must not fail on the trigger."""
    require_postgresql(connection)
    case = overdue_case(counsel)
    role = "breachclock_list_test_app"
    with connection.cursor() as cursor:
        cursor.execute(f"DROP ROLE IF EXISTS {role}")
        cursor.execute(f"CREATE ROLE {role} NOLOGIN")
        cursor.execute(f"GRANT SELECT, UPDATE ON incidents_incident TO {role}")
    settings.AUDIT_DB_APP_ROLE = role
    try:
        with connection.schema_editor() as editor:
            list_cache.install(None, editor)
        before = list_cache.version_token()
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL ROLE {role}")
            cursor.execute(
                "UPDATE incidents_incident SET title = 'By the app role' WHERE id = %s", [case.pk]
            )
        assert list_cache.version_token() != before
    finally:
        with connection.cursor() as cursor:
            cursor.execute(
                f"REVOKE ALL ON incidents_incident, incidents_caselistversion FROM {role}"
            )
            cursor.execute(f"DROP ROLE {role}")


def test_with_the_list_cache_off_every_page_is_computed_and_no_token_is_read(
    login, counsel, settings
):
    # CASE_LIST_CACHE=false: the way out if the cache misbehaves, and the benchmark's uncached run.
    settings.CACHES = {
        **settings.CACHES,
        "case_list": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }
    case = overdue_case(counsel)
    client = login(counsel)
    assert "Original title" in body(client)
    Incident.objects.unrestricted("test").filter(pk=case.pk).update(title="Renamed")
    assert "Renamed" in body(client)
    with CaptureQueriesContext(connection) as ctx:
        client.get(LIST)
    # No statement of its own for the token: nothing is kept under it.
    assert not [q for q in ctx.captured_queries if q["sql"].startswith("SELECT token")]
