"""A page of the case list in one PostgreSQL statement: how many cases match, and the page's
rows with their open deadlines and places.

The ids come from ``list_sql.case_ids`` (who may see a case, the filters and the chosen order,
as the ORM's ``case_ids`` lists them); the statement around them is written here, once per
process. Asked as a count and then a rows query, the same page cost two round trips and two
plans; built through the ORM, the rows query also cost more to put together than to run. Here:

* ``ARRAY(ids)`` keeps the page's ids in the order their query gives (PostgreSQL builds the
  array in the subquery's output order) and ``unnest ... WITH ORDINALITY`` numbers them;
* the count is a subquery of its own, the cheapest that counts them (``list_sql``: the person's
  team rows when nothing is filtered), and only the page's ids are found, so the first pages
  stop after 25 cases (counting and slicing one array of every match cost as much overall on
  10,000 cases, and more for the first pages);
* the count comes back even when the page is empty (the page row is a ``LEFT JOIN``), so a page
  past the end costs one more statement for the last page, not a count and a page.

SQLite keeps the ORM queries (``listing._compute``).
"""

from __future__ import annotations

import json
from datetime import datetime
from functools import cache

from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.db import connection

from .list_sql import CaseIds, Statement
from .models import Incident

# The row's columns after the total and the position: as ``listing.COLUMNS``.
_CASE_COLUMNS = (
    "id",
    "reference",
    "title",
    "privileged",
    "status",
    "severity",
    "created_at",
    "next_due_at",
)
_OWNER_COLUMNS = ("username", "first_name", "last_name")
# Read as text and parsed here: Django's loader for timestamptz is pure Python and cost four
# times as much for a page's 50 instants (the connection's zone is UTC, so the text says +00).
_INSTANTS = ("created_at", "next_due_at")
_INSTANT_AT = tuple(_CASE_COLUMNS.index(name) for name in _INSTANTS)
MAX_GUESS = 1_000_000


@cache
def _tail(extras_sql: str) -> str:
    """The statement after its ``WITH``: the page's rows, or one row of NULLs when it is empty."""
    q = connection.ops.quote_name
    case, owner = q(Incident._meta.db_table), "owner"
    user_model = get_user_model()
    columns = ", ".join(
        [
            f"{case}.{q(Incident._meta.get_field(name).column)}"
            + ("::text" if name in _INSTANTS else "")
            for name in _CASE_COLUMNS[1:]
        ]
        + [f"{owner}.{q(user_model._meta.get_field(name).column)}" for name in _OWNER_COLUMNS]
    )
    return (
        "SELECT listed.total, listed.token, listed.later, page.n, page.id,"  # noqa: S608
        f" {columns}, {extras_sql}"
        " FROM listed"
        " LEFT JOIN LATERAL unnest(listed.ids) WITH ORDINALITY AS page(id, n) ON TRUE"
        f" LEFT JOIN {case} ON {case}.{q(Incident._meta.pk.column)} = page.id"
        f" LEFT JOIN {q(user_model._meta.db_table)} {owner}"
        f" ON {owner}.{q(user_model._meta.pk.column)}"
        f" = {case}.{q(Incident._meta.get_field('owner').column)}"
        " ORDER BY page.n"
    )


def fetch(cases: CaseIds, *, number, page_size: int, extras, token_sql: str):
    """(count, page number, rows, token seen, later): ``rows`` as ``listing.COLUMNS`` followed by
    the extras' values (JSON text) in ``extras`` order, for the page ``Paginator.get_page(number)``
    gives; ``later``: the value of ``cases.later`` (one column, one row), if it has one."""
    try:
        # A first guess, checked against the count below; never past what an array index holds.
        guess = min(max(1, int(number)), MAX_GUESS)
    except (TypeError, ValueError):
        guess = 1
    total, token, rows, first = _run(cases, guess, page_size, extras, token_sql)
    page_number = Paginator(range(total), page_size).get_page(number).number
    if page_number != guess:  # past the end (or before the start): the last page
        total, token, rows, first = _run(cases, page_number, page_size, extras, token_sql)
    return total, page_number, rows, token, first


def _run(cases: CaseIds, number, page_size, extras, token_sql):
    extras_sql, extras_params = [], []
    for expression in extras:
        extras_sql.append(expression.sql)
        extras_params.extend(expression.params)
    start = (number - 1) * page_size
    # The count is its own subquery (the cheapest that counts them, see ``list_sql``), and only
    # the page's ids are found, so the first pages stop after 25 cases.
    later = cases.later or Statement("NULL")
    head = (
        f"WITH listed AS (SELECT (SELECT COUNT(*) FROM ({cases.counted.sql}) AS counted) AS total,"  # noqa: S608 - list_sql's statements
        f" ({token_sql}) AS token, ({later.sql}) AS later,"
        f" ARRAY({cases.ids.sql} LIMIT {int(page_size)} OFFSET {int(start)}) AS ids) "
    )
    params = [*cases.counted.params, *later.params, *cases.ids.params]
    with connection.cursor() as cursor:
        cursor.execute(head + _tail(", ".join(extras_sql)), [*params, *extras_params])
        result = cursor.fetchall()
    total, token, first = result[0][:3]
    rows = [
        (*_instants(row[4:-len(extras)]), *(_json(value) for value in row[-len(extras):]))
        for row in result
        if row[3] is not None
    ]  # fmt: skip
    return total, token, rows, first


def _instants(row) -> list:
    row = list(row)
    for at in _INSTANT_AT:
        if row[at] is not None:
            row[at] = datetime.fromisoformat(row[at])
    return row


def _json(value):
    # Django reads jsonb as text (JSONField decodes it); a raw cursor gets the same.
    return json.loads(value) if isinstance(value, str) else value
