"""The case list's "which cases, in which order" as PostgreSQL text, for ``list_query``.

``CaseFilters.apply`` on ``Incident.objects.visible_to(user)`` says the same through the ORM, and
the API and SQLite still use it. On the page people reload most, putting that queryset together
and compiling it cost more than PostgreSQL spent running it (about 2.5 ms a page against 1 to 5),
so the list's statement is written here from the same pieces:

* who may see a case: ``IncidentQuerySet.visibility_sql``, next to ``visible_to`` and tested
  against it;
* each filter as ``CaseFilters.apply`` reads it (the same columns, lookups and indexes: the
  trigram search compares ``UPPER(column::text)`` as ``icontains`` does);
* the order: ``SORTS`` compiled by the ORM once per sort key; unfiltered and in the order cases
  were opened, a team member's ids come from the team table alone (``_TEAM_ORDERS``).

``tests/web/test_list_sql.py`` checks, filter by filter and user by user, that the ids come back
as the ORM lists them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from functools import cache

from django.contrib.auth import get_user_model
from django.db import connection

from .models import AffectedPopulation, Incident, Obligation, TeamMember
from .queries import DEFAULT_SORT, SORTS, CaseFilters, owner_id, searchable


def _table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


_CASE = _table(Incident)


@dataclass(frozen=True)
class Statement:
    sql: str
    params: tuple = ()


@dataclass(frozen=True)
class CaseIds:
    """The ordered ids of the matching cases (``ids``: slice it with LIMIT / OFFSET), a statement
    whose rows count them, and for a deadline window the earliest deadline about to enter it."""

    ids: Statement
    counted: Statement
    later: Statement | None


def case_ids(user, filters: CaseFilters, now: datetime) -> CaseIds:
    """``queries.case_ids`` written out: the same cases in the same order."""
    visible = Statement(*Incident.objects.visibility_sql(user))
    where = _where(visible, filters, now)
    ids = Statement(
        f'SELECT {_CASE}."id" FROM {_CASE} WHERE {where.sql} ORDER BY {_order(filters)}',  # noqa: S608 - built from constants
        where.params + _order_params(filters),
    )
    if filters == CaseFilters(sort=filters.sort) and visible.sql not in ("TRUE", "FALSE"):
        # Someone who sees their team's cases, unfiltered (not the office, who sees every case,
        # nor someone who may see none): "how many cases am I on" is answered by the team index
        # alone (as ``queries.case_ids``), and so, in the order cases were opened, are the ids.
        team = _table(TeamMember)
        counted = Statement(f'SELECT 1 FROM {team} WHERE "user_id" = %s', (user.pk,))  # noqa: S608
        sort = filters.sort if filters.sort in SORTS else DEFAULT_SORT
        if (order := _TEAM_ORDERS.get(sort)) is not None:
            ids = Statement(
                f'SELECT "incident_id" FROM {team} WHERE "user_id" = %s ORDER BY {order}',  # noqa: S608
                (user.pk,),
            )
    else:
        counted = Statement(f"SELECT 1 FROM {_CASE} WHERE {where.sql}", where.params)  # noqa: S608
    later = None
    if filters.due_within is not None:
        # The earliest deadline the window does not show yet but would with the other filters.
        others = _where(visible, replace(filters, due_within=None), now)
        later = Statement(
            f'SELECT {_CASE}."next_due_at" FROM {_CASE} WHERE {others.sql}'  # noqa: S608
            f' AND {_CASE}."next_due_at" > %s ORDER BY {_CASE}."next_due_at" LIMIT 1',
            (*others.params, now + filters.due_within),
        )
    return CaseIds(ids, counted, later)


# ``SORTS["-created"]`` and ``SORTS["created"]`` on the team table: each team row carries its
# case's ``created_at`` (``case_created_at``, kept by triggers; migration 0023), and the index
# ``team_user_case_created`` reads either order without touching the cases.
_TEAM_ORDERS = {
    "-created": '"case_created_at" DESC, "incident_id" DESC',
    "created": '"case_created_at" ASC, "incident_id" ASC',
}


def _where(visible: Statement, filters: CaseFilters, now: datetime) -> Statement:
    """``visible`` AND each filter that is set, as ``CaseFilters.apply`` reads it."""
    # Text a database cannot compare (NUL, lone surrogates) matches nothing, never errors.
    for value in (filters.jurisdiction, filters.owner, filters.q):
        if isinstance(value, str) and not searchable(value):
            return Statement("FALSE")
    parts, params = [visible.sql], list(visible.params)
    if filters.status:
        parts.append(f'{_CASE}."status" = %s')
        params.append(filters.status)
    if filters.jurisdiction:
        code = filters.jurisdiction.strip().upper()
        prefix = _like_escaped(f"{code}-") + "%"
        # "US" also finds cases with US-CA people; obligations count too (the lead authority).
        places = [
            f'{_CASE}."id" IN (SELECT "incident_id" FROM {_table(model)}'  # noqa: S608
            ' WHERE ("jurisdiction" = %s OR "jurisdiction"::text LIKE %s))'
            for model in (AffectedPopulation, Obligation)
        ]
        parts.append(f"({' OR '.join(places)})")
        params += [code, prefix, code, prefix]
    if filters.owner not in (None, ""):
        if (user_id := owner_id(filters.owner)) is not None:
            parts.append(f'{_CASE}."owner_id" = %s')
            params.append(user_id)
        else:
            users = _table(get_user_model())
            parts.append(f'{_CASE}."owner_id" IN (SELECT "id" FROM {users} WHERE "username" = %s)')  # noqa: S608
            params.append(filters.owner)
    if filters.due_within is not None:
        parts.append(f'{_CASE}."next_due_at" <= %s')
        params.append(now + filters.due_within)
    if filters.q:
        pattern = "%" + _like_escaped(filters.q.strip()) + "%"
        columns = ("reference", "title", "description")
        parts.append(
            "("
            + " OR ".join(f'UPPER({_CASE}."{column}"::text) LIKE UPPER(%s)' for column in columns)
            + ")"
        )
        params += [pattern] * len(columns)
    return Statement(" AND ".join(parts), tuple(params))


def _like_escaped(text: str) -> str:
    # As Django escapes a contains / startswith term on PostgreSQL (backslash is LIKE's escape).
    return connection.ops.prep_for_like_query(text)


def _order(filters: CaseFilters) -> str:
    return _compiled_order(filters.sort if filters.sort in SORTS else DEFAULT_SORT)[0]


def _order_params(filters: CaseFilters) -> tuple:
    return _compiled_order(filters.sort if filters.sort in SORTS else DEFAULT_SORT)[1]


@cache
def _compiled_order(sort: str) -> tuple[str, tuple]:
    """The ORDER BY of ``SORTS[sort]`` as the ORM writes it (compiled once per process)."""
    query = (
        Incident.objects.unrestricted("compiles an ORDER BY; reads no row")
        .order_by(*SORTS[sort])
        .values("pk")
        .query
    )
    sql, params = query.get_compiler(connection=connection).as_sql()
    select, order = sql.split(" ORDER BY ", 1)
    assert " WHERE " not in select, select  # every parameter belongs to the ORDER BY
    return order, tuple(params)
