"""How long a case must be kept: documentation periods the law sets, and the retention date.

Pure functions, no Django import. A rule records its documentation period in its ``extra`` data
(it is versioned, exported and imported with the rule; the clock engine does not read it)::

    extra:
      documentation_period:
        years: 5                      # null: the law keeps records but sets no period
        records: the written determination that notice is not required
        citation: Fla. Stat. 501.171(4)(c)

A case is kept for the longest period among the rules in play on it, or the organisation's own
period if that is longer (a policy never shortens what the law demands), counted from the day
the case was closed. Counting from closure is conservative: every statute's own starting point
(the determination, the notice, the record's last effective date) falls on or before it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

KEY = "documentation_period"
_FIELDS = {"years", "records", "citation", "note"}
MAX_YEARS = 100


class PeriodError(ValueError):
    """A documentation period in the rule data that cannot be read; names rule and field."""

    def __init__(self, rule: str, field: str, message: str):
        self.rule, self.field, self.message = rule, field, message
        super().__init__(f"rule {rule}, field extra.{KEY}.{field}: {message}")


@dataclass(frozen=True)
class DocumentationPeriod:
    """What one rule says about keeping the record of a breach."""

    rule: str
    years: int | None  # None: records are required but the law sets no period
    records: str
    citation: str
    note: str = ""

    def describe(self) -> str:
        length = f"{self.years} years" if self.years else "no fixed period"
        return f"{self.rule}: {length} for {self.records} ({self.citation})"


def parse_period(rule: str, extra: dict | None) -> DocumentationPeriod | None:
    """The documentation period a rule's ``extra`` data records, or None when it records none."""
    value = (extra or {}).get(KEY)
    if value is None:
        return None
    if not isinstance(value, dict):
        raise PeriodError(rule, "(value)", "must be a map with years, records and citation")
    unknown = sorted(set(value) - _FIELDS)
    if unknown:
        raise PeriodError(rule, unknown[0], f"unknown field; known: {', '.join(sorted(_FIELDS))}")
    years = value.get("years")
    if years is not None and (
        isinstance(years, bool) or not isinstance(years, int) or not 0 < years <= MAX_YEARS
    ):
        raise PeriodError(rule, "years", f"must be a whole number of years, 1 to {MAX_YEARS}")
    for name in ("records", "citation"):
        if not isinstance(value.get(name), str) or not value[name].strip():
            raise PeriodError(rule, name, "is required (what is kept, where the law says so)")
    note = value.get("note") or ""
    if not isinstance(note, str):
        raise PeriodError(rule, "note", "must be text")
    records, citation = value["records"].strip(), value["citation"].strip()
    return DocumentationPeriod(rule, years, records, citation, note)


@dataclass(frozen=True)
class Retention:
    """How long one case is kept, and why."""

    years: int | None  # None: no period known (the case is kept until one is set)
    why: tuple[str, ...]
    law_years: int | None = None
    policy_years: int | None = None


def retention_for(periods: Iterable[DocumentationPeriod], policy_years: int | None) -> Retention:
    """The longer of the longest legal documentation period and the organisation's policy."""
    periods = sorted(periods, key=lambda p: (-(p.years or 0), p.rule))
    fixed = [p for p in periods if p.years]
    law_years = fixed[0].years if fixed else None
    why = [f"the law: {p.describe()}" for p in periods]
    if not periods:
        why.append("the law: none of the rules in play on this case sets a documentation period")
    elif not fixed:
        why.append("the law: records are required but no period is set")
    if policy_years:
        why.append(f"the organisation's policy: {policy_years} years after the case is closed")
    else:
        why.append("the organisation's policy: as long as the law demands")
    years = max(law_years or 0, policy_years or 0) or None
    if years is None:
        why.append("no retention period applies: the case is kept until one is set")
    elif policy_years and law_years and law_years > policy_years:
        why.append(f"the law's {law_years} years outlast the policy's {policy_years}: kept {years}")
    else:
        why.append(f"kept {years} years after the case is closed")
    return Retention(years, tuple(why), law_years, policy_years)


def add_years(day: date, years: int) -> date:
    """``day`` plus whole years; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def retained_until(closed_on: date | None, years: int | None) -> date | None:
    """The last day the case's personal data is kept, or None (open, or no period known)."""
    if closed_on is None or years is None:
        return None
    return add_years(closed_on, years)


def in_play(jurisdiction: str, places: Iterable[str]) -> bool:
    """Whether a rule of ``jurisdiction`` reached a case whose people live in ``places``.

    "US" reaches "US-FL"; "US-FL" reaches "US-FL". A rule the facts did not trigger (no harm,
    too few people) still counts when its law reached the case: the duty to document the
    decision not to notify arises exactly then (Fla. Stat. 501.171(4)(c)).
    """
    return any(p == jurisdiction or p.startswith(jurisdiction + "-") for p in places)
