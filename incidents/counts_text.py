"""Jurisdiction codes and head counts as people type them into a form.

Every bad line is named in one answer (a person fixes the box once, not once per submit); a
count may carry thousands separators ("1,200", "1 200"); a code that ISO 3166 does not have is
named with the code probably meant (``UK`` -> GB); a jurisdiction on two lines is flagged, never
silently summed (the second line is usually a typo for another place).
"""

from __future__ import annotations

import re

from django import forms

from jurisdictions.engine import places
from jurisdictions.engine.facts import MAX_AFFECTED

JURISDICTION_RE = re.compile(r"^[A-Z]{2}(-[A-Z0-9]{1,3})?$")
# A whole number, optionally grouped by thousands with commas, spaces, apostrophes or
# underscores: "1200", "1,200", "1 200", "1'200". Dots are not taken: "1.200" is 1.2 to some.
_COUNT = re.compile(r"^-?[0-9]{1,3}(?:([, '_])[0-9]{3})(?:\1[0-9]{3})*$|^-?[0-9]+$")
_LINE = re.compile(r"^([^\s,;]+)[\s,;]+(.*\S)$")


def split_codes(text: str) -> list[str]:
    return [part for part in re.split(r"[\s,;]+", (text or "").strip()) if part]


def clean_jurisdiction(code: str) -> str:
    typed = code.strip()
    code = typed.upper()
    if not JURISDICTION_RE.match(code):
        # Quote what the person typed: the field shows it as typed, so must the message.
        raise forms.ValidationError(
            f"“{typed}” is not a jurisdiction code: use ISO 3166 such as DE, FR or US-CA."
        )
    return code


def clean_jurisdictions(text: str) -> list[str]:
    """Codes separated by commas or spaces; every bad one named in one error."""
    codes, errors = [], []
    for typed in split_codes(text):
        try:
            codes.append(clean_jurisdiction(typed))
        except forms.ValidationError as exc:
            errors.extend(exc.messages)
    if errors:
        raise forms.ValidationError(errors)
    return codes


def parse_count(text: str) -> int | None:
    """ "1,200" -> 1200; None when it is not a whole number as people write them."""
    text = text.strip().replace("\u00a0", " ").replace("\u202f", " ")
    # ASCII only: str.isdigit() and \\d also accept digits int() cannot read ("²").
    if not text.isascii() or not _COUNT.match(text):
        return None
    digits = re.sub(r"[^0-9-]", "", text)
    if len(digits) > 20:  # longer than any plausible count: int() would only be slowed down
        return -1 if digits.startswith("-") else MAX_AFFECTED + 1
    return int(digits)


def sentence(message: str) -> str:
    """An engine message as a sentence: capital first, one full stop (not after a "?")."""
    message = message.strip()
    end = "" if message.endswith((".", "?", "!")) else "."
    return message[:1].upper() + message[1:] + end


def rulebook_codes():
    """The rule book's own codes (``EU``), accepted though ISO 3166 lacks them."""
    from jurisdictions.loader import current_rulebook

    return current_rulebook().jurisdictions.keys()


def parse_counts_text(text: str) -> dict[str, int]:
    """``"DE 9000\\nUS-CA 1,200"`` -> ``{"DE": 9000, "US-CA": 1200}``; every bad line named."""
    counts: dict[str, int] = {}
    first_line: dict[str, int] = {}
    errors: list[str] = []
    for number, line in enumerate((text or "").splitlines(), start=1):
        line = line.strip()
        if not line:
            continue
        # The code, then the count: "US-CA 1,200", "US-CA;1200", "US-CA<tab>1 200".
        match = _LINE.match(line)
        if not match:
            errors.append(f"Line {number}: write a jurisdiction code and a count, e.g. “DE 9000”.")
            continue
        typed_code, count_text = match.groups()
        try:
            code = clean_jurisdiction(typed_code)
        except forms.ValidationError as exc:
            errors.append(f"Line {number}: {exc.messages[0]}")
            continue
        why_not = places.problem(code)
        if why_not and code in rulebook_codes():
            why_not = None  # the rule book's own codes (EU) are places too
        if why_not:
            errors.append(f"Line {number}: {sentence(why_not)}")
            continue
        count = parse_count(count_text)
        if count is None:
            errors.append(f"Line {number}: “{count_text}” is not a whole number.")
            continue
        if count < 0:
            errors.append(f"Line {number}: the count for {code} must not be negative.")
            continue
        if count > MAX_AFFECTED:
            errors.append(
                f"Line {number}: the count for {code} must be at most {MAX_AFFECTED:,} people."
            )
            continue
        if code in counts:
            errors.append(
                f"Line {number}: {code} ({places.name(code) or code}) is already on line "
                f"{first_line[code]}; give one line per jurisdiction (did you mean another "
                "place?)."
            )
            continue
        counts[code] = count
        first_line[code] = number
    if errors:
        raise forms.ValidationError(errors)
    return counts
