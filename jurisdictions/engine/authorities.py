"""Which member state, and which of its authorities, an EU-wide duty is owed to. Pure; no Django.

A rule with scope ``main_establishment`` (NIS2, DORA, ePrivacy, the GDPR processor duty) is owed in
ONE member state of its region: the member state of ``organisation.main_establishment``, else the
first of ``organisation.established_in`` inside the region that has an ``authorities`` entry.
Stored obligations are keyed by (rule code, stage), so a case resolves one member state per rule;
when the organisation is established in several and names no main establishment, the why names
the other states so that counsel can check whether the duty is owed there too.

A rule of any other scope that carries ``authorities`` keeps its jurisdiction and only names the
authority more precisely: Germany's GDPR authority is the Land authority of the establishment
(``DE-BE`` -> the Berlin commissioner), or the federal BfDI for telecoms and postal providers.

Entry keys: the subdivision of the establishment (``DE-BE``) is tried before its country (``DE``);
an ``XX#label`` entry wins when the organisation is subject to one of its ``subject_to`` tokens.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from typing import Any

from . import places
from .rules import Authority, Rule

STATUS_WORDS = {
    "in_force": "in force",
    "proposed_not_in_force": "not adopted (proposal only)",
    "notified_not_yet_in_force": "adopted, not yet in force",
    "in_force_pending_executive_regulations": "in force, implementing rules pending",
}


class NoAuthority(Exception):
    """The duty is not owed in the member state found; ``rule`` is addressed to that state."""

    def __init__(self, rule: Rule, why: str):
        self.rule = rule
        self.why = why


@dataclass(frozen=True)
class Placement:
    rule: Rule  # re-addressed: jurisdiction = the member state, authority and contact from entry
    key: str | None  # the authorities entry used (None: the rule's own, generic authority)
    why: tuple[str, ...]

    @property
    def transposition(self) -> dict[str, Any] | None:
        entry = self.rule.authorities.get(self.key) if self.key else None
        if entry is None or not entry.citation:
            return None
        return {
            "citation": entry.citation,
            "status": entry.status,
            "effective_from": entry.effective_from.isoformat() if entry.effective_from else None,
        }


def country_of(code: str) -> str:
    """The country an establishment is in: ISO 3166-2 codes begin with it (``DE-BE`` -> ``DE``);
    a place ISO also lists as a subdivision belongs to that country (``AX`` -> ``FI``)."""
    found = places.parents(code)
    return found[-1] if found else code.split("-")[0]


def _sites(site: str) -> tuple[str, ...]:
    """Where an entry for an establishment at ``site`` may be keyed, nearest first: the site,
    its ISO parents, its country (``AX`` -> ``AX``, ``FI-01``, ``FI``; ``DE-BE`` -> ``DE-BE``,
    ``DE``)."""
    return tuple(dict.fromkeys((site, *places.parents(site), country_of(site))))


# Per authorities map (they live as long as their rule book): {base code: [(key, entry), ...]}
# of the qualified entries, so a lookup does not scan every member state.
_QUALIFIED: dict[int, tuple[dict, dict[str, list[tuple[str, Authority]]]]] = {}
_ADDRESSED: dict[tuple[int, str, str | None], tuple[Rule, Rule]] = {}


def _qualified(authorities: dict[str, Authority]) -> dict[str, list[tuple[str, Authority]]]:
    hit = _QUALIFIED.get(id(authorities))
    if hit is not None and hit[0] is authorities:
        return hit[1]
    index: dict[str, list[tuple[str, Authority]]] = {}
    for key, entry in authorities.items():
        if entry.subject_to:
            index.setdefault(key.split("#")[0], []).append((key, entry))
    if len(_QUALIFIED) > 4096:
        _QUALIFIED.clear()
    _QUALIFIED[id(authorities)] = (authorities, index)
    return index


def _matches(required: str, stated: str) -> bool:
    # Same matching as clocks.subject_to_matches ("dora" matches "dora:credit_institution").
    return stated == required or stated.startswith((required + ":", required + "_"))


def find_entry(rule: Rule, site: str, subject_to: tuple[str, ...]) -> tuple[str, Authority] | None:
    """The entry for an establishment at ``site``: subdivision before country, qualified first."""
    bases = _sites(site)
    if subject_to:
        qualified = _qualified(rule.authorities)
        for base in bases:
            for key, entry in qualified.get(base, ()):
                if any(_matches(req, s) for req in entry.subject_to for s in subject_to):
                    return key, entry
    for base in bases:
        if base in rule.authorities:
            return base, rule.authorities[base]
    return None


def _words(entry: Authority) -> str:
    if not entry.citation:
        return ""
    status = STATUS_WORDS.get(entry.status, entry.status)
    since = f" from {entry.effective_from.isoformat()}" if entry.effective_from else ""
    return f"; national law: {entry.citation} ({status}{since})"


def _addressed(rule: Rule, state: str, entry: Authority | None) -> Rule:
    # Memoised: the same rule is re-addressed to the same state on every evaluation.
    memo_key = (id(rule), state, entry.name if entry else None)
    hit = _ADDRESSED.get(memo_key)
    if hit is not None and hit[0] is rule:
        return hit[1]
    if entry is None:
        addressed = dataclasses.replace(rule, jurisdiction=state)
    else:
        addressed = dataclasses.replace(
            rule, jurisdiction=state, authority=entry.name, contact=entry.contact or rule.contact
        )
    if len(_ADDRESSED) > 4096:
        _ADDRESSED.clear()
    _ADDRESSED[memo_key] = (rule, addressed)
    return addressed


def _checked(rule: Rule, state: str, key: str, entry: Authority, day: date, place: str) -> Rule:
    addressed = _addressed(rule, state, entry)
    if not entry.in_force_on(day):
        status = STATUS_WORDS.get(entry.status, entry.status)
        when = (
            f"in force from {entry.effective_from.isoformat()}"
            if entry.effective_from and entry.status not in ("proposed_not_in_force",)
            else "no date of entry into force"
        )
        raise NoAuthority(
            addressed,
            f"{place}: {entry.name} - {entry.citation or 'the national law'} is {status} ({when}; "
            f"the relevant date is {day.isoformat()})" + (f". {entry.note}" if entry.note else ""),
        )
    return addressed


def place(rule: Rule, org, book, day: date, residents: int) -> Placement:
    """Address ``rule`` to its member state and authority; raise ``NoAuthority`` if not owed.

    ``org`` is the facts' organisation, ``book`` the compiled rule book (lineage and names),
    ``day`` the date the law is read on, ``residents`` the people affected in the rule's region.
    """
    sites = [c for c in dict.fromkeys((org.main_establishment, *org.established_in)) if c]
    region = rule.jurisdiction
    if rule.scope != "main_establishment":
        # The jurisdiction is fixed; only the authority is named more precisely.
        site = next((c for c in sites if country_of(c) == region and c != region), region)
        found = find_entry(rule, site, org.subject_to)
        if found is None:
            return Placement(rule, None, ())
        key, entry = found
        place_name = book.name(region) + (f" ({site})" if site != region else "")
        addressed = _checked(rule, region, key, entry, day, place_name)
        why = f"authority in {place_name}: {entry.name}{_words(entry)}"
        return Placement(addressed, key, (why,))

    inside = [c for c in sites if country_of(c) != region and region in book.lineage(country_of(c))]
    others: list[str] = []
    if org.main_establishment and org.main_establishment in inside:
        site, how = org.main_establishment, "main establishment"
    else:
        with_entry = [c for c in inside if find_entry(rule, c, org.subject_to)]
        site = (with_entry or inside or [None])[0]
        how = "establishment"
        others = [country_of(c) for c in inside if country_of(c) != country_of(site or "")]
    if site is None:
        if residents or (rule.requires_subject_to and rule.data_condition is None):
            # Caught by the regime without an establishment in the region (NIS2 Art 26(3), GDPR
            # Art 3(2)/27): owed where the representative is, which the facts do not record. A
            # service-incident regime (no data condition) is brought in by its designation alone;
            # a personal-data regime (ePrivacy Art 3, 4(3)) needs people affected in the region,
            # since its token may be shared with a regime outside it (PECR's ecomms_provider).
            return Placement(
                rule,
                None,
                (
                    f"no establishment in {book.name(region)}: the duty is owed in the member "
                    "state of the organisation's representative there (NIS2 Art 26(3); GDPR "
                    "Art 27), "
                    "which the facts do not record",
                ),
            )
        raise NoAuthority(
            rule,
            f"the organisation is not established in {book.name(region)} and no one there "
            "is affected",
        )
    state = country_of(site)
    place_name = book.name(state) + (f" ({site})" if site != state else "")
    found = find_entry(rule, site, org.subject_to)
    if found is None:
        raise NoAuthority(
            _addressed(rule, state, None),
            f"{how} in {place_name}: the rule book lists no authority of {book.name(state)} for "
            "this duty",
        )
    key, entry = found
    addressed = _checked(rule, state, key, entry, day, f"{how} in {place_name}")
    why = [f"{how} in {place_name}: {entry.name}{_words(entry)}"]
    if others:
        why.append(
            "no main establishment stated; also established in "
            f"{', '.join(sorted(set(others)))}: the duty is placed in the first establishment "
            "listed - check whether it is owed there too"
        )
    return Placement(addressed, key, tuple(why))
