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

The parts live in their own modules - ``results`` (what is returned), ``compiled`` (the rule
book indexed), ``conditions`` (data definitions), ``context`` (one evaluation's state),
``applicability`` (why a rule applies) and ``deadlines`` (counting the period) - and this
module walks the rules through them. Every public name is importable from here.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from . import calendars as cal
from . import holds, precedence
from .applicability import _check_scope, _place, _role_missing, _safe_harbour
from .compiled import CompiledRulebook, compile_rulebook
from .conditions import (
    MAX_WITNESSES,
    condition_witness,
    condition_witnesses,
    describe_condition,
    subject_to_matches,
)
from .context import (
    NOT_IN_FORCE_STATUSES,
    _choose_version,
    _Context,
    _context,
    _NotApplicable,
    _people,
    _residents,
    _zone_for,
)
from .deadlines import _period_counter, _timed
from .facts import Facts
from .results import OUTPUT_FORMAT, Evaluation, Exclusion, ObligationResult
from .rules import EVENT_PREFIX, NOTICE_PREFIX, RISK_LEVELS, Rule
from .vocabulary import (
    categories_in_words,
    data_words,
    event_words,
    fact_words,
    join_words,
    regimes_in_words,
)

__all__ = [
    "CONFLICT_ORDER",
    "MAX_WITNESSES",
    "NOT_IN_FORCE_STATUSES",
    "OUTPUT_FORMAT",
    "RECIPIENT_WORDS",
    "RISK_WORDS",
    "CompiledRulebook",
    "Evaluation",
    "Exclusion",
    "ObligationResult",
    "compile_rulebook",
    "condition_witness",
    "condition_witnesses",
    "describe_condition",
    "evaluate",
    "subject_to_matches",
]

# Conflicts are listed displacements first, then the holds some duties do not allow.
CONFLICT_ORDER = {
    "displacement": 0,
    "hold_not_allowed": 1,
    "hold_not_written": 2,
    "content": 3,
    "no_rule": 4,
}
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
                "applies only to: "
                + regimes_in_words(rule.requires_subject_to, "or")
                + (
                    f"; the organisation is: {regimes_in_words(ctx.regimes, 'and')}"
                    if ctx.regimes
                    else "; the organisation is none of these"
                )
            )
        why.append(f"the organisation is: {regimes_in_words(hits, 'and')}")

    for needed in rule.requires_facts:
        if needed.startswith(EVENT_PREFIX):
            event = needed[len(EVENT_PREFIX) :]
            if facts.events.get(event) is None:
                raise _NotApplicable(
                    f"applies only once {event_words(event)} is recorded; it is not"
                )
            why.append(f"{event_words(event)} is recorded")
        elif getattr(facts, needed, False) is None:
            why.append(
                f"not yet known whether {fact_words(needed)}: treated as so (listed) until it is "
                "recorded"
            )
        elif not getattr(facts, needed, False):
            raise _NotApplicable(f"applies only when {fact_words(needed)}; the facts do not say so")
        else:
            why.append(f"the facts say that {fact_words(needed)}")

    why.extend(_check_scope(rule, ctx, place, view))
    if rule.authorities or rule.scope == "main_establishment":
        why.extend(_place(rule, ctx, view))
    if rule.applies_with:
        why.append(_linked(rule, ctx))

    if rule.data_condition is not None:
        witness = condition_witness(rule.data_condition, view.data)
        if witness is None:
            stated = categories_in_words(view.data) or "no categories recorded"
            raise _NotApplicable(
                f"data affected ({stated}) does not meet the definition: it needs "
                f"{describe_condition(rule.data_condition)}"
            )
        if rule.data_condition == "*":
            why.append(f"personal data affected ({categories_in_words(witness)})")
        else:
            why.append(
                f"data affected meets the definition ({join_words(list(map(data_words, witness)))}"
                f"; the law needs {describe_condition(rule.data_condition)})"
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

    if rule.max_risk is not None:
        ceiling = RISK_WORDS[rule.max_risk]
        if facts.risk_of_harm is None:
            why.append(
                f"risk of harm not yet assessed: listed until it is (owed only up to {ceiling})"
            )
        elif RISK_LEVELS.index(facts.risk_of_harm) > RISK_LEVELS.index(rule.max_risk):
            raise _NotApplicable(
                f"risk of harm assessed as {RISK_WORDS[facts.risk_of_harm]}; the rule applies "
                f"only up to {ceiling} (the no-harm path)"
            )
        else:
            why.append(
                f"risk of harm assessed as {RISK_WORDS[facts.risk_of_harm]}; the rule applies "
                f"up to {ceiling}"
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
    if rule.not_after_notice and isinstance(result, ObligationResult):
        result = _not_after_notice(result, rule, ctx)
    facts = ctx.facts
    if isinstance(result, ObligationResult) and (
        facts.law_enforcement_hold is not None or facts.national_security_delay is not None
    ):
        result, found = holds.apply(result, facts, _period_counter(rule, ctx))
        if found:
            ctx.conflicts[code] = found
    return result


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


def _not_after_notice(result: ObligationResult, rule: Rule, ctx: _Context) -> ObligationResult:
    """Due no later than another rule's notice once that notice is recorded as sent (9 V.S.A.
    2435(b)(3): "... or when the data collector provides notice to consumers, whichever is
    sooner"); until then the rule's own deadline stands."""
    other = rule.not_after_notice
    sent = ctx.facts.notices_sent.get(other)
    if sent is None:
        return result
    if result.due_at is not None and result.due_at <= sent:
        return replace(
            result,
            computation=(
                *result.computation,
                f"the notice under {other} was sent at {cal.fmt_utc(sent)}, later than this "
                "deadline: the deadline stands",
            ),
        )
    zone = _zone_for(rule, ctx.book)
    return replace(
        result,
        due_at=sent.astimezone(UTC),
        due_local=sent.astimezone(zone),
        deadline_kind="before",
        waiting_for=None,
        why=(*result.why, f"due no later than the notice under {other}, which was sent first"),
        computation=(
            *result.computation,
            f"the notice under {other} was sent at {cal.fmt_utc(sent)}, earlier than this "
            "deadline: due then",
        ),
    )


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


def _assumed(owed: set[str], ctx: _Context) -> frozenset[str]:
    """Owed rules that apply only because a fact they turn on is not yet recorded (the cause, the
    harm, a facts flag such as the clients' financial impact): such a rule must not displace
    another, or a missing fact would hide a shorter duty."""
    facts = ctx.facts
    out = set()
    for code in owed:
        rule = ctx.results[code].rule
        if (
            (rule.causes_any and facts.cause is None)
            or (rule.min_risk is not None and facts.risk_of_harm is None)
            or (rule.max_risk is not None and facts.risk_of_harm is None)
            or any(getattr(facts, flag, False) is None for flag in rule.requires_facts)
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
