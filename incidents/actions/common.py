"""What every door for changes shares: the refusal (``ActionError``), the case's row lock,
text and time checks, and reading an engine result.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC as _UTC
from datetime import date, datetime, timedelta
from typing import Any

from jurisdictions.engine.facts import FactsError

from .. import holds as hold_facts
from ..models import Incident, Obligation

NO_LONGER_APPLIES = "no longer applies: "


class ActionError(ValueError):
    """A change was refused; ``field`` names the input at fault (as the form or API calls it)."""

    def __init__(self, field: str, message: str):
        self.field = field
        self.message = message
        super().__init__(f"{field}: {message}")


# --- values as the timeline stores them ----------------------------------------------------------
def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime):
        return _iso_utc(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_jsonable(v) for v in value]
    return value


def _iso_utc(value: datetime | None) -> str | None:
    if value is None:
        return None
    return value.astimezone(_UTC).isoformat().replace("+00:00", "Z")


# --- helpers -----------------------------------------------------------------------------------
def _require_user(acting_user) -> None:
    if acting_user is None or not acting_user.is_authenticated:
        raise ActionError("acting_user", "a signed-in user must be named for every change")


def _lock(incident: Incident) -> Incident:
    # Row lock: two changes to one case (say a fact edit and a rule-book recompute) run one
    # after the other, so neither computes obligations from facts the other is replacing.
    # The caller (a view, the API, a worker) decided who may change this case.
    return (
        Incident.objects.unrestricted("lock of the case being changed")
        .select_for_update()
        .get(pk=incident.pk)
    )


def _clean_text(value, field_name: str, *, required: bool, max_length: int | None = None) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ActionError(field_name, "must be text")
    problem = _storable_problem(value)
    if problem:
        raise ActionError(field_name, problem)
    value = value.strip()
    if required and not value:
        raise ActionError(field_name, "is required")
    if max_length and len(value) > max_length:
        raise ActionError(field_name, f"must be at most {max_length} characters")
    return value


def _storable_problem(text: str) -> str | None:
    """Why ``text`` cannot be stored as text (PostgreSQL refuses NUL; UTF-8 refuses lone
    surrogates), or None."""
    if "\x00" in text:
        return "must not contain NUL characters"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "contains characters that are not valid Unicode text"
    return None


# How far ahead of our clock a recorded time may be (another device's clock may run fast).
CLOCK_SKEW = timedelta(minutes=5)


def _check_not_future(events: dict, now: datetime, *, only: Iterable[str] | None = None) -> None:
    """A real case records what has happened: an event ahead of now is a typing mistake. (The
    engine and what-if allow it - exploring a hypothetical is their point.)"""
    for name, when in events.items():
        if when is None or (only is not None and name not in only):
            continue
        if when > now + CLOCK_SKEW:
            raise FactsError(
                f"events.{name}",
                f"{when.isoformat()} is in the future; record an event once it has happened",
            )


def _check_hold_not_future(key: str, value: dict, now: datetime) -> None:
    """A hold is recorded once it was requested (or lifted), as events are."""
    for path, when in hold_facts.times(key, value).items():
        if when > now + CLOCK_SKEW:
            raise FactsError(path, f"{_iso_utc(when)} is in the future; record it once it happened")


def _choice(value, choices, field_name: str) -> str:
    if value not in choices.values:
        raise ActionError(field_name, f"must be one of: {', '.join(choices.values)}")
    return value


def _obligation_label(ob: Obligation) -> str:
    stage = f" ({ob.stage.replace('_', ' ')})" if ob.stage else ""
    return f"{ob.rule_code}{stage} to {ob.authority or ob.recipient.replace('_', ' ')}"


def _attr(obj, name, default=None):
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


def _as_utc(value) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return value.astimezone(_UTC)


def _result_dict(result) -> dict:
    """An engine result in the obligations format (``breachclock.obligations/1``) as a dict.

    The engine's ``ObligationResult.to_dict()`` is the contract; a plain dict in that format
    (what tests and the API's what-if pass around) is taken as is.
    """
    if isinstance(result, dict):
        return result
    return result.to_dict()
