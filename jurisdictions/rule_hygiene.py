"""Checks of a rule version's evidence that the engine cannot make: warnings, not errors.

* A "high" confidence rule names a primary source: the statute or regulation itself (its
  official text, or its instrument cited by name and number) or the regulator's own page. Blogs,
  law-firm summaries and trackers are useful leads, not grounds for "high".
* A version's citation fits its own period: a version that ended before an amendment took
  effect must not cite that amendment ("as amended by SB 446, eff. 2026-01-01" on the version
  in force until 2025-12-31).

``import_rules`` prints these warnings and the rule console shows them when a version is
saved; a test keeps the shipped rule book free of them.
"""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlparse

# Hosts of official texts and regulators. Government domains are recognised by their suffix
# (.gov, .gov.uk, .gc.ca, .go.jp, .gouv.fr, ...); the rest are named (with their subdomains:
# laws.gnb.ca, handbook.fca.org.uk).
_OFFICIAL_SUFFIXES = re.compile(
    r"(^|\.)(gov|govt|gob|gouv|go|gc|admin|bund|europa|mil)(\.[a-z]{2,3})*$"
    r"|\.state\.[a-z]{2}\.us$|(^|\.)(gov|gouv|gob)\.[a-z]{2}\.[a-z]{2}$"
)
_OFFICIAL_HOSTS = {
    "eur-lex.europa.eu", "legislation.gov.uk", "ico.org.uk", "jerseylaw.je", "jerseyoic.org",
    "law.cornell.edu", "nysenate.gov", "leginfo.legislature.ca.gov", "gesetze-im-internet.de",
    "legifrance.gouv.fr", "boe.es", "dataprotection.ie", "cnil.fr", "garanteprivacy.it",
    "aepd.es", "autoriteitpersoonsgegevens.nl", "datatilsynet.no", "imy.se", "edpb.europa.eu",
    "enisa.europa.eu", "canlii.org", "austlii.edu.au", "legislation.govt.nz", "sso.agc.gov.sg",
    "pdpc.gov.sg", "oaic.gov.au", "priv.gc.ca", "inforights.im", "legislation.gov.im",
    # Canadian provinces' own sites (laws and regulators) and the FCA's Handbook.
    "ontario.ca", "ipc.on.ca", "alberta.ca", "oipc.ab.ca", "oipc.bc.ca", "gnb.ca",
    "saskatchewan.ca", "oipc.sk.ca", "novascotia.ca", "oipc.novascotia.ca", "fca.org.uk",
    # The Central Bank of Bahrain's Rulebook, which the CBB publishes on this host.
    "cbben.thomsonreuters.com",
    # Italy's official gazette and its official consolidated-law portal.
    "gazzettaufficiale.it", "normattiva.it",
}  # fmt: skip
_LEGISLATURE = re.compile(r"(^|\.)(legis|legislature|leg|capitol|senate|house|assembly)\.")
# A source given as text names the instrument itself ("Data Protection (Jersey) Law 2018 Arts
# 20-21", "Regulation (EU) 2016/679 Art 33") rather than a commentary on it.
_INSTRUMENT = re.compile(
    r"\b(Act|Law|Order|Regulations?|Directive|Decree|Ordinance|Code|Statutes?|Rules)\b"
    r".{0,60}?\b(\d{4}|No\.?\s*\d+|\d+/\d+)"
)
_SECONDARY_WORDS = re.compile(r"\b(blog|summary|tracker|chart|alert|client|insight)s?\b", re.I)


def is_primary(source: str) -> bool:
    """Whether one ``sources`` entry is a primary source (official text or regulator)."""
    urls = re.findall(r"https?://[^\s)\]]+", source)
    for url in urls:
        host = (urlparse(url).hostname or "").lower().removeprefix("www.")
        named = any(host == h or host.endswith("." + h) for h in _OFFICIAL_HOSTS)
        if named or _OFFICIAL_SUFFIXES.search(host) or _LEGISLATURE.search(host):
            return True
    if urls:
        return False
    return bool(_INSTRUMENT.search(source)) and not _SECONDARY_WORDS.search(source)


def primary_source_problem(confidence: str | None, sources) -> str | None:
    if confidence != "high" or any(is_primary(s) for s in sources or ()):
        return None
    return (
        "rated high confidence but no source is a primary one (the statute or regulation, or "
        "the regulator's page): add one, or lower the confidence"
    )


_MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
# "eff. 2026-01-01", "effective 2024-09-26", "in force 20 Aug 2025", "eff. 29 Jul 2024"
_EFFECTIVE = re.compile(
    r"\b(?:eff\.|effective|in force(?: from| on)?)\s*"
    r"(?:(\d{4})-(\d{2})-(\d{2})|(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4}))"
)


def cited_effective_dates(citation: str) -> list[date]:
    """Dates a citation says an amendment took effect on."""
    out = []
    for m in _EFFECTIVE.finditer(citation or ""):
        try:
            if m.group(1):
                out.append(date(int(m.group(1)), int(m.group(2)), int(m.group(3))))
            elif m.group(5).lower()[:3] in _MONTHS:
                out.append(date(int(m.group(6)), _MONTHS[m.group(5).lower()[:3]], int(m.group(4))))
        except ValueError:
            continue
    return out


def citation_period_problem(citation: str, effective_to: date | None) -> str | None:
    """A version that ended before the amendment its citation names took effect."""
    if effective_to is None:
        return None
    later = [d for d in cited_effective_dates(citation) if d > effective_to]
    if not later:
        return None
    return (
        f"the citation names an amendment in force from {later[0].isoformat()}, after this "
        f"version ends ({effective_to.isoformat()}): cite the law as it stood in this version's "
        "period"
    )


def problems(*, confidence, sources, citation, effective_to) -> list[str]:
    """Every warning for one rule version."""
    found = [
        primary_source_problem(confidence, sources),
        citation_period_problem(citation, effective_to),
    ]
    return [p for p in found if p]


def rule_problems(rule) -> list[str]:
    """``problems`` of an engine rule (``jurisdictions.engine.rules.Rule``) or a model row."""
    return problems(
        confidence=getattr(rule, "confidence", None),
        sources=getattr(rule, "sources", ()),
        citation=getattr(rule, "citation", ""),
        effective_to=getattr(rule, "effective_to", None),
    )
