"""Filling a notice template with what the case says. Pure: no database, table-tested.

A template body is plain text with ``{{ name }}`` placeholders. Each name is filled from
``values``; a name the case cannot fill (no value, or an unknown name) becomes a marked gap
``[[...]]`` that says what is missing, so nothing is silently left out. ``{{ inserts }}`` is
replaced by the insert paragraphs (already filled the same way), one after another.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

PLACEHOLDER_RE = re.compile(r"\{\{\s*([a-z_][a-z0-9_]*)\s*\}\}")

# What each placeholder stands for, in the words a gap shows when the case does not say it.
GAP_WORDS = {
    "organisation_name": "the organisation's legal name",
    "organisation_address": "the organisation's postal address",
    "contact_point": "a contact point: name or office, telephone, email and postal address",
    "toll_free_number": "a toll-free telephone number for questions",
    "signatory": "the name and title of the person signing",
    "what_happened": "what happened, in plain words (when, how it was found, what was affected)",
    "breach_dates": "the date, estimated date or date range of the breach",
    "discovery_date": "the date the breach was discovered",
    "measures_taken": "what we have done and will do (containment, investigation, fixes)",
    "measures_to_mitigate": "measures to mitigate possible adverse effects",
    "likely_consequences": "the likely consequences for the people affected",
    "records_count": "the approximate number of personal data records concerned",
    "subjects_count": "the categories and approximate number of people affected",
    "jurisdiction_count": "the number of residents of this jurisdiction affected",
    "data_involved": "the kinds of personal information involved",
    "data_categories": "the kinds of personal information involved",
    "reasons_for_delay": "the reasons for notifying after 72 hours",
    "credit_monitoring": "the credit monitoring offer: provider, length, how and by when to enrol",
    "attorney_general_contact": "the Attorney General's address, telephone and website",
    "authority": "the authority's name",
    "root_cause": "the cause of the incident, if known",
    "data_subject_categories": "the categories of people affected (customers, employees...)",
    "impact": "the impact on the services and the people concerned",
    "incident_status": "the current status of the incident (ongoing, contained, resolved)",
    "steps_recipients": "what the recipient can do to protect itself and its users",
    "delivery_method": "how the notices were sent (mail, email...)",
    "notice_to_individuals_date": "the date the individuals were (or will be) notified",
}


def gap(name: str) -> str:
    """The marked gap for a placeholder the case does not fill."""
    words = GAP_WORDS.get(name, name.replace("_", " "))
    return f"[[{words}]]"


def fill(body: str, values: Mapping[str, str], *, inserts: str = "") -> str:
    """``body`` with every placeholder filled from ``values`` (a gap where there is none)."""

    def one(match: re.Match) -> str:
        name = match.group(1)
        if name == "inserts":
            return inserts
        value = values.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            return gap(name)
        return str(value)

    return tidy(PLACEHOLDER_RE.sub(one, body or ""))


def tidy(text: str) -> str:
    """Trailing spaces off, at most one blank line in a row, one final newline."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    out: list[str] = []
    for line in lines:
        if not line and out and not out[-1]:
            continue
        out.append(line)
    return "\n".join(out).strip("\n") + "\n"


def placeholders(body: str) -> list[str]:
    """The placeholder names a template body uses, in order, each once."""
    seen: list[str] = []
    for name in PLACEHOLDER_RE.findall(body or ""):
        if name not in seen:
            seen.append(name)
    return seen


def title_and_headings(text: str) -> tuple[str | None, list[str]]:
    """The ``# `` title line and the ``## `` headings of a draft."""
    title = None
    headings = []
    for line in (text or "").splitlines():
        stripped = line.strip()
        if stripped.startswith("## "):
            headings.append(stripped[3:].strip())
        elif stripped.startswith("# ") and title is None:
            title = stripped[2:].strip()
    return title, headings


def blocks(text: str) -> list[tuple[str, str]]:
    """The draft as ``(kind, text)`` blocks for the PDF and Word outputs: ``title``,
    ``heading`` or ``paragraph`` (lines of a paragraph kept as lines)."""
    out: list[tuple[str, str]] = []
    para: list[str] = []

    def close():
        if para:
            out.append(("paragraph", "\n".join(para)))
            para.clear()

    for line in (text or "").splitlines():
        stripped = line.strip()
        if stripped.startswith("## ") or stripped.startswith("### "):
            close()
            out.append(("heading", stripped.lstrip("#").strip()))
        elif stripped.startswith("# "):
            close()
            out.append(("title", stripped[2:].strip()))
        elif not stripped:
            close()
        else:
            para.append(stripped)
    close()
    return out
