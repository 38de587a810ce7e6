"""The IANA time zones a person may choose, and the session key that carries their choice."""

from functools import cache
from zoneinfo import ZoneInfo, available_timezones

SESSION_KEY = "breachclock_tz"
# The person's date style (a language code, "" for the browser's), kept beside the zone.
STYLE_SESSION_KEY = "breachclock_date_style"
DEFAULT = "UTC"


@cache
def choices() -> list[tuple[str, str]]:
    """Every IANA zone, sorted, for a select box (``Europe/Berlin`` etc., no legacy aliases)."""
    zones = sorted(
        z
        for z in available_timezones()
        if "/" in z and not z.startswith(("Etc/", "SystemV/", "US/", "posix/", "right/"))
    )
    return [(DEFAULT, DEFAULT)] + [(z, z.replace("_", " ")) for z in zones]


def is_valid(name: str) -> bool:
    return name == DEFAULT or name in dict(choices())


def zone(name: str | None) -> ZoneInfo:
    """A ``ZoneInfo`` for a stored name; an unknown or empty name falls back to UTC."""
    return ZoneInfo(name if name and is_valid(name) else DEFAULT)
