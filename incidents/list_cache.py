"""Case-list pages kept in memory until something they show changes.

The case list is the page people reload most, and with thousands of cases most of its cost is
the database finding, counting and ordering the cases a person may see. A page's rows (plain
values, not HTML: times and countdowns are rendered fresh for each request) are therefore kept
in the ``case_list`` cache under a key that includes a *version token*.

The token lives in ``incidents_caselistversion`` and database triggers replace it in every
transaction that writes a table a list page depends on (``WATCHED_TABLES``): cases, teams,
affected people, obligations, and users with their groups and permissions (names and who sees
every case). A writer's new token becomes visible exactly when its changes do, at commit, so a
reader never finds old rows under a current token; a rolled-back token is random and never
comes back. Nothing that bypasses Django (``QuerySet.update``, ``bulk_create``, SQL in a shell)
can forget to invalidate it.

On PostgreSQL, writers never wait for one another on the token: it is spread over slot rows and
a writer takes any slot no other transaction holds (``SKIP LOCKED``), adding one if all are
busy; the token is every slot's value. SQLite serialises writers anyway and uses one slot.

Not cached: reads inside a transaction (they may see their own uncommitted writes). A "deadline
within" page also changes with the clock, not only with the data: as time passes its window
takes in more cases (it never loses one without a write), so it is kept only until the moment
the next case's deadline enters it (PostgreSQL, where that moment comes with the page's
statement; elsewhere it is computed afresh).

Restoring a backup brings an older token back with the older data. That is safe because a page
is kept only under the token its own rows query saw (``token_in_query``): whatever a page kept
under a token shows, the database showed under that token, so the restored state's pages are
the restored state's. No restart is needed (README, "Restore").
"""

from __future__ import annotations

import hashlib
import logging
from datetime import UTC, datetime

from django.core.cache import caches
from django.core.cache.backends.dummy import DummyCache
from django.db import DatabaseError, connection
from django.db.models import TextField, Value
from django.db.models.expressions import RawSQL
from django.utils import timezone

logger = logging.getLogger(__name__)

CACHE_ALIAS = "case_list"
# A page's end of validity besides a write (``cached_page``): never, or not to be kept at all.
NO_END = datetime.max.replace(tzinfo=UTC)
NOT_KEPT = datetime.min.replace(tzinfo=UTC)
TABLE = "incidents_caselistversion"
WATCHED_TABLES = (
    "incidents_incident",
    "incidents_teammember",
    "incidents_affectedpopulation",
    "incidents_obligation",
    "auth_user",
    "auth_user_groups",
    "auth_user_user_permissions",
    "auth_group_permissions",
)

# Once per transaction (the setting is transaction-local and undone with a rolled-back
# savepoint): take a slot no one else holds, else add one, and give it a new random value. A
# REPEATABLE READ or SERIALIZABLE writer always adds a slot: updating one another transaction
# changed since its snapshot would fail it with a serialisation error.
PG_FUNCTION = f"""
CREATE OR REPLACE FUNCTION incidents_case_list_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    updated boolean := false;
BEGIN
    IF current_setting('breachclock.case_list_changed', true) = 'y' THEN
        RETURN NULL;
    END IF;
    IF current_setting('transaction_isolation') = 'read committed' THEN
        UPDATE {TABLE} SET token = gen_random_uuid()::text
         WHERE id = (SELECT id FROM {TABLE} ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED);
        updated := FOUND;
    END IF;
    IF NOT updated THEN
        INSERT INTO {TABLE} (token) VALUES (gen_random_uuid()::text);
    END IF;
    PERFORM set_config('breachclock.case_list_changed', 'y', true);
    RETURN NULL;
END
$$;
"""  # noqa: S608 - table names are constants
SQLITE_NEW_TOKEN = f"""
INSERT INTO {TABLE} (id, token) VALUES (1, lower(hex(randomblob(16))))
    ON CONFLICT (id) DO UPDATE SET token = excluded.token;
"""  # noqa: S608 - table names are constants


def _trigger_name(table: str, event: str = "") -> str:
    return f"{table}_lists_{event.lower()}".rstrip("_")


def install(apps, schema_editor):
    """Create the triggers (migration ``incidents.0007``)."""
    from django.conf import settings

    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(PG_FUNCTION)
        if settings.AUDIT_DB_APP_ROLE:
            # The triggers run as the writer: the application's own role must be able to
            # change the token (and read it) wherever it may write a case.
            with schema_editor.connection.cursor() as cursor:
                cursor.execute("SELECT quote_ident(%s)", [settings.AUDIT_DB_APP_ROLE])
                role = cursor.fetchone()[0]
            # (The id is an identity column: INSERT needs no right on a sequence.)
            schema_editor.execute(f"GRANT SELECT, INSERT, UPDATE ON {TABLE} TO {role}")
        for table in WATCHED_TABLES:
            name = _trigger_name(table)
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
            schema_editor.execute(
                f"CREATE TRIGGER {name} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table} "
                "FOR EACH STATEMENT EXECUTE FUNCTION incidents_case_list_changed()"
            )
    elif vendor == "sqlite":
        for table in WATCHED_TABLES:
            for event in ("INSERT", "UPDATE", "DELETE"):
                name = _trigger_name(table, event)
                schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}")
                schema_editor.execute(
                    f"CREATE TRIGGER {name} AFTER {event} ON {table} BEGIN {SQLITE_NEW_TOKEN} END"
                )
    # Elsewhere there are no triggers and no token: every list is computed afresh.


def uninstall(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        for table in WATCHED_TABLES:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {_trigger_name(table)} ON {table}")
        schema_editor.execute("DROP FUNCTION IF EXISTS incidents_case_list_changed()")
    elif vendor == "sqlite":
        for table in WATCHED_TABLES:
            for event in ("INSERT", "UPDATE", "DELETE"):
                schema_editor.execute(f"DROP TRIGGER IF EXISTS {_trigger_name(table, event)}")


def version_token() -> str | None:
    """The current token, or None when lists must not come from the cache."""
    if connection.in_atomic_block or connection.vendor not in ("postgresql", "sqlite"):
        return None
    try:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT token FROM {TABLE} ORDER BY id")  # noqa: S608 - a constant
            tokens = [row[0] for row in cursor.fetchall()]
    except DatabaseError:
        # E.g. a database role not granted the table yet: lists are computed, not cached.
        logger.warning("case lists are not cached: the version token cannot be read", exc_info=True)
        return None
    return ",".join(tokens) or None


def token_in_query():
    """The token as the statement it is part of sees it (an annotation for the page's rows query):
    a page is kept only under the token of the snapshot its rows came from."""
    if connection.vendor == "postgresql":
        sql = f"SELECT string_agg(token, ',' ORDER BY id) FROM {TABLE}"  # noqa: S608 - a constant
    elif connection.vendor == "sqlite":
        sql = f"SELECT group_concat(token, ',') FROM (SELECT token FROM {TABLE} ORDER BY id)"  # noqa: S608
    else:
        return Value(None, output_field=TextField())
    return RawSQL(sql, [], output_field=TextField())  # noqa: S611 - constant SQL, no input


def remember_permissions(user, token: str) -> None:
    """Give ``user`` the permissions kept under ``token``, or keep the ones read now.

    The page needs them (who sees every case; which links the menu shows) and they cannot change
    without changing the token: users, their groups and permissions are watched tables. Set as
    Django's backends keep them for a request (``_perm_cache``), so no check asks again.
    """
    if not getattr(user, "is_authenticated", False) or hasattr(user, "_perm_cache"):
        return
    cache = caches[CACHE_ALIAS]
    key = "case-list-perms:" + hashlib.sha256(repr((token, user.pk)).encode()).hexdigest()
    perms = cache.get(key)
    if perms is None:
        cache.set(key, user.get_all_permissions())
    else:
        user._perm_cache = perms


def cached_page(user, filters, number, compute):
    """``compute()``'s page (its plain data; ``compute`` also gives the token its rows query saw
    and until when the page holds without a write, None for as long as the token), or the copy
    kept for the same person, filters, page and version token while it holds.

    A page is kept only when its rows were read under the token read first: a write committed in
    between (a new token) means the rows may be newer than that token, and keeping them under it
    would serve them again if the token came back - which is what restoring a backup does (the
    token is restored with the data). So a restored database never gets a page from after its
    backup, without restarting anything.
    """
    if isinstance(caches[CACHE_ALIAS], DummyCache):
        # The list cache is off (``CASE_LIST_CACHE=false``): no token is worth a query.
        return compute()[0]
    token = version_token()
    if token is not None:
        remember_permissions(user, token)
    if token is None:
        return compute()[0]
    key = (
        "case-list:"
        + hashlib.sha256(repr((token, user.pk, filters, str(number))).encode()).hexdigest()
    )
    cache = caches[CACHE_ALIAS]
    kept = cache.get(key)
    if kept is not None:
        page, until = kept
        if until is None or timezone.now() < until:
            return page
    page, seen, until = compute()
    if seen == token and until != NOT_KEPT:
        cache.set(key, (page, until))
    return page
