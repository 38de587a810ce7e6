"""``<id:...>`` in URL patterns: a row id, digits that fit a database ``bigint``.

Django's ``<int:...>`` matches any run of digits; an id beyond 2**63 - 1 then reaches the
database (an overflow on SQLite, a DataError on PostgreSQL) or an audit record that cannot store
it, and the visitor gets a 500. Here it does not match the pattern at all: a plain 404, as for
any address that leads nowhere. Every pattern of ours that takes an id uses it (registered in
``config.apps.CoreConfig.ready``, before any URLconf is read).
"""

from __future__ import annotations

from django.urls import register_converter

BIGINT_MAX = 2**63 - 1


class IdConverter:
    regex = "[0-9]{1,19}"

    def to_python(self, value: str) -> int:
        number = int(value)
        if number > BIGINT_MAX:
            raise ValueError("beyond a database id")  # no match: 404
        return number

    def to_url(self, value) -> str:
        return str(int(value))


def parse_id(value) -> int | None:
    """A submitted id (form field, query parameter) as an int, or None when it is not one.

    ASCII digits only (``str.isdigit`` would accept "٣"), within the bigint range.
    """
    text = str(value or "").strip()
    if not (text.isascii() and text.isdigit()) or len(text) > 19:
        return None
    number = int(text)
    return number if number <= BIGINT_MAX else None


def register() -> None:
    register_converter(IdConverter, "id")
