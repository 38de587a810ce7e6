"""The checklist beside a notice draft: what the law requires the notice to say, and whether the
text says it. Pure functions (no Django, no database), table-tested in
``tests/drafting/test_checklist.py``.

Input: the draft's text (plain text; a ``# `` line is the title, ``## `` lines are headings),
the rule's content requirements (``RuleVersion.notice_content``, resolved form), the element
vocabulary's detection hints (``jurisdictions.notice_vocabulary``) and a few facts of the case
(``context``: the jurisdiction's count of residents and its name).

Output: one item per requirement, ``{"element", "key", "required", "satisfied", "source",
"note"}``:
- the required title and each required heading: present as a line of its own;
- each required element: its detection hints match the text (gaps left out) in a section where
  no unresolved gap marker ``[[...]]`` remains;
- each forbidden item: ``"Must not state: <label>"``, unsatisfied when the text states it (the
  number of the jurisdiction's residents is also recognised from the case's own count);
- no gap left anywhere, and plain language where the law asks for it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

GAP_RE = re.compile(r"\[\[(.*?)\]\]", re.S)
_HEADING_RE = re.compile(r"^(#{1,3})\s+(.*\S)\s*$")

# Words that name people, so "60 residents" is a count of people and "60 days" is not.
_PEOPLE = (
    r"(?:residents?|individuals?|people|persons?|consumers?|customers?|data\s+subjects?|"
    r"patients?|employees?|members?|users?|account\s*holders?|citizens?)"
    # "three consumer reporting agencies" counts agencies, not people.
    r"(?!\s+(?:reporting|protection|credit|agenc|affairs|services?\b))"
)
_NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty "
    "ninety hundred thousand million"
).split()
_WORDS = "|".join(_NUMBER_WORDS)
_WORD_NUMBER = rf"(?:(?:{_WORDS})(?:[\s-]+(?:and[\s-]+)?(?:{_WORDS}))*)"
_DIGITS = r"\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+|\d+"
_NUMBER = rf"(?:{_DIGITS}|{_WORD_NUMBER})"
# "60 Massachusetts residents", "sixty of our customers", "approximately 60 individuals"
_COUNT_BEFORE = re.compile(
    rf"\b(?P<n>{_NUMBER})\b(?:\s+[\w'’-]+){{0,3}}?\s+{_PEOPLE}\b", re.IGNORECASE
)
# "residents affected: 60", "the number of individuals affected is 60"
_COUNT_AFTER = re.compile(
    rf"\b{_PEOPLE}(?:\s+[\w'’-]+){{0,4}}?\s*(?:is|was|were|are|totals?|of|:|=)\s*"
    rf"(?:about|approximately|around|some|roughly|nearly|over|under)?\s*\b(?P<n>{_NUMBER})\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Section:
    """The text under one heading (the lines before the first heading have ``heading`` None)."""

    heading: str | None
    text: str
    gaps: tuple[str, ...] = field(default_factory=tuple)

    @property
    def plain(self) -> str:
        """The section's text with its gap markers left out."""
        return without_gaps(self.text)


def gaps(text: str) -> list[str]:
    """The unresolved gap markers ``[[...]]`` of ``text``, in order (their inner text)."""
    return [m.group(1).strip() for m in GAP_RE.finditer(text or "")]


def without_gaps(text: str) -> str:
    return GAP_RE.sub(" ", text or "")


def _norm(text: str) -> str:
    return " ".join(str(text).replace("’", "'").split()).strip().rstrip(":").strip().casefold()


def heading_lines(text: str) -> list[tuple[int, str]]:
    """``(level, text)`` of every ``#``-marked line (``# `` title is level 1)."""
    out = []
    for line in (text or "").splitlines():
        match = _HEADING_RE.match(line.strip())
        if match:
            out.append((len(match.group(1)), match.group(2).strip()))
    return out


def _is_line(text: str, wanted: str) -> bool:
    """Is ``wanted`` a line of its own (with or without ``#`` marks or a closing colon)?"""
    target = _norm(wanted)
    for line in (text or "").splitlines():
        bare = line.strip().lstrip("#").strip()
        if bare and _norm(bare) == target:
            return True
    return False


def sections(text: str, extra_headings: tuple[str, ...] = ()) -> list[Section]:
    """Split ``text`` at heading lines: ``#`` lines, and bare lines equal to a required heading."""
    wanted = {_norm(h) for h in extra_headings}
    out: list[Section] = []
    heading: str | None = None
    lines: list[str] = []

    def close():
        body = "\n".join(lines)
        out.append(Section(heading=heading, text=body, gaps=tuple(gaps(body))))

    for line in (text or "").splitlines():
        stripped = line.strip()
        match = _HEADING_RE.match(stripped)
        if match or (stripped and _norm(stripped) in wanted):
            close()
            heading = match.group(2).strip() if match else stripped
            lines = []
        else:
            lines.append(line)
    close()
    return out


# --- detection hints ---------------------------------------------------------------------------
def _get(entry, name, default=None):
    if entry is None:
        return default
    if isinstance(entry, Mapping):
        return entry.get(name, default)
    return getattr(entry, name, default)


def hints_for(vocabulary: Mapping, key: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``(any_of, all_of)`` regular expressions the vocabulary gives for ``key``."""
    entry = (vocabulary or {}).get(key)
    hints = _get(entry, "hints", None) or entry
    any_of = tuple(_get(hints, "any_of", ()) or ())
    all_of = tuple(_get(hints, "all_of", ()) or ())
    return any_of, all_of


def label_for(vocabulary: Mapping, key: str, default: str = "") -> str:
    entry = (vocabulary or {}).get(key)
    return str(_get(entry, "label", "") or default or key.replace("_", " ").capitalize())


def says(text: str, any_of: tuple[str, ...], all_of: tuple[str, ...]) -> bool:
    """Do the hints match ``text``: one of ``any_of`` (if any) and every one of ``all_of``."""
    if not any_of and not all_of:
        return False
    flags = re.IGNORECASE | re.MULTILINE
    if any_of and not any(re.search(p, text, flags) for p in any_of):
        return False
    return all(re.search(p, text, flags) for p in all_of)


# --- forbidden content --------------------------------------------------------------------------
def _number_value(token: str) -> int | None:
    digits = re.sub(r"[^\d]", "", token)
    if digits:
        return int(digits[-12:])
    return None


def stated_counts(text: str) -> list[str]:
    """Phrases of ``text`` that state a number of people ("60 Massachusetts residents")."""
    found = []
    for regex in (_COUNT_BEFORE, _COUNT_AFTER):
        for match in regex.finditer(text):
            found.append(" ".join(match.group(0).split()))
    return found


def forbidden_found(text: str, key: str, any_of: tuple[str, ...], context: Mapping) -> str | None:
    """The phrase of ``text`` that states forbidden content ``key``, or None.

    ``resident_count``: any stated number of people, and the case's own count for the
    jurisdiction (``context["count"]``) wherever it appears next to a word for people.
    Other keys: their detection hints.
    """
    plain = without_gaps(text)
    if key == "resident_count":
        phrases = stated_counts(plain)
        count = context.get("count") if context else None
        if count is not None:
            own = [p for p in phrases if _number_value(p) == int(count)]
            if own:
                return own[0]
        if phrases:
            return phrases[0]
    for pattern in any_of:
        match = re.search(pattern, plain, re.IGNORECASE | re.MULTILINE)
        if match:
            return " ".join(match.group(0).split())
    return None


# --- plain language ----------------------------------------------------------------------------
LONG_SENTENCE_WORDS = 40


def long_sentences(text: str) -> list[str]:
    """Sentences over ``LONG_SENTENCE_WORDS`` words: the plain-language check's findings."""
    plain = without_gaps(text)
    body = "\n".join(line for line in plain.splitlines() if not line.lstrip().startswith("#"))
    parts = re.split(r"(?<=[.!?])\s+|\n\s*\n", body)
    return [p.strip() for p in parts if len(p.split()) > LONG_SENTENCE_WORDS]


# --- the checklist -----------------------------------------------------------------------------
def _item(element, key, *, required=True, satisfied, source="", note=""):
    return {
        "element": element,
        "key": key,
        "required": bool(required),
        "satisfied": bool(satisfied),
        "source": source or "",
        "note": note,
    }


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def element_item(element: Mapping, text: str, parts: list[Section], vocabulary: Mapping) -> dict:
    key = str(element.get("key", ""))
    label = element.get("label") or label_for(vocabulary, key)
    required = not element.get("condition")
    any_of, all_of = hints_for(vocabulary, key)
    source = element.get("source", "")
    condition = f"Owed when: {element['condition']}. " if element.get("condition") else ""
    if not any_of and not all_of:
        return _item(
            label,
            key,
            required=required,
            satisfied=False,
            source=source,
            note=f"{condition}No automatic test for this element: confirm it by reading.",
        )
    where = [s for s in parts if says(s.plain, any_of, all_of)]
    if not where and says(without_gaps(text), any_of, all_of):
        where = parts  # said across sections (e.g. a name in one, details in another)
    if not where:
        return _item(
            label,
            key,
            required=required,
            satisfied=False,
            source=source,
            note=f"{condition}Missing.",
        )
    # Said in a section with nothing left to fill: done. Said only where gaps remain: the
    # text around it is not final yet.
    if any(not s.gaps for s in where):
        return _item(label, key, required=required, satisfied=True, source=source, note=condition)
    heading, gap = next((s.heading, s.gaps[0]) for s in where)
    place = f" under {heading}" if heading else ""
    return _item(
        label,
        key,
        required=required,
        satisfied=False,
        source=source,
        note=f"{condition}A gap remains{place}: [[{_short(gap)}]]",
    )


def check(
    text: str,
    requirements: Mapping | None,
    vocabulary: Mapping | None = None,
    context: Mapping | None = None,
) -> list[dict]:
    """The checklist of ``text`` against ``requirements`` (see the module docstring)."""
    requirements = requirements or {}
    vocabulary = vocabulary or {}
    context = context or {}
    text = text or ""
    items: list[dict] = []
    block_source = requirements.get("source", "")

    title = requirements.get("title") or None
    if title:
        wanted = title.get("text") if isinstance(title, Mapping) else str(title)
        present = _is_line(text, wanted)
        items.append(
            _item(
                f'Title "{wanted}"',
                "title",
                satisfied=present,
                source=(title.get("source") if isinstance(title, Mapping) else "") or block_source,
                note="" if present else "Put the title on a line of its own at the top.",
            )
        )
    headings = []
    for heading in requirements.get("headings") or []:
        wanted = heading.get("text") if isinstance(heading, Mapping) else str(heading)
        headings.append(wanted)
        present = _is_line(text, wanted)
        items.append(
            _item(
                f'Heading "{wanted}"',
                "heading",
                satisfied=present,
                source=(heading.get("source") if isinstance(heading, Mapping) else "")
                or block_source,
                note="" if present else "Add this heading as a line of its own.",
            )
        )
    if headings:
        order = [_norm(h) for h in headings]
        seen = [_norm(h) for _, h in heading_lines(text) if _norm(h) in order]
        if seen and len(seen) == len(set(seen)) == len(order) and seen != order:
            items.append(
                _item(
                    "Headings in the order the law gives",
                    "heading_order",
                    satisfied=False,
                    source=block_source,
                    note="Order: " + "; ".join(headings),
                )
            )

    parts = sections(text, tuple(headings))
    for element in requirements.get("elements") or []:
        items.append(element_item(element, text, parts, vocabulary))

    for item in requirements.get("forbidden") or []:
        key = str(item.get("key", ""))
        label = item.get("label") or label_for(vocabulary, key)
        any_of, _ = hints_for(vocabulary, key)
        found = forbidden_found(text, key, any_of, context)
        items.append(
            _item(
                f"Must not state: {label}",
                key,
                satisfied=found is None,
                source=item.get("source", "") or block_source,
                note=f'Found: "{_short(found)}"' if found else "",
            )
        )

    fmt = requirements.get("format") or {}
    if fmt.get("plain_language"):
        long = long_sentences(text)
        items.append(
            _item(
                "Plain language (no sentence over 40 words)",
                "plain_language",
                satisfied=not long,
                source=fmt.get("source", "") or block_source,
                note=f'Shorten: "{_short(long[0])}"' if long else "",
            )
        )

    remaining = gaps(text)
    items.append(
        _item(
            "No gaps [[...]] left to fill",
            "gaps",
            satisfied=not remaining,
            note=(f"{len(remaining)} left, first: [[{_short(remaining[0])}]]" if remaining else ""),
        )
    )
    return items


def satisfied(items: list[dict]) -> bool:
    """Every required item satisfied (the draft is ready for counsel's approval)."""
    return all(i["satisfied"] for i in items if i["required"])
