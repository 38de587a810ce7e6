"""Facts + rules -> obligations and not-applicable rules, each with its why. Pure; no Django.

``evaluate(facts, rules, jurisdictions, rulebook_version=...)`` returns an ``Evaluation`` whose
``to_dict()`` is exactly ``breachclock.obligations/1`` plus compatible extension keys per
obligation (``rule_version``, ``computation``, ``confidence``, ``rule_status``, ``kind``,
``counterparty``, ``contact``), per not-applicable rule (``displaced_by``: the rule that displaces
it; ``in_force_from``: the ISO date a rule not yet in force starts), and a top-level ``conflicts``
list (``precedence`` and ``holds``: displacements, and holds some duties do not allow), empty when
there is none.

Which rules are looked at: the rules of every jurisdiction "in play" (where affected people live,
with the parents and regions containing it, and where the organisation is established), the
organisation-wide rules of regimes the organisation is subject to, and the organisation's
contract clauses. Rules of those jurisdictions that do not apply are listed as not applicable with
the reason; rules of unrelated jurisdictions are not listed at all.

Every legal choice lives in the rule data; this module only knows how to read it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time
from typing import Any

from . import authorities as auth
from . import calendars as cal
from . import holds, places, precedence
from .facts import Facts
from .rules import EVENT_PREFIX, NOTICE_PREFIX, RISK_LEVELS, Jurisdiction, Rule
from .serialization import ESTABLISHMENT_CALENDAR

OUTPUT_FORMAT = "breachclock.obligations/1"
# Conflicts are listed displacements first, then the holds some duties do not allow.
CONFLICT_ORDER = {
    "displacement": 0,
    "hold_not_allowed": 1,
    "hold_not_written": 2,
    "content": 3,
    "no_rule": 4,
}
NOT_IN_FORCE_STATUSES = ("proposed_not_in_force", "notified_not_yet_in_force")
# The harm scale as the explanations say it (RISK_LEVELS, lowest first).
RISK_WORDS = {
    "none": "no risk",
    "unlikely": "harm unlikely",
    "risk": "a risk of harm",
    "high": "a high risk of harm",
}
RECIPIENT_WORDS = {
    "supervisory_authority": "the supervisory authority",
    "attorney_general": "the attorney general",
    "state_agency": "the state agency",
    "sector_regulator": "the sector regulator",
    "csirt_or_competent_authority": "the CSIRT or competent authority",
    "individuals": "the affected individuals",
    "consumer_reporting_agencies": "the consumer reporting agencies",
    "media": "the media",
    "controller": "the controller",
    "service_recipients": "the recipients of the service",
    "public": "the public",
    "internal": "an internal record",
}


# --------------------------------------------------------------------------- results


def _iso_utc(dt: datetime | None) -> str | None:
    if dt is None:
        return None
    return dt.astimezone(UTC).isoformat().replace("+00:00", "Z")


@dataclass(frozen=True)
class ObligationResult:
    """One notification owed. Times are aware datetimes: ``clock_start_at`` and ``due_at`` in
    UTC, ``due_local`` in the zone of the authority (the zone days are counted in)."""

    rule: Rule
    clock_event: str
    clock_start_at: datetime | None
    due_at: datetime | None
    due_local: datetime | None
    deadline_kind: str  # fixed | no_fixed_deadline | latest_possible | before
    waiting_for: str | None
    why: tuple[str, ...]
    computation: tuple[str, ...] = ()
    transposition: dict | None = None  # the member state's law for an EU-wide duty

    @property
    def code(self) -> str:
        return self.rule.code

    def to_dict(self) -> dict[str, Any]:
        r = self.rule
        return {
            "rule": r.code,
            "jurisdiction": r.jurisdiction,
            "regime": r.regime,
            "recipient": r.recipient,
            "authority": r.authority,
            "stage": r.stage,
            "clock_start": {"event": self.clock_event, "at": _iso_utc(self.clock_start_at)},
            "due_at": _iso_utc(self.due_at),
            "due_local": self.due_local.isoformat() if self.due_local else None,
            "deadline_kind": self.deadline_kind,
            "timing_standard": r.timing_standard,
            "citation": r.citation,
            "waiting_for": self.waiting_for,
            "why": list(self.why),
            "rule_version": r.version,
            "computation": list(self.computation),
            "confidence": r.confidence,
            "rule_status": r.status,
            "kind": r.kind,
            "counterparty": r.counterparty,
            "contact": r.contact,
            **({"transposition": self.transposition} if self.transposition else {}),
        }


@dataclass(frozen=True)
class Exclusion:
    """A rule of a jurisdiction in play that does not apply, and why."""

    rule: Rule
    why: str
    displaced_by: str | None = None  # the rule that displaces this duty (precedence)
    in_force_from: date | None = None  # a rule not yet in force: the day it starts

    def to_dict(self) -> dict[str, Any]:
        out = {
            "rule": self.rule.code,
            "jurisdiction": self.rule.jurisdiction,
            "recipient": self.rule.recipient,
            "why": self.why,
            "regime": self.rule.regime,
            "rule_version": self.rule.version,
        }
        if self.displaced_by:
            out["displaced_by"] = self.displaced_by
        if self.in_force_from:
            out["in_force_from"] = self.in_force_from.isoformat()
        return out


@dataclass
class Evaluation:
    rulebook_version: str
    obligations: list[ObligationResult] = field(default_factory=list)
    not_applicable: list[Exclusion] = field(default_factory=list)
    conflicts: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": OUTPUT_FORMAT,
            "rulebook": self.rulebook_version,
            "obligations": [o.to_dict() for o in self.obligations],
            "not_applicable": [e.to_dict() for e in self.not_applicable],
            "conflicts": [dict(c) for c in self.conflicts],
        }


# --------------------------------------------------------------------------- compiled rule book


class CompiledRulebook:
    """Indexes built once per rule book so that an evaluation touches only relevant rules."""

    def __init__(self, rules, jurisdictions):
        # The loader hands a {code: Jurisdiction} mapping; a plain sequence works too.
        if isinstance(jurisdictions, dict):
            jurisdictions = jurisdictions.values()
        self.jurisdictions: dict[str, Jurisdiction] = {j.code: j for j in jurisdictions}
        self.versions: dict[str, list[Rule]] = defaultdict(list)
        for rule in rules:
            self.versions[rule.code].append(rule)
        for versions in self.versions.values():
            versions.sort(key=lambda r: (r.effective_from or date.min, r.version))
        self.children: dict[str, list[str]] = defaultdict(list)
        for j in self.jurisdictions.values():
            if j.parent:
                self.children[j.parent].append(j.code)
        self.by_jurisdiction: dict[str, list[str]] = defaultdict(list)
        self.organisation_wide: list[str] = []
        self.contracts: list[str] = []
        # regime_code -> jurisdictions that have a lead-authority rule of that regime
        self.lead_authorities: dict[str, set[str]] = defaultdict(set)
        for code, versions in self.versions.items():
            first = versions[0]
            if first.kind == "contract":
                self.contracts.append(code)
            elif first.scope in ("organisation", "main_establishment"):
                self.organisation_wide.append(code)
            else:
                self.by_jurisdiction[first.jurisdiction].append(code)
            for v in versions:
                if v.scope == "lead_authority":
                    self.lead_authorities[v.regime_code].add(v.jurisdiction)
        # code -> the regions that contain it (itself, parents, regions listing it as a member)
        self.regions: dict[str, tuple[str, ...]] = {}
        containing: dict[str, set[str]] = defaultdict(set)
        for j in self.jurisdictions.values():
            for member in j.members or self._implied_members(j):
                containing[member].add(j.code)
        for code in self.jurisdictions:
            self.regions[code] = self._lineage(code, containing)
        self._containing = containing
        self._calendars: dict[str, cal.BusinessCalendar | None] = {}
        self._unlisted: dict[str, tuple[str, ...]] = {}
        # Precedence: displacement globs resolved against the rule codes, once per rule book.
        self.displacing = sorted(
            code for code, vs in self.versions.items() if any(r.displaces for r in vs)
        )
        self.pattern_targets: dict[str, frozenset[str]] = {}

    def _implied_members(self, j: Jurisdiction) -> tuple[str, ...]:
        # A store without a members list still has the EU/EEA flags: the EU entry then contains
        # every EEA-flagged state (GDPR applies in the EEA).
        if j.code == "EU":
            return tuple(c for c, other in self.jurisdictions.items() if other.eea and c != "EU")
        return ()

    def _lineage(self, code: str, containing) -> tuple[str, ...]:
        out: list[str] = []
        todo = [code]
        while todo:
            current = todo.pop()
            if current in out:
                continue
            out.append(current)
            j = self.jurisdictions.get(current)
            if j and j.parent:
                todo.append(j.parent)
            todo.extend(sorted(containing.get(current, ())))
        return tuple(out)

    def lineage(self, code: str) -> tuple[str, ...]:
        found = self.regions.get(code) or self._unlisted.get(code)
        if found is not None:
            return found
        # A code the rule book does not list (e.g. CA-ON, GB-LND): it still belongs to its ISO
        # parents, up to the first place the rule book knows (in the end, its country).
        chain = [code]
        for parent in places.parents(code):
            if parent in self.regions:
                chain.extend(self.regions[parent])
                break
            chain.append(parent)
        found = self._unlisted[code] = tuple(chain)
        return found

    def has_rules(self, code: str) -> bool:
        """Whether the rule book has rules of this place's own (not only of its country)."""
        return bool(self.by_jurisdiction.get(code))

    def name(self, code: str) -> str:
        j = self.jurisdictions.get(code)
        if j:
            return j.name
        return places.name(code) or code

    def calendar(self, key: str) -> cal.BusinessCalendar | None:
        """A business calendar by jurisdiction code or market code (cached)."""
        if key in self._calendars:
            return self._calendars[key]
        found = None
        j = self.jurisdictions.get(key)
        if j and j.holiday_country:
            found = cal.BusinessCalendar(
                label=f"{j.name} public holidays",
                kind="country",
                code=j.holiday_country,
                subdivision=j.holiday_subdivision,
                extra_closures=j.extra_closures,
            )
        elif j is None:
            import holidays

            if key in holidays.list_supported_financial():
                found = cal.BusinessCalendar(
                    label=f"{key} market holidays", kind="market", code=key
                )
        self._calendars[key] = found
        return found


_COMPILED: dict[tuple[int, int], tuple[Any, Any, CompiledRulebook]] = {}


def compile_rulebook(rules, jurisdictions) -> CompiledRulebook:
    """The compiled form of a rule book, cached while the same objects are passed in."""
    key = (id(rules), id(jurisdictions))
    hit = _COMPILED.get(key)
    if hit and hit[0] is rules and hit[1] is jurisdictions:
        return hit[2]
    compiled = CompiledRulebook(rules, jurisdictions)
    if len(_COMPILED) > 16:
        _COMPILED.clear()
    _COMPILED[key] = (rules, jurisdictions, compiled)
    return compiled


# --------------------------------------------------------------------------- conditions


_DESCRIBED: dict[int, tuple[Any, str]] = {}


def describe_condition(cond: Any) -> str:
    """The condition in words: "(name and (ssn or drivers_license)) or account_credentials"."""
    if isinstance(cond, dict):
        # Rule conditions live as long as their rule book: memoise by identity.
        hit = _DESCRIBED.get(id(cond))
        if hit is not None and hit[0] is cond:
            return hit[1]
        text = _describe(cond)
        if len(_DESCRIBED) > 4096:
            _DESCRIBED.clear()
        _DESCRIBED[id(cond)] = (cond, text)
        return text
    return _describe(cond)


def _describe(cond: Any) -> str:
    if cond == "*":
        return "any personal data"
    if isinstance(cond, str):
        return cond
    ((op, items),) = cond.items()
    parts = [_describe(c) for c in items]
    parts = [f"({p})" if (" and " in p or " or " in p) else p for p in parts]
    return f" {'or' if op == 'any' else 'and'} ".join(parts)


def condition_witness(cond: Any, data: frozenset[str]) -> list[str] | None:
    """The categories that satisfy ``cond``, or None if it is not met."""
    if cond == "*":
        return sorted(data) if data else None
    if isinstance(cond, str):
        return [cond] if cond in data else None
    ((op, items),) = cond.items()
    if op == "any":
        for c in items:
            found = condition_witness(c, data)
            if found is not None:
                return found
        return None
    out: list[str] = []
    for c in items:
        found = condition_witness(c, data)
        if found is None:
            return None
        out.extend(x for x in found if x not in out)
    return out


# Witness combinations are few for real definitions (tens); the cap keeps a pathological
# condition from growing without bound.
MAX_WITNESSES = 512


def condition_witnesses(cond: Any, data: frozenset[str]) -> list[tuple[str, ...]]:
    """Every way the categories in ``data`` meet ``cond`` (each a tuple of categories), so that
    a safe harbour can ask whether ANY of them uses a category that is not protected."""
    if cond == "*":
        return [(c,) for c in sorted(data)]
    if isinstance(cond, str):
        return [(cond,)] if cond in data else []
    ((op, items),) = cond.items()
    if op == "any":
        out: list[tuple[str, ...]] = []
        for c in items:
            for w in condition_witnesses(c, data):
                if w not in out:
                    out.append(w)
        return out[:MAX_WITNESSES]
    combos: list[tuple[str, ...]] = [()]
    for c in items:
        found = condition_witnesses(c, data)
        if not found:
            return []
        combos = [tuple(dict.fromkeys(a + b)) for a in combos for b in found][:MAX_WITNESSES]
    return combos


def subject_to_matches(required: str, stated: str) -> bool:
    """``dora`` matches ``dora``, ``dora:credit_institution`` and ``dora_financial_entity``."""
    return stated == required or stated.startswith((required + ":", required + "_"))


# --------------------------------------------------------------------------- evaluation


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
        how = f"in force on {day.isoformat()}, the local date ({zone.key}) of {event}"
        asof = f"law as it stood on {day.isoformat()}, the date of {event}"
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
        status = versions[-1].status.replace("_", " ")
        why = f"{status}: no date of entry into force"
    return None, how, f"{why} ({asof})"


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
            return facts.notices_sent[dep], f"notice under {dep}"
        if dep in seen or dep not in ctx.book.versions:
            return facts.events["discovered_at"], "discovered_at"
        seen.add(dep)
        rule = ctx.book.versions[dep][0]


def _check_applies(rule: Rule, ctx: _Context) -> list[str]:
    """Reasons the rule applies; raises _NotApplicable with the first reason it does not."""
    facts, book = ctx.facts, ctx.book
    why: list[str] = []
    place = book.name(rule.jurisdiction)

    if rule.kind == "contract":
        why.append(f"contract clause with {rule.counterparty}")
        if rule.systems_any:
            hit = [s for s in facts.systems if s in rule.systems_any]
            if not hit:
                raise _NotApplicable(
                    "contract clause covers systems "
                    f"{', '.join(rule.systems_any)}; none of them is affected"
                )
            why.append(f"affected systems include {', '.join(hit)}")
        if rule.customers_any:
            hit = [c for c in facts.customers if c in rule.customers_any]
            if not hit:
                raise _NotApplicable(
                    "contract clause covers customers "
                    f"{', '.join(rule.customers_any)}; none of them is affected"
                )
            why.append(f"affected customers include {', '.join(hit)}")

    view = ctx.whole
    if rule.obligated_role:
        view = ctx.views.get(rule.obligated_role)
        if view is None:
            raise _NotApplicable(_role_missing(rule.obligated_role, ctx))
        if view.label:
            why.append(view.label)
    if rule.obligated_role == "processor":
        why.append("the organisation acts as processor: it must tell its controller")

    if rule.requires_subject_to:
        hits = [
            s
            for s in ctx.regimes
            if any(subject_to_matches(req, s) for req in rule.requires_subject_to)
        ]
        if not hits:
            raise _NotApplicable(
                f"applies only to organisations subject to {' or '.join(rule.requires_subject_to)}"
                + (
                    f"; the organisation is subject to {', '.join(ctx.regimes)}"
                    if ctx.regimes
                    else "; the organisation is subject to none of them"
                )
            )
        why.append(f"the organisation is subject to {', '.join(hits)}")

    for needed in rule.requires_facts:
        if needed.startswith(EVENT_PREFIX):
            event = needed[len(EVENT_PREFIX) :]
            if facts.events.get(event) is None:
                raise _NotApplicable(f"applies only once {event} is recorded; it is not")
            why.append(f"{event} is recorded")
        elif not getattr(facts, needed, False):
            raise _NotApplicable(f"applies only when the facts say {needed} is true; they do not")
        else:
            why.append(f"the facts say {needed}")

    why.extend(_check_scope(rule, ctx, place, view))
    if rule.authorities or rule.scope == "main_establishment":
        why.extend(_place(rule, ctx, view))
    if rule.applies_with:
        why.append(_linked(rule, ctx))

    if rule.data_condition is not None:
        witness = condition_witness(rule.data_condition, view.data)
        if witness is None:
            stated = ", ".join(sorted(view.data)) or "no categories recorded"
            raise _NotApplicable(
                f"data affected ({stated}) does not meet the definition: needs "
                f"{describe_condition(rule.data_condition)}"
            )
        if rule.data_condition == "*":
            why.append(f"personal data affected ({', '.join(witness)})")
        else:
            why.append(
                f"data affected meets the definition ({' + '.join(witness)}; the statute needs "
                f"{describe_condition(rule.data_condition)})"
            )

    if rule.causes_any:
        causes = ", ".join(c.replace("_", " ") for c in rule.causes_any)
        if facts.cause is None:
            why.append(f"cause not yet recorded: treated as one of {causes} until it is")
        elif facts.cause not in rule.causes_any:
            raise _NotApplicable(
                f"cause recorded as {facts.cause.replace('_', ' ')}; the rule covers {causes}"
            )
        else:
            why.append(f"cause ({facts.cause.replace('_', ' ')}) is one the rule covers")

    if rule.min_risk is not None:
        needed = RISK_LEVELS.index(rule.min_risk)
        threshold = RISK_WORDS[rule.min_risk]
        if facts.risk_of_harm is None:
            why.append(
                "risk of harm not yet assessed: treated as notifiable (the rule applies from "
                f"{threshold} upward)"
            )
        elif RISK_LEVELS.index(facts.risk_of_harm) < needed:
            raise _NotApplicable(
                f"risk of harm assessed as {RISK_WORDS[facts.risk_of_harm]}; the rule applies "
                f"only from {threshold} upward"
            )
        else:
            why.append(
                f"risk of harm assessed as {RISK_WORDS[facts.risk_of_harm]}; the rule applies "
                f"from {threshold} upward"
            )

    if rule.encryption_safe_harbour and (facts.encrypted or facts.encryption_by_category):
        why.extend(_safe_harbour(rule, facts, view))

    if rule.threshold is not None and not (
        rule.scope == "establishment_or_threshold" and rule.jurisdiction in ctx.established
    ):
        t = rule.threshold
        if t.counted == "total":
            n, who = view.total, f"{_people(view.total)} affected in total"
        elif t.counted == "per_subdivision":
            place_n = [(view.counts.get(c, 0), c) for c in book.children.get(rule.jurisdiction, ())]
            n, biggest = max(place_n, key=lambda pair: pair[0], default=(0, rule.jurisdiction))
            who = (
                f"largest number in one subdivision: {_residents(book, biggest, n)}"
                if n
                else f"no residents of any subdivision of {place} affected"
            )
        else:
            n = view.counts.get(rule.jurisdiction, 0)
            who = _residents(book, rule.jurisdiction, n)
        if t.op == ">":
            ok, words = n > t.value, ("more than" if n > t.value else "not more than")
        elif t.op == "<":
            ok, words = n < t.value, ("fewer than" if n < t.value else "at least")
        else:
            ok, words = n >= t.value, ("at least" if n >= t.value else "fewer than")
        text = f"{who}, {words} {t.value:,}"
        if not ok:
            raise _NotApplicable(text)
        why.append(text)
    return why


def _role_missing(role: str, ctx: _Context) -> str:
    facts = ctx.facts
    if facts.data_sets:
        return (
            f"duty of the {role}; the organisation is {role} for none of the data sets "
            f"({', '.join(repr(s.name) for s in facts.data_sets)})"
        )
    if role == "processor":
        return "duty of a processor towards its controller; the organisation is the controller"
    return (
        f"duty of the controller; the organisation acts as {facts.organisation.role} and owes "
        "notice to its controller instead"
    )


def _safe_harbour(rule: Rule, facts: Facts, view: _View) -> list[str]:
    """Why-lines when the encryption safe harbour does not hold; raises _NotApplicable when it
    does. Per category: it holds only if every category that can make the rule apply is
    encrypted with a key that is safe (or whose compromise this rule does not count)."""
    defeats = rule.key_compromise_defeats_safe_harbour
    if not facts.encryption_by_category:  # one pair of flags for the whole breach (format 1)
        if facts.key_compromised and defeats:
            return ["data was encrypted but the key was compromised: no safe harbour"]
        if facts.key_compromised:
            raise _NotApplicable(
                "data is encrypted; under this rule a compromised key does not remove the safe "
                "harbour"
            )
        raise _NotApplicable("data is encrypted and the key was not compromised: safe harbour")
    cond = "*" if rule.data_condition is None else rule.data_condition
    witnesses = condition_witnesses(cond, view.data)
    if not witnesses:
        return []  # no personal data in this part of the breach: nothing to be encrypted

    def exposure(category: str) -> str | None:
        encrypted, lost = facts.protection(category)
        if not encrypted:
            return f"{category} not encrypted"
        if lost and defeats:
            return f"{category} encrypted but the key was compromised"
        return None

    for witness in witnesses:
        exposed = [e for e in map(exposure, witness) if e]
        if exposed:
            safe = [c for c in witness if exposure(c) is None]
            return [
                "no encryption safe harbour: "
                + "; ".join(exposed)
                + (f" (encrypted with a safe key: {', '.join(safe)})" if safe else "")
            ]
    covered = sorted({c for w in witnesses for c in w}, key=sorted(view.data).index)
    lost = [c for c in covered if facts.protection(c)[1]]
    raise _NotApplicable(
        "safe harbour: every category that makes the rule apply is encrypted with a safe key ("
        + ", ".join(covered)
        + ")"
        + (
            f"; the key of {', '.join(lost)} was compromised, which under this rule does not "
            "remove the safe harbour"
            if lost
            else ""
        )
    )


def _check_scope(rule: Rule, ctx: _Context, place: str, view: _View) -> list[str]:
    facts, book = ctx.facts, ctx.book
    org = facts.organisation
    n = view.counts.get(rule.jurisdiction, 0)
    established = rule.jurisdiction in ctx.established
    if rule.kind == "contract" or rule.scope == "organisation":
        return ["applies to the organisation wherever the affected people live"]
    if rule.scope == "main_establishment":
        return []  # _place finds the member state

    if rule.scope == "residents":
        if n <= 0:
            raise _NotApplicable(f"no residents of {place} affected")
        return [_residents(book, rule.jurisdiction, n), *_rolled_up(ctx, view, rule.jurisdiction)]
    if rule.scope == "establishment":
        if not established:
            raise _NotApplicable(f"the organisation is not established in {place}")
        return [f"the organisation is established in {place}"]
    if rule.scope == "establishment_or_threshold":
        if established:
            return [f"the organisation is established in {place}: no head count needed"]
        if n <= 0:
            raise _NotApplicable(f"no residents of {place} affected and no establishment there")
        return [_residents(book, rule.jurisdiction, n)]
    if rule.scope == "residents_or_establishment":
        if n > 0:
            return [
                _residents(book, rule.jurisdiction, n),
                *_rolled_up(ctx, view, rule.jurisdiction),
            ]
        if established:
            return [f"the organisation is established in {place}"]
        raise _NotApplicable(f"no residents of {place} affected and no establishment there")
    # lead_authority: one-stop-shop if the main establishment has an authority of this regime.
    authorities = book.lead_authorities.get(rule.regime_code, set())
    main = org.main_establishment
    if main and main not in authorities:
        # A main establishment given as a subdivision (DE-BE) leads to the nearest place that
        # has an authority under this regime (DE), unless the subdivision has its own.
        main = next((c for c in book.lineage(main) if c in authorities), main)
    if main and main in authorities:
        if main == rule.jurisdiction:
            return [
                f"main establishment in {place}: {rule.authority} is the lead supervisory "
                "authority (one-stop-shop)"
            ]
        raise _NotApplicable(
            f"main establishment in {book.name(main)}: under the one-stop-shop the lead "
            f"authority there is notified, not the authority of {place}"
            + (f" ({_residents(book, rule.jurisdiction, n)})" if n else "")
        )
    if n <= 0:
        raise _NotApplicable(f"no residents of {place} affected")
    reason = (
        f"main establishment {book.name(main)} has no authority under this regime"
        if main
        else "no main establishment in the EU/EEA"
    )
    return [
        f"{reason}: every authority where affected people reside is notified",
        _residents(book, rule.jurisdiction, n),
        *_rolled_up(ctx, view, rule.jurisdiction),
    ]


def _rolled_up(ctx: _Context, view: _View, code: str) -> list[str]:
    """Why-lines for the people of subdivisions without rules of their own counted here:
    "1,200 residents of Ontario (CA-ON) affected; no Ontario rule in the rule book: Canada's
    rules apply"."""
    found = view.rolled_up.get(code)
    if not found:
        return []
    book = ctx.book
    whose = book.name(code)
    whose = f"the rules of {whose}" if whose.endswith((")", "s")) else f"{whose}'s rules"
    out = []
    for sub, n in found:
        sub_name = book.name(sub)
        out.append(
            f"{n:,} {'resident' if n == 1 else 'residents'} of {sub_name} ({sub}) affected; no "
            f"{sub_name} rule in the rule book: {whose} apply"
        )
    return out


def _evaluate_rule(code: str, ctx: _Context) -> ObligationResult | Exclusion:
    done = ctx.results.get(code)
    if done is not None:
        return done
    if code in ctx.active:  # guarded by rule book validation; never loop
        first = ctx.book.versions[code][0]
        return Exclusion(first, "circular dependency between notices")
    ctx.active.add(code)
    try:
        result = _evaluate_uncached(code, ctx)
    finally:
        ctx.active.discard(code)
    ctx.results[code] = result
    return result


def _evaluate_uncached(code: str, ctx: _Context) -> ObligationResult | Exclusion:
    rule, how, why_not = _choose_version(code, ctx)
    if rule is None:
        return Exclusion(
            ctx.book.versions[code][-1], why_not, in_force_from=ctx.in_force_from.get(code)
        )
    ctx.in_force[code] = rule
    try:
        why = _check_applies(rule, ctx)
    except _NotApplicable as exc:
        placed = ctx.placed.get(code)
        return Exclusion(placed.rule if placed else rule, exc.why)
    placed = ctx.placed.get(code)
    rule = placed.rule if placed else rule
    if rule.status == "in_force_pending_executive_regulations":
        why.append("in force; implementing regulations still pending")
    steps = [f"rule version {rule.version} chosen: {how}"]
    dep = rule.depends_on
    if dep is not None:
        result = _dependent(rule, dep, why, steps, ctx)
    else:
        start = ctx.facts.events.get(rule.clock_start)
        result = _timed(rule, rule.clock_start, start, why, steps, ctx)
    if placed and placed.transposition and isinstance(result, ObligationResult):
        result = replace(result, transposition=placed.transposition)
    facts = ctx.facts
    if isinstance(result, ObligationResult) and (
        facts.law_enforcement_hold is not None or facts.national_security_delay is not None
    ):
        result, found = holds.apply(result, facts, _period_counter(rule, ctx))
        if found:
            ctx.conflicts[code] = found
    return result


def _period_counter(rule: Rule, ctx: _Context):
    """Counts a period in the rule's zone and calendar (for re-timing after a hold)."""
    zone = _zone_for(rule, ctx.book)

    def add(start: datetime, amount: int, unit: str):
        calendar = _calendar_for(rule, ctx) if unit == "business_days" else None
        return cal.add(start, amount, unit, zone, calendar)

    return add


def _linked(rule: Rule, ctx: _Context) -> str:
    """A linked duty is owed only where one of the rules it follows is (same conditions)."""
    owed, not_owed = [], []
    for code in rule.applies_with:
        if code in ctx.book.versions:
            result = _evaluate_rule(code, ctx)
            (owed if isinstance(result, ObligationResult) else not_owed).append(result)
    if not owed:
        raise _NotApplicable(
            "owed only where a duty under "
            + " or ".join(rule.applies_with)
            + " is owed, and none is: "
            + "; ".join(f"{e.rule.code}: {e.why}" for e in not_owed)
        )
    codes = ", ".join(o.code for o in owed)
    return f"owed because the duty under {codes} is owed (same conditions)"


def _place(rule: Rule, ctx: _Context, view: _View) -> tuple[str, ...]:
    """Address an EU-wide rule to its member state and authority (see engine.authorities)."""
    facts = ctx.facts
    if facts.rules_as_of is not None:
        day = facts.rules_as_of
    else:
        instant, _event = _version_instant(rule, ctx)
        day = instant.astimezone(_zone_for(rule, ctx.book)).date()
    try:
        placed = auth.place(
            rule, facts.organisation, ctx.book, day, view.counts.get(rule.jurisdiction, 0)
        )
    except auth.NoAuthority as exc:
        ctx.placed[rule.code] = auth.Placement(exc.rule, None, ())
        raise _NotApplicable(exc.why) from None
    ctx.placed[rule.code] = placed
    return placed.why


def _deadline(rule: Rule, start: datetime, ctx: _Context) -> tuple[datetime, list[str]]:
    zone = _zone_for(rule, ctx.book)
    calendar = _calendar_for(rule, ctx) if rule.deadline_unit == "business_days" else None
    cutoff = time.fromisoformat(rule.deadline_cutoff) if rule.deadline_cutoff else None
    anchored: list[str] = []
    if rule.deadline_anchor == "calendar_year_end":
        start, anchored = cal.end_of_calendar_year(start, zone)
    due, steps = cal.add(start, rule.deadline_amount, rule.deadline_unit, zone, calendar, cutoff)
    return due, anchored + steps


def _timed(
    rule: Rule,
    event: str,
    start: datetime | None,
    why: list[str],
    steps: list[str],
    ctx: _Context,
    *,
    kind: str = "fixed",
) -> ObligationResult:
    zone = _zone_for(rule, ctx.book)
    limit = rule.also_not_later_than
    limit_due = None
    if limit is not None:
        limit_start = ctx.facts.events.get(limit.event)
        if limit_start is not None:
            limit_calendar = _calendar_for(rule, ctx) if limit.unit == "business_days" else None
            limit_due, limit_steps = cal.add(
                limit_start, limit.amount, limit.unit, zone, limit_calendar
            )
    if start is None:
        if rule.deadline_amount is not None and limit_due is not None:
            steps.append(
                f"{event} has not happened yet, but the outer limit of {limit.amount} "
                f"{limit.unit.replace('_', ' ')} after {limit.event} already runs"
            )
            steps.extend(limit_steps)
            due_local = _relief(rule, limit_due.astimezone(zone), steps, ctx)
            why.append(
                f"{event} not yet recorded: the {limit.amount} {limit.unit.replace('_', ' ')} "
                f"limit from {limit.event} applies"
            )
            return ObligationResult(
                rule,
                event,
                None,
                due_local.astimezone(UTC),
                due_local,
                "fixed",
                None,
                tuple(why),
                tuple(steps),
            )
        why.append(f"the clock starts at {event}, which has not happened yet")
        return ObligationResult(
            rule,
            event,
            None,
            None,
            None,
            "fixed" if rule.deadline_amount is not None else "no_fixed_deadline",
            event,
            tuple(why),
            tuple(steps),
        )
    steps.append(
        f"clock starts at {event}: {cal.fmt_utc(start)} = {cal.fmt_local(start.astimezone(zone))}"
        f" in {zone.key}"
    )
    if rule.deadline_amount is None:
        steps.append(f"no fixed outer limit: {rule.timing_standard}")
        return ObligationResult(
            rule,
            event,
            start.astimezone(UTC),
            None,
            None,
            "no_fixed_deadline",
            None,
            tuple(why),
            tuple(steps),
        )
    due, more = _deadline(rule, start, ctx)
    steps.extend(more)
    if limit_due is not None:
        if limit_due < start:
            steps.append(
                f"the outer limit from {limit.event} ({cal.fmt_utc(limit_due)}) had already "
                f"passed when the clock started: the {rule.deadline_amount} "
                f"{rule.deadline_unit.replace('_', ' ')} from {event} govern"
            )
        elif limit_due < due:
            steps.extend(limit_steps)
            steps.append(
                f"the outer limit of {limit.amount} {limit.unit.replace('_', ' ')} after "
                f"{limit.event} is earlier and wins: {cal.fmt_utc(limit_due)}"
            )
            due = limit_due
        else:
            steps.append(
                f"the outer limit of {limit.amount} {limit.unit.replace('_', ' ')} after "
                f"{limit.event} ({cal.fmt_utc(limit_due)}) is later; the earlier deadline stands"
            )
    due_local = _relief(rule, due.astimezone(zone), steps, ctx)
    return ObligationResult(
        rule,
        event,
        start.astimezone(UTC),
        due_local.astimezone(UTC),
        due_local,
        kind,
        None,
        tuple(why),
        tuple(steps),
    )


def _relief(rule: Rule, due_local: datetime, steps: list[str], ctx: _Context) -> datetime:
    if rule.non_business_day_relief != "next_business_day_noon":
        return due_local
    stated = ctx.regimes
    barred = [s for s in stated if any(subject_to_matches(r, s) for r in rule.relief_not_for)]
    if barred:
        steps.append(f"no weekend/holiday relief for organisations subject to {', '.join(barred)}")
        return due_local
    calendar = _calendar_for(rule, ctx)
    if calendar is None:
        return due_local
    moved, more = cal.next_business_day_noon(due_local, calendar)
    steps.extend(more)
    return moved


def _dependent(
    rule: Rule, dep: str, why: list[str], steps: list[str], ctx: _Context
) -> ObligationResult | Exclusion:
    event = NOTICE_PREFIX + dep
    facts = ctx.facts
    if dep in ctx.book.versions:
        parent = _evaluate_rule(dep, ctx)
    else:
        return Exclusion(rule, f"depends on rule {dep}, which is not in the rule book")
    if isinstance(parent, Exclusion):
        return Exclusion(rule, f"follows the notice under {dep}, which is not owed: {parent.why}")
    if rule.deadline_kind == "before":
        sent = facts.notices_sent.get(dep)
        if sent is not None:
            due, basis = sent, f"the notice under {dep} was recorded at {cal.fmt_utc(sent)}"
        elif parent.due_at is not None:
            due, basis = (
                parent.due_at,
                f"the notice under {dep} is due by {cal.fmt_utc(parent.due_at)}",
            )
        else:
            why.append(f"must be given before the notice under {dep}, which has no fixed deadline")
            return ObligationResult(
                rule, event, None, None, None, "before", None, tuple(why), tuple(steps)
            )
        steps.append(f"must precede the notice under {dep}: {basis}")
        why.append(f"must be given before the notice under {dep}")
        zone = _zone_for(rule, ctx.book)
        return ObligationResult(
            rule,
            event,
            None,
            due.astimezone(UTC),
            due.astimezone(zone),
            "before",
            None,
            tuple(why),
            tuple(steps),
        )
    sent = facts.notices_sent.get(dep)
    if sent is not None:
        why.append(f"the notice under {dep} was sent at {cal.fmt_utc(sent)}")
        return _timed(rule, event, sent, why, steps, ctx)
    if rule.deadline_amount is None:
        why.append(f"follows the notice under {dep}; no fixed outer limit")
        steps.append(f"no fixed outer limit: {rule.timing_standard}")
        return ObligationResult(
            rule, event, None, None, None, "no_fixed_deadline", None, tuple(why), tuple(steps)
        )
    if parent.due_at is None:
        why.append(
            f"counted from the notice under {dep}, which has not been sent and has no fixed "
            "deadline"
        )
        return ObligationResult(
            rule, event, None, None, None, "fixed", event, tuple(why), tuple(steps)
        )
    steps.append(
        f"the notice under {dep} has not been recorded: counted from its latest possible time, "
        f"{cal.fmt_utc(parent.due_at)}"
    )
    result = _timed(rule, event, parent.due_at, why, steps, ctx, kind="latest_possible")
    # The clock has not really started: report the start as unknown, the due date as latest.
    return ObligationResult(
        result.rule,
        event,
        None,
        result.due_at,
        result.due_local,
        "latest_possible",
        None,
        result.why,
        result.computation,
    )


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


def _assumed(owed: set[str], ctx: _Context) -> frozenset[str]:
    """Owed rules that apply only because a fact they turn on is not yet recorded (the cause, the
    harm): such a rule must not displace another, or a missing fact would hide a shorter duty."""
    facts = ctx.facts
    out = set()
    for code in owed:
        rule = ctx.results[code].rule
        if (rule.causes_any and facts.cause is None) or (
            rule.min_risk is not None and facts.risk_of_harm is None
        ):
            out.add(code)
    return frozenset(out)


def _uncovered(facts: Facts, book: CompiledRulebook) -> list[dict]:
    """People living where the rule book has no rule of that place or of any place containing it
    (Jamaica, Guam...): never a silent nothing - counsel must check that law by hand."""
    out = []
    for code, n in sorted(facts.affected.items()):
        if n <= 0 or any(book.has_rules(place) for place in book.lineage(code)):
            continue
        place = f"{book.name(code)} ({code})"
        out.append(
            {
                "kind": "no_rule",
                "key": f"no_rule:{code}",
                "rules": [],
                "jurisdiction": code,
                "why": (
                    f"{n:,} {'resident' if n == 1 else 'residents'} of {place} affected, but the "
                    f"rule book has no rule for {place} or a region containing it: its "
                    "breach-notification law has not been assessed here and must be checked by "
                    "counsel"
                ),
            }
        )
    return out


def evaluate(facts: Facts, rules, jurisdictions, *, rulebook_version: str) -> Evaluation:
    """Every obligation owed for ``facts`` under ``rules``, and why each other rule in play is not.

    ``rules`` and ``jurisdictions`` are sequences of ``Rule`` / ``Jurisdiction`` (several versions
    of one rule code may be present). Pass the same objects again to reuse the compiled indexes.
    """
    book = compile_rulebook(rules, jurisdictions)
    ctx = _context(facts, book)
    codes: list[str] = []
    for j in sorted(ctx.in_play):
        codes.extend(book.by_jurisdiction.get(j, ()))
    codes.extend(book.organisation_wide)
    codes.extend(book.contracts)
    stated = ctx.regimes
    out = Evaluation(rulebook_version)
    results = [(code, _evaluate_rule(code, ctx)) for code in codes]
    displaced = {}
    if book.displacing:
        owed = {c for c, r in ctx.results.items() if isinstance(r, ObligationResult)}
        displaced = precedence.displace(
            ctx.results,
            owed,
            {c: ctx.in_force[c] for c in book.displacing if c in ctx.in_force},
            stated,
            subject_to_matches,
            book.pattern_targets,
            book.versions,
            _assumed(owed, ctx),
        )
        out.conflicts.extend(precedence.conflicts(displaced))
    for code, result in results:
        if code in displaced:
            d = displaced[code]
            out.not_applicable.append(Exclusion(result.rule, d.why, displaced_by=d.by.code))
            continue
        if isinstance(result, ObligationResult):
            out.obligations.append(result)
            out.conflicts.extend(ctx.conflicts.get(code, ()))
            continue
        first = ctx.book.versions[code][0]
        if (
            code in ctx.in_force_from
            and first.requires_subject_to
            and not any(subject_to_matches(r, s) for r in first.requires_subject_to for s in stated)
        ):
            continue  # a regime not yet in force that the organisation is not subject to: noise
        if first.scope in ("organisation", "main_establishment") and first.kind != "contract":
            # Organisation-wide rules are in play when their regime is: the organisation is
            # subject to it, or people live (or it is established) in its jurisdiction.
            if not (
                ctx.counts.get(first.jurisdiction)
                or (first.scope == "main_establishment" and first.jurisdiction in ctx.established)
                or any(subject_to_matches(r, s) for r in first.requires_subject_to for s in stated)
            ):
                continue
        out.not_applicable.append(result)
    out.conflicts.extend(_uncovered(facts, book))
    far = datetime.max.replace(tzinfo=UTC)
    out.obligations.sort(key=lambda o: (o.due_at or far, o.rule.jurisdiction, o.rule.code))
    out.not_applicable.sort(key=lambda e: (e.rule.jurisdiction, e.rule.code))
    out.conflicts.sort(key=lambda c: (CONFLICT_ORDER.get(c["kind"], 9), c["key"]))
    return out
