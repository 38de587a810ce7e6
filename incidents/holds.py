"""Requests to delay notices, as facts keys: a law-enforcement hold and the SEC's national-security
delay. Cleaned here (times with their UTC offset, stored as UTC ISO text) before the engine reads
them; the engine decides which duties a hold may hold and re-times them after the lift.

Shapes (facts format, ``breachclock.facts/1`` and later):
``"law_enforcement_hold": {"requested_at": ISO, "lifted_at": ISO|null, "written": bool,
"agency": str}`` and ``"national_security_delay": {"determined_at": ISO, "ends_at": ISO|null,
"notified_in_writing": bool}`` (the engine's ``facts.py`` documents what each means).
"""

from __future__ import annotations

from datetime import UTC, datetime

from jurisdictions.engine.facts import FactsError, parse_time

LAW_ENFORCEMENT_HOLD = "law_enforcement_hold"
NATIONAL_SECURITY_DELAY = "national_security_delay"

# facts key -> (start field, end field, {other field: (type, default)}); the end may be null
# (still running).
SHAPES: dict[str, tuple[str, str, dict[str, tuple[type, object]]]] = {
    LAW_ENFORCEMENT_HOLD: (
        "requested_at",
        "lifted_at",
        {"written": (bool, False), "agency": (str, "")},
    ),
    # Item 1.05(c) needs the Attorney General to tell the SEC in writing; the engine's default.
    NATIONAL_SECURITY_DELAY: ("determined_at", "ends_at", {"notified_in_writing": (bool, True)}),
}
HOLD_KEYS = tuple(SHAPES)
LABELS = {
    LAW_ENFORCEMENT_HOLD: "law-enforcement hold",
    NATIONAL_SECURITY_DELAY: "national-security delay (SEC Item 1.05(c))",
}
AGENCY_MAX = 200


def _iso(value: datetime) -> str:
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def clean(key: str, value) -> dict | None:
    """The hold ``value`` of facts key ``key`` in stored form, or None (no hold).

    Raises ``FactsError`` naming the field (``law_enforcement_hold.requested_at``...).
    """
    if value is None:
        return None
    if not isinstance(value, dict):
        raise FactsError(key, "must be an object (or null for none)")
    start, end, others = SHAPES[key]
    unknown = sorted(set(value) - {start, end, *others})
    if unknown:
        raise FactsError(f"{key}.{unknown[0]}", "unknown field")
    if value.get(start) in (None, ""):
        raise FactsError(f"{key}.{start}", "is required")
    began = parse_time(value[start], f"{key}.{start}")
    out: dict = {start: _iso(began)}
    ended = None
    if value.get(end) not in (None, ""):
        ended = parse_time(value[end], f"{key}.{end}")
        if ended < began:
            raise FactsError(f"{key}.{end}", f"must not be before {start}")
    out[end] = _iso(ended) if ended else None
    for name, (kind, default) in others.items():
        raw = value.get(name, default)
        if kind is bool:
            if not isinstance(raw, bool):
                raise FactsError(f"{key}.{name}", "must be true or false")
            out[name] = raw
        else:
            if raw is None:
                raw = ""
            if not isinstance(raw, str):
                raise FactsError(f"{key}.{name}", "must be text")
            raw = raw.strip()
            if "\x00" in raw:
                raise FactsError(f"{key}.{name}", "must not contain NUL characters")
            if len(raw) > AGENCY_MAX:
                raise FactsError(f"{key}.{name}", f"must be at most {AGENCY_MAX} characters")
            out[name] = raw
    return out


def clean_all(facts: dict) -> dict[str, dict]:
    """``{key: cleaned hold}`` for the hold keys set in ``facts`` (in place: ``facts`` gets the
    cleaned values, and null keys are dropped so the engine reads "no hold")."""
    holds = {}
    for key in HOLD_KEYS:
        if key not in facts:
            continue
        value = clean(key, facts[key])
        if value is None:
            facts.pop(key)
        else:
            facts[key] = holds[key] = value
    return holds


def times(key: str, value: dict) -> dict[str, datetime]:
    """The hold's times that have happened, by field name (for the "not in the future" check):
    a lift is recorded once it happened; the end of a national-security delay is a date the
    Attorney General's determination set and may lie ahead."""
    start, end, _ = SHAPES[key]
    out = {}
    for name in (start, end) if key == LAW_ENFORCEMENT_HOLD else (start,):
        if value.get(name):
            out[f"{key}.{name}"] = datetime.fromisoformat(value[name].replace("Z", "+00:00"))
    return out


def describe(key: str, value: dict | None) -> str:
    """The hold in words for the case timeline: 'law-enforcement hold requested 2026-...'."""
    if value is None:
        return f"no {LABELS[key]}"
    start, end, _ = SHAPES[key]
    text = f"{LABELS[key]} from {value[start]}"
    if key == LAW_ENFORCEMENT_HOLD:
        how = "written" if value.get("written") else "oral"
        agency = f" by {value['agency']}" if value.get("agency") else ""
        text = f"{LABELS[key]} ({how} request{agency}) from {value[start]}"
    return text + (f", lifted {value[end]}" if value.get(end) else ", still in force")
