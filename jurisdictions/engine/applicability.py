"""Why a rule applies or not, part by part: where the people live or the organisation is
established, the encryption safe harbour, the role, the member state and authority of an
EU-wide duty. Each check returns why-lines or raises ``_NotApplicable`` with the reason.
Pure; no Django.
"""

from __future__ import annotations

from . import authorities as auth
from .conditions import condition_witnesses
from .context import _Context, _NotApplicable, _residents, _version_instant, _View, _zone_for
from .facts import Facts
from .rules import Rule
from .vocabulary import (
    categories_in_words,
    data_name,
)


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
            return f"{data_name(category)} not encrypted"
        if lost and defeats:
            return f"{data_name(category)} encrypted but the key was compromised"
        return None

    for witness in witnesses:
        exposed = [e for e in map(exposure, witness) if e]
        if exposed:
            safe = [c for c in witness if exposure(c) is None]
            return [
                "no encryption safe harbour: "
                + "; ".join(exposed)
                + (f" (encrypted with a safe key: {categories_in_words(safe)})" if safe else "")
            ]
    covered = sorted({c for w in witnesses for c in w}, key=sorted(view.data).index)
    lost = [c for c in covered if facts.protection(c)[1]]
    raise _NotApplicable(
        "safe harbour: every category that makes the rule apply is encrypted with a safe key ("
        + categories_in_words(covered)
        + ")"
        + (
            f"; the key of {categories_in_words(lost)} was compromised, which under this rule "
            "does not remove the safe harbour"
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
