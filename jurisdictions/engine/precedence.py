"""Precedence as rule data: which duties another rule displaces, and the conflicts that says so.

Pure; no Django. ``displace`` reads the rules' ``displaces`` entries (``rules.Displacement``) over
one evaluation's results and returns, for each displaced rule code, the displacing rule and the
entry; duties whose clock starts at a displaced notice are displaced with it (not under deemed
compliance: that notice is still given, under the other regime's procedure). The engine then lists
each displaced duty under ``not_applicable`` with ``displaced_by`` and a ``why`` naming both rules,
both citations and the basis, and adds one ``conflicts`` item per displacement. No rule code is
written here: every reading lives in the rule book.
"""

from __future__ import annotations

from dataclasses import dataclass
from fnmatch import fnmatchcase

from .rules import Displacement, Rule

BASIS_WORDS = {
    "lex_specialis": "lex specialis (the sector-specific law applies instead)",
    "exemption": "exemption (the law does not apply to this organisation)",
    "deemed_compliance": "deemed compliance (following the other regime satisfies this law)",
    "substantially_similar": "substantially similar law (the other law governs instead)",
    "other": "precedence",
}


@dataclass(frozen=True)
class Displaced:
    """One displaced duty: ``by`` displaces ``rule`` under ``entry``; ``via`` is the displaced
    notice it follows (for a duty displaced because its clock starts at that notice)."""

    rule: Rule
    by: Rule
    entry: Displacement
    via: str | None = None

    @property
    def why(self) -> str:
        by, entry = self.by, self.entry
        head = (
            f"exempt under its own terms ({entry.citation})"
            if by.code == self.rule.code
            else (
                f"displaced by {by.code} ({by.regime}, {by.citation}): "
                f"{BASIS_WORDS[entry.basis]} - {entry.citation}"
            )
        )
        if self.via:
            head = f"follows the notice under {self.via}, which is {head}"
        parts = [head]
        if entry.note:
            parts.append(entry.note)
        parts.append(f"this duty ({self.rule.citation}) is not owed")
        return "; ".join(parts)


def _subject_to(required: tuple[str, ...], stated: tuple[str, ...], matches) -> list[str]:
    return [s for s in stated if any(matches(r, s) for r in required)]


def _targets(pattern_cache: dict, pattern: str, codes) -> list[str]:
    hit = pattern_cache.get(pattern)
    if hit is None:
        hit = pattern_cache[pattern] = frozenset(c for c in codes if fnmatchcase(c, pattern))
    return hit


def displace(
    results: dict,
    owed: set[str],
    in_force: dict[str, Rule],
    subject_to: tuple[str, ...],
    matches,
    pattern_cache: dict,
    all_codes,
    assumed: frozenset[str] = frozenset(),
) -> dict[str, Displaced]:
    """Displaced duties of one evaluation, by rule code.

    ``results``: code -> result of every rule evaluated; ``owed``: the codes that are owed
    (obligations); ``in_force``: code -> the rule version in force for the facts (a rule not in
    force displaces nothing); ``subject_to``: the organisation's regimes; ``matches``: the
    subject-to matcher. A duty is displaced once, by the first displacing rule in code order.
    Displacement is one pass: a displaced rule still displaces others (its law still applies to
    the organisation; only its duty is not owed). ``assumed``: owed codes that apply only on a
    fact not yet recorded (an unrecorded cause or harm); they may add a duty, never take one away.
    """
    out: dict[str, Displaced] = {}
    for code in sorted(in_force):
        rule = in_force[code]
        if not rule.displaces:
            continue
        for entry in rule.displaces:
            if entry.requires_applies and (code not in owed or code in assumed):
                continue
            if entry.when_subject_to and not _subject_to(
                entry.when_subject_to, subject_to, matches
            ):
                continue
            for pattern in entry.rules:
                for target in _targets(pattern_cache, pattern, all_codes):
                    if target in out or target not in owed:
                        continue
                    if target == code and entry.requires_applies:
                        continue  # a rule that applies cannot switch itself off
                    displaced = results[target].rule
                    if entry.recipients and displaced.recipient not in entry.recipients:
                        continue
                    out[target] = Displaced(displaced, rule, entry)
    if not out:
        return out
    # Duties counted from a displaced notice go with it (to any depth) - except under deemed
    # compliance, where that notice is still given (under the other regime's procedure) and what
    # follows it still runs.
    changed = True
    while changed:
        changed = False
        for code in owed:
            if code in out:
                continue
            dep = results[code].rule.depends_on
            if dep in out and out[dep].entry.basis != "deemed_compliance":
                first = out[dep]
                out[code] = Displaced(results[code].rule, first.by, first.entry, via=dep)
                changed = True
    return out


def conflicts(displaced: dict[str, Displaced]) -> list[dict]:
    """One ``displacement`` conflict per displacing rule and directly displaced rule; the duties
    that follow a displaced notice are listed in its ``rules``."""
    followers: dict[str, list[str]] = {}
    for code, d in displaced.items():
        if d.via:
            root = d.via
            while displaced[root].via:
                root = displaced[root].via
            followers.setdefault(root, []).append(code)
    out = []
    for code in sorted(displaced):
        d = displaced[code]
        if d.via:
            continue
        rules = [d.by.code] if d.by.code == code else [d.by.code, code]
        rules += sorted(followers.get(code, ()))
        out.append(
            {
                "kind": "displacement",
                "key": f"displacement:{d.by.code}>{code}",
                "rules": rules,
                "basis": d.entry.basis,
                "citation": d.entry.citation,
                "why": f"{code}: {d.why}",
            }
        )
    return out
