"""What one evaluation knows while it runs: the facts, the part of the breach each role is judged
on, the places in play, and the rule version and zone and calendar chosen for each rule.
Pure; no Django.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from . import authorities as auth
from . import calendars as cal
from .compiled import CompiledRulebook
from .facts import Facts
from .results import Exclusion, ObligationResult
from .rules import Rule
from .serialization import ESTABLISHMENT_CALENDAR
from .vocabulary import (
    STATUS_WORDS,
    event_words,
)

NOT_IN_FORCE_STATUSES = ("proposed_not_in_force", "notified_not_yet_in_force")


class _NotApplicable(Exception):
    def __init__(self, why: str):
        self.why = why


@dataclass(frozen=True)
class _View:
    """The part of the breach a rule is judged on: the whole breach for duties owed whatever the
    role, or the data sets of one role (facts format 2) for a controller's or processor's duty."""

    data: frozenset[str]
    affected: dict[str, int]
    counts: dict[str, int]  # people per place, with the places containing them
    # place with rules -> [(affected code without rules of its own, count)] counted in it
    rolled_up: dict[str, list[tuple[str, int]]]
    label: str = ""  # "as processor for data set 'end users' (controller: Acme Ltd)"

    @property
    def total(self) -> int:
        return sum(self.affected.values())


@dataclass
class _Context:
    facts: Facts
    book: CompiledRulebook
    counts: dict[str, int]
    in_play: set[str]
    established: set[str]
    results: dict[str, ObligationResult | Exclusion] = field(default_factory=dict)
    active: set[str] = field(default_factory=set)
    whole: _View | None = None
    views: dict[str, _View] = field(default_factory=dict)  # role -> its part of the breach
    regimes: tuple[str, ...] = ()  # subject_to and sector tokens
    placed: dict[str, auth.Placement] = field(default_factory=dict)
    in_force: dict[str, Rule] = field(default_factory=dict)  # code -> the version chosen
    in_force_from: dict[str, date] = field(default_factory=dict)  # code -> start, not yet in force
    conflicts: dict[str, list[dict]] = field(default_factory=dict)  # code -> its hold conflicts


def _people(n: int) -> str:
    return f"{n:,} {'person' if n == 1 else 'people'}"


def _residents(book: CompiledRulebook, code: str, n: int) -> str:
    return f"{n:,} {'resident' if n == 1 else 'residents'} of {book.name(code)} affected"


def _zone_for(rule: Rule, book: CompiledRulebook):
    if rule.timezone:
        return cal.zone(rule.timezone)
    j = book.jurisdictions.get(rule.jurisdiction)
    return cal.zone(j.timezone if j else "UTC")


def _calendar_for(rule: Rule, ctx: _Context) -> cal.BusinessCalendar | None:
    book = ctx.book
    key = rule.holiday_calendar
    if key == ESTABLISHMENT_CALENDAR:
        org = ctx.facts.organisation
        for code in (org.main_establishment, *org.established_in):
            found = code and next(filter(None, map(book.calendar, book.lineage(code))), None)
            if found:
                return found
        return book.calendar("ECB")
    if key:
        return book.calendar(key)
    for code in book.lineage(rule.jurisdiction):
        found = book.calendar(code)
        if found:
            return found
    return None


def _choose_version(code: str, ctx: _Context) -> tuple[Rule | None, str, str]:
    """The version in force on the relevant date -> (rule or None, date words, why-not)."""
    versions = ctx.book.versions[code]
    first = versions[0]
    facts = ctx.facts
    if (
        len(versions) == 1
        and first.effective_from is None
        and first.effective_to is None
        and first.status not in NOT_IN_FORCE_STATUSES
    ):
        return first, "its only version, with no effective dates", ""
    zone = _zone_for(first, ctx.book)
    if facts.rules_as_of is not None:
        day = facts.rules_as_of
        how = f"in force on {day.isoformat()}, the date of the law asked for (what-if)"
        asof = f"law as it stood on {day.isoformat()}, the date asked for"
    else:
        instant, event = _version_instant(first, ctx)
        day = instant.astimezone(zone).date()
        how = f"in force on {day.isoformat()}, the local date ({zone.key}) of {event_words(event)}"
        asof = f"law as it stood on {day.isoformat()}, the date of {event_words(event)}"
    for rule in versions:
        if rule.in_force_on(day) and not (
            rule.status in NOT_IN_FORCE_STATUSES and rule.effective_from is None
        ):
            return rule, how, ""
    upcoming = [r for r in versions if r.effective_from and r.effective_from > day]
    if upcoming:
        why = f"not in force until {upcoming[0].effective_from.isoformat()}"
        ctx.in_force_from[code] = upcoming[0].effective_from
    elif versions[-1].effective_to and versions[-1].effective_to < day:
        why = f"no longer in force after {versions[-1].effective_to.isoformat()}"
    else:
        status = STATUS_WORDS.get(versions[-1].status) or versions[-1].status.replace("_", " ")
        why = f"{status}: no date of entry into force"
        no_duty = no_duty_reason(versions[-1])
        if no_duty:
            why = f"{why}; {no_duty}"
    return None, how, f"{why} ({asof})"


# How the rule book marks a place with no duty in force (README, "Countries added"): a rule with a
# not-in-force status and a timing standard beginning "none in force" that says why nothing is owed.
NO_DUTY_PREFIX = "none in force"


def no_duty_reason(rule: Rule) -> str:
    """Why nothing is owed under a place's "no duty" rule, in words ("no breach-notification duty
    in force: ..." from its timing standard), or "" for any other rule."""
    text = " ".join((rule.timing_standard or "").split())
    if rule.status not in NOT_IN_FORCE_STATUSES or not text.startswith(NO_DUTY_PREFIX):
        return ""
    return "no breach-notification duty in force" + text[len(NO_DUTY_PREFIX) :].rstrip()


def _version_instant(rule: Rule, ctx: _Context) -> tuple[datetime, str]:
    """The instant whose local date picks the rule version: the clock-start event, following
    dependent notices back to the event that started the chain; discovery if not yet happened."""
    facts = ctx.facts
    seen = set()
    while True:
        dep = rule.depends_on
        if dep is None:
            at = facts.events.get(rule.clock_start)
            if at is not None:
                return at, rule.clock_start
            return facts.events["discovered_at"], "discovered_at (start event not yet happened)"
        if dep in facts.notices_sent:
            return facts.notices_sent[dep], f"notice:{dep}"
        if dep in seen or dep not in ctx.book.versions:
            return facts.events["discovered_at"], "discovered_at"
        seen.add(dep)
        rule = ctx.book.versions[dep][0]


def _counted(affected: dict[str, int], book: CompiledRulebook):
    """People per place (each code counted in the places containing it) and the roll-ups."""
    counts: dict[str, int] = defaultdict(int)
    rolled_up: dict[str, list[tuple[str, int]]] = {}
    for code, n in affected.items():
        if n <= 0:
            continue
        lineage = book.lineage(code)
        for region in lineage:
            counts[region] += n
        if "-" in code and not book.has_rules(code):
            # No rule of its own: the people count under the nearest place with rules, and the
            # why of those rules says so.
            for region in lineage[1:]:
                if book.has_rules(region):
                    rolled_up.setdefault(region, []).append((code, n))
                    break
    return dict(counts), rolled_up


def _role_views(facts: Facts, whole: _View, book: CompiledRulebook) -> dict[str, _View]:
    org = facts.organisation
    roles = org.all_roles
    if not facts.data_sets:
        if len(roles) == 1:
            return {roles[0]: whole}
        both = " and ".join(roles)
        return {r: replace(whole, label=f"as {r} (the organisation is {both})") for r in roles}
    views: dict[str, _View] = {}
    for role in roles:
        sets = [s for s in facts.data_sets if s.role == role]
        if not sets:
            continue
        data = frozenset().union(*(s.data if s.data is not None else facts.data for s in sets))
        if any(s.affected is None for s in sets):
            affected = dict(facts.affected)  # a set without its own count is the whole breach
        else:
            affected = defaultdict(int)
            for s in sets:
                for code, n in s.affected.items():
                    affected[code] += n
            affected = dict(affected)
        counts, rolled_up = _counted(affected, book)
        names = ", ".join(repr(s.name) for s in sets)
        label = f"as {role} for data set{'s' if len(sets) > 1 else ''} {names}"
        controllers = sorted({s.controller for s in sets if s.controller})
        if controllers:
            label += f" (controller{'s' if len(controllers) > 1 else ''}: {', '.join(controllers)})"
        views[role] = _View(data, affected, counts, rolled_up, label)
    return views


def _context(facts: Facts, book: CompiledRulebook) -> _Context:
    counts, rolled_up = _counted(facts.affected, book)
    in_play = set(counts)
    whole = _View(facts.data, facts.affected, counts, rolled_up)
    org = facts.organisation
    established: set[str] = set()
    for code in (org.main_establishment, *org.established_in):
        if code:
            established.update(book.lineage(code))
    in_play |= established
    return _Context(
        facts,
        book,
        counts,
        in_play,
        established,
        whole=whole,
        views=_role_views(facts, whole, book),
        regimes=org.subject_to + org.sectors,
    )
