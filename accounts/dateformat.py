"""Instants as the reader's locale writes them, in the one format the admin and the app share.

The format strings live in ``config/formats/<locale>/formats.py`` (Django's localisation reads
the same ones for the admin), chosen by the active language: British ("Sun 06 Dec 2026, 14:05
CET") unless the browser asks for American English ("Sun, Dec 6, 2026, 2:05 PM EST").
"""

from datetime import datetime

from django.utils import formats, timezone


def local_text(value: datetime) -> str:
    """An aware instant in the active time zone, always with the zone's name.

    The name is added here rather than by the format's ``T``: Django leaves ``T`` blank in the
    hour a clock change repeats, which is when the name (CEST or CET) matters most.
    """
    local = timezone.localtime(value)
    pattern = formats.get_format("DATETIME_FORMAT").removesuffix(" T")
    return f"{formats.date_format(local, pattern)} {local.tzname()}"


def wall_text(value: datetime) -> str:
    """A wall-clock date and time as it stands (its own offset, no zone name)."""
    return (
        f"{formats.date_format(value, 'DATE_FORMAT')}, {formats.time_format(value, 'TIME_FORMAT')}"
    )
