"""The breach the rule-book tables start from (test_duty_structure.py and its siblings): one
incident discovered on Monday 2 March 2026 at 16:00 UTC; each row changes only what it tests."""

DISCOVERED = "2026-03-02T16:00:00Z"

# Laws that bind a foreign organisation only through an establishment, means, equipment or
# processing in the country - not because people living there are affected (POPIA s 3(1)(b),
# Cayman DPA s 6(1), Bermuda PIPA s 2(1), Mauritius DPA 2017 s 3, Malaysia PDPA s 2(2), Mexico's
# Reglamento art 4, Zimbabwe CDPA s 4, Eswatini DPA s 3, Lesotho DPA (POPI model), Hong Kong PDPO
# (control in or from Hong Kong), Macao Lei 8/2005 art 3, Morocco Loi 09-08 art 2, Senegal Loi
# 2008-12 art 2, British Virgin Islands DPA 2021 s 4, Curaçao's ordinance (an establishment in
# Curaçao), Seychelles DPA 2023 s 3, Angola Lei 22/11; test_territorial_scope_2026.py,
# test_caribbean_east_africa_2026g.py; and in West and Central Africa, Cabo Verde's Lei
# 133/V/2001, Cameroon's Law 2024/017 arts 2-3, The Gambia's 2025 Act, Burkina Faso, Côte d'Ivoire,
# Mali, Niger, Congo, Chad, Mauritania, Guinea, Equatorial Guinea and São Tomé and Príncipe:
# test_west_central_africa_2026g.py; Montenegro's 2008 Law art 5(2), Greenland's Persondataloven
# § 4, the Vatican's 2024 Regulation (the Governatorato only): test_small_european_places_2026g.py):
# a row testing what such a law requires states the establishment (``est=``).
ESTABLISHMENT_SCOPED = (
    "ZA",
    "KY",
    "BM",
    "MU",
    "MY",
    "MX",
    "ZW",
    "SZ",
    "LS",
    "HK",
    "MO",
    "MA",
    "SN",
    "VG",
    "CW",
    "SC",
    "AO",
    "CV",
    "CM",
    "GM",
    "BF",
    "CI",
    "ML",
    "NE",
    "CG",
    "TD",
    "MR",
    "GN",
    "GQ",
    "ST",
    "ME",
    "GL",
    "VA",
)


def breach(
    affected,
    *,
    role="controller",
    risk="high",
    data=("name", "ssn"),
    subject_to=(),
    encryption=None,
    cause="external_attack",
    discovered=DISCOVERED,
    fmt=1,
    est=(),
):
    """Facts in the incident-facts format for one breach."""
    facts = {
        "format": f"breachclock.facts/{fmt}",
        "events": {"discovered_at": discovered},
        "organisation": {"role": role, "subject_to": list(subject_to)},
        "data": list(data),
        "risk_of_harm": risk,
        "cause": cause,
        "affected": affected,
    }
    if encryption is not None:
        facts["encryption"] = encryption
    if est:
        facts["organisation"]["established_in"] = list(est)
    return facts


def recipients_in(out, *places):
    """Who is owed notice in these places (a jurisdiction code each)."""
    return {o["recipient"] for o in out.owed.values() if o["jurisdiction"] in places}


def incident_facts(
    affected,
    *,
    discovered,
    data=("name", "ssn"),
    role="controller",
    main=None,
    est=(),
    subj=(),
    risk="high",
    cause="external_attack",
    encryption=None,
    **events,
):
    """Facts for one of the independent cases (test_independent_cases*.py): the organisation's
    establishments and regimes too, and any further events (``aware_at=...``)."""
    return {
        "format": "breachclock.facts/1",
        "events": {"discovered_at": discovered, **events},
        "organisation": {
            "role": role,
            "main_establishment": main,
            "established_in": list(est),
            "subject_to": list(subj),
        },
        "data": list(data),
        "encryption": encryption or {"encrypted": False, "key_compromised": False},
        "risk_of_harm": risk,
        "cause": cause,
        "affected": affected,
    }


def owed_and_dated(out):
    """The duties an engine run lists, as (recipient, jurisdiction) pairs, and the dated ones as
    (recipient, jurisdiction, due_at)."""
    obligations = out.doc["obligations"]
    owed = {(o["recipient"], o["jurisdiction"]) for o in obligations}
    dated = {(o["recipient"], o["jurisdiction"], o["due_at"]) for o in obligations if o["due_at"]}
    return owed, dated
