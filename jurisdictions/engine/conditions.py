"""A rule's data condition (``{"any": [...]}`` / ``{"all": [...]}`` of data categories): in
words, and which categories meet it. Pure; no Django.
"""

from __future__ import annotations

from typing import Any

from .vocabulary import condition_words

_DESCRIBED: dict[int, tuple[Any, str]] = {}


def describe_condition(cond: Any) -> str:
    """The condition in words a lawyer reads aloud: "either a name together with any of: a Social
    Security number or a driver's licence number; or account credentials (...)"."""
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
    return condition_words(cond)


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
