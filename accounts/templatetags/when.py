"""Dates as people read them: in the viewer's zone, with UTC on hover, and live countdowns.

``{{ dt|when }}`` renders ``<time>`` with the local text, the UTC text as its title and the ISO
UTC instant in ``datetime``; ``static/js/clock.js`` swaps local and UTC on request.
``{{ dt|countdown }}`` renders the time left (or overdue) as of now; the script keeps it ticking.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from html import escape as html_escape

from django import template
from django.utils import formats, timezone
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from accounts.dateformat import local_text, wall_text
from jurisdictions.engine.facts import YEARS

register = template.Library()

UTC_FORMAT = "%Y-%m-%d %H:%M UTC"
NO_DEADLINE = mark_safe('<span class="countdown countdown-none">no fixed deadline</span>')


def _aware(value) -> datetime | None:
    if value in (None, ""):
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if timezone.is_naive(value):
        value = timezone.make_aware(value, UTC)
    return value


def iso_utc(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@register.filter
def when(value):
    """A datetime (or ISO string) as a ``<time>`` element in the viewer's zone, UTC on hover."""
    value = _aware(value)
    if value is None:
        return "—"
    utc = value.astimezone(UTC)
    utc_text = utc.strftime(UTC_FORMAT)
    local = html_escape(local_text(value))
    # Written out rather than through format_html: lists render it hundreds of times a page,
    # and only the zone's abbreviation (escaped) is not our own text.
    return mark_safe(  # noqa: S308
        f'<time datetime="{utc:%Y-%m-%dT%H:%M:%SZ}" title="{utc_text}" data-local="{local}" '
        f'data-utc="{utc_text}">{local}</time>'
    )


# An ISO 8601 instant with its offset, as summaries and messages write them.
ISO_INSTANT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})")


def instant(text: str) -> datetime | None:
    """``text`` (an ``ISO_INSTANT`` match) as a datetime, or None when it is not a real date or
    lies outside the years a case can have: such text quotes what someone typed, and is shown as
    written rather than failing the page."""
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return value if YEARS[0] <= value.year <= YEARS[1] else None


def _instant_html(text: str) -> str:
    value = instant(text)
    return when(value) if value is not None else escape(text)


@register.filter
def instants(text):
    """Text whose ISO instants (activity summaries keep them exact, in UTC) read as ``when``
    does: in the viewer's zone, UTC on hover. The rest of the text is escaped."""
    parts = []
    last = 0
    text = str(text)
    for match in ISO_INSTANT.finditer(text):
        parts.append(escape(text[last : match.start()]))
        parts.append(_instant_html(match.group()))
        last = match.end()
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))  # noqa: S308 - every part escaped or built by when()


@register.filter
def when_utc(value):
    """The same instant, shown in UTC (for the obligations table's UTC column)."""
    value = _aware(value)
    if value is None:
        return "—"
    return format_html(
        '<time datetime="{}">{}</time>', iso_utc(value), value.astimezone(UTC).strftime(UTC_FORMAT)
    )


def humanize_delta(seconds: float) -> str:
    """``2d 4h``, ``3h 12m``, ``7m`` — the largest two units, as a countdown reads."""
    seconds = int(abs(seconds))
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    if days:
        return f"{days}d {hours}h"
    if hours:
        return f"{hours}h {minutes:02d}m"
    return f"{minutes}m"


def urgency(value: datetime | None, now: datetime | None = None) -> str:
    """``overdue``, ``day`` (within 24 h), ``week`` (within 7 days), ``later`` or ``none``."""
    if value is None:
        return "none"
    left = (value - (now or timezone.now())).total_seconds()
    if left < 0:
        return "overdue"
    if left <= 86400:
        return "day"
    if left <= 7 * 86400:
        return "week"
    return "later"


@register.filter
def countdown(value):
    """Time left until ``value`` as of now; ``static/js/clock.js`` keeps it live."""
    value = _aware(value)
    if value is None:
        return NO_DEADLINE
    now = timezone.now()
    left = (value - now).total_seconds()
    text = f"{humanize_delta(left)} left" if left >= 0 else f"overdue by {humanize_delta(left)}"
    return mark_safe(  # noqa: S308 - our own text only
        f'<span class="countdown countdown-{urgency(value, now)}" data-due="{iso_utc(value)}">'
        f"{text}</span>"
    )


@register.filter(name="urgency")
def urgency_filter(value):
    return urgency(_aware(value))


@register.filter
def wall_time(value, zone_name=""):
    """An ISO time with its own offset (a deadline in the authority's zone), as people read it:
    ``Sat 28 Nov 2026, 23:59 (UTC+01:00 Europe/Berlin)``."""
    value = value if not isinstance(value, str) else (value or None)
    if not value:
        return ""
    try:
        parsed = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return value
    if parsed.tzinfo is None:
        return wall_text(parsed)
    offset = parsed.strftime("%z")
    offset = f"UTC{offset[:3]}:{offset[3:]}" if offset else "UTC"
    label = f"{offset} {zone_name}".strip()
    return f"{wall_text(parsed)} ({label})"


@register.filter
def day(value):
    """A calendar date (no time, no zone) as the reader's locale writes it."""
    if value in (None, ""):
        return ""
    return formats.date_format(value, "DATE_FORMAT")
