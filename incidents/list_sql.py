"""The case list's "which cases, in which order" as PostgreSQL text, for ``list_query``.

``CaseFilters.apply`` on ``Incident.objects.visible_to(user)`` says the same through the ORM, and
the API and SQLite still use it. On the page people reload most, putting that queryset together
and compiling it cost more than PostgreSQL spent running it (about 2.5 ms a page against 1 to 5),
so the list's statement is written here from the same pieces:

* who may see a case: ``IncidentQuerySet.visibility_sql``, next to ``visible_to`` and tested
  against it;
* each filter as ``CaseFilters.apply`` reads it (the same columns, lookups and indexes: the
  trigram search compares ``UPPER(column::text)`` as ``icontains`` does);
* the order: ``SORTS`` compiled by the ORM once per sort key;
* a team member's count, and ids in an order on those columns, come from the team table alone
  unless they search the cases' text: each team row carries its case's status, owner, deadline
  and sort keys (``_ON_TEAM``, kept by triggers), and places are looked up by case id.

``tests/web/test_list_sql.py`` checks, filter by filter and user by user, that the ids come back
as the ORM lists them.
"""

from __future__ import annotations

import re
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
    if visible != Statement(*Incident.objects.team_visibility_sql(user)) or where.sql == "FALSE":
        # Only someone who sees exactly their team's cases has them all on the team table: not
        # the office, who sees every case, nor someone who may see none (nor any rule added to
        # visibility_sql later); and a filter no database can compare matches nothing.
        return CaseIds(ids, counted, later)
    team = _team_where(user, filters, now)
    if team is None:
        return CaseIds(ids, counted, later)
    # Someone who sees their team's cases, not searching their text: the count comes from the
    # team rows alone, and so do the ids when the order is on the columns the rows carry too
    # (each such filter and sort has an index from migrations 0023-0024).
    counted = Statement(f"SELECT 1 FROM {_TEAM} WHERE {team.sql}", team.params)  # noqa: S608
    if (order := _team_order(filters)) is not None:
        ids = Statement(
            f'SELECT {_TEAM}."incident_id" FROM {_TEAM} WHERE {team.sql} ORDER BY {order}',  # noqa: S608
            team.params + _order_params(filters),
        )
    if filters.due_within is not None:
        others = _team_where(user, replace(filters, due_within=None), now)
        later = Statement(
            f'SELECT {_TEAM}."case_next_due_at" FROM {_TEAM} WHERE {others.sql}'  # noqa: S608
            f' AND {_TEAM}."case_next_due_at" > %s ORDER BY {_TEAM}."case_next_due_at" LIMIT 1',
            (*others.params, now + filters.due_within),
        )
    return CaseIds(ids, counted, later)


_TEAM = _table(TeamMember)

# The case's columns each of its team rows carries (kept by triggers, migrations 0023 and 0024;
# not model fields), by the case column's name.
_ON_TEAM = {
    "id": "incident_id",
    "created_at": "case_created_at",
    "status": "case_status",
    "severity": "case_severity",
    "owner_id": "case_owner_id",
    "next_due_at": "case_next_due_at",
}
_CASE_COLUMN = re.compile(re.escape(_CASE) + r'\."(\w+)"')


def _team_where(user, filters: CaseFilters, now: datetime) -> Statement | None:
    """``filters`` on the person's team rows, as ``_where`` reads them on the cases; None when a
    filter needs the case's own text (a search)."""
    if filters.q:
        return None
    parts, params = [f'{_TEAM}."user_id" = %s'], [user.pk]
    if filters.jurisdiction:
        # The places are rows of their own: looked up by case id, as on the cases.
        place = _in_place(f'{_TEAM}."incident_id"', filters.jurisdiction)
        parts.append(place.sql)
        params += place.params
    if filters.status:
        parts.append(f'{_TEAM}."case_status" = %s')
        params.append(filters.status)
    if filters.owner not in (None, ""):
        if (user_id := owner_id(filters.owner)) is not None:
            parts.append(f'{_TEAM}."case_owner_id" = %s')
            params.append(user_id)
        else:
            users = _table(get_user_model())
            parts.append(
                f'{_TEAM}."case_owner_id" IN (SELECT "id" FROM {users} WHERE "username" = %s)'  # noqa: S608
            )
            params.append(filters.owner)
    if filters.due_within is not None:
        parts.append(f'{_TEAM}."case_next_due_at" <= %s')
        params.append(now + filters.due_within)
    return Statement(" AND ".join(parts), tuple(params))


def _team_order(filters: CaseFilters) -> str | None:
    """The ORDER BY of ``filters``' sort on the team rows' copies of the case's columns; None
    when the sort needs a column they do not carry (title, reference)."""
    order = _order(filters)
    columns = set(_CASE_COLUMN.findall(order))
    if not columns <= _ON_TEAM.keys():
        return None
    return _CASE_COLUMN.sub(lambda found: f'{_TEAM}."{_ON_TEAM[found[1]]}"', order)


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
        place = _in_place(f'{_CASE}."id"', filters.jurisdiction)
        parts.append(place.sql)
        params += place.params
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


def _in_place(case_id: str, jurisdiction: str) -> Statement:
    """The case (``case_id``: the SQL for its id) has people affected, or an obligation, in
    ``jurisdiction`` or one of its subdivisions: "US" also finds cases with US-CA people, and
    obligations count too (the lead authority)."""
    code = jurisdiction.strip().upper()
    prefix = _like_escaped(f"{code}-") + "%"
    places = [
        f'{case_id} IN (SELECT "incident_id" FROM {_table(model)}'  # noqa: S608
        ' WHERE ("jurisdiction" = %s OR "jurisdiction"::text LIKE %s))'
        for model in (AffectedPopulation, Obligation)
    ]
    return Statement(f"({' OR '.join(places)})", (code, prefix, code, prefix))


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
