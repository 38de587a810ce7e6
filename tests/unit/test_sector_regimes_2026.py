"""Sector regimes that had no rule at all: a credit union, an APRA-regulated insurer, a critical
infrastructure operator in Australia, Hong Kong or Singapore, a trust service provider, a provider
of a high-risk AI system, a substance-use-disorder programme or a Canadian federally regulated
financial institution lost one owed notice in two. Each row was written down from the text before
the engine was run and cites its section.

Discovery is Monday 2 March 2026, 16:00 UTC, as in test_duty_structure.py; hours are elapsed hours,
days end at 23:59:59 in the authority's zone.
"""

import pytest

from tests.unit.law_cases import DISCOVERED, breach

CLASSIFIED = "2026-03-02T18:00:00Z"  # two hours after discovery


def _facts(
    subject_to,
    *,
    affected=None,
    data=("name", "contact"),
    at=DISCOVERED,
    classified=None,
    occurred=None,
):
    facts = breach(affected or {"US-CA": 10}, data=data, subject_to=subject_to, discovered=at)
    if classified:
        facts["events"]["classified_major_at"] = classified
    if occurred:
        facts["events"]["occurred_at"] = occurred
    return facts


SECTOR_RULES = {
    "US-NCUA-748-1C",
    "AU-APRA-CPS234-35",
    "AU-SOCI-30BC",
    "AU-SOCI-30BD",
    "HK-PCICSO-SERIOUS",
    "HK-PCICSO-OTHER",
    "SG-CSA-14",
    "EU-EIDAS-19A-SB",
    "EU-EIDAS-19A-IND",
    "EU-EIDAS-24-SB",
    "EU-EIDAS-24-IND",
    "EU-AIA-73",
    "US-42CFR2-404-IND",
    "US-42CFR2-408-HHS",
    "US-42CFR2-408-HHS-LOG",
    "US-42CFR2-406-MEDIA",
    "CA-OSFI-TCSIR",
}
HEALTH = ("name", "medical")

# (regime tokens, facts options, sector duties owed)
ROWS = [
    # 12 CFR 748.1(c): a federally insured credit union tells the NCUA of a reportable cyber
    # incident, whatever the data or the harm.
    (["ncua_federally_insured_credit_union"], {}, {"US-NCUA-748-1C"}),
    # CPS 234 para 35: an APRA-regulated entity tells APRA of a (potentially) material incident.
    (["apra_regulated_entity"], {}, {"AU-APRA-CPS234-35"}),
    # SOCI Act s 30BD (relevant impact, 72 h) always; s 30BC (significant impact on
    # availability, 12 h) is listed too and waits for that classification.
    (["au_soci_responsible_entity"], {}, {"AU-SOCI-30BC", "AU-SOCI-30BD"}),
    # Cap. 653 (in force 1 January 2026): every computer-system security incident of a CI operator
    # is notified; the serious-incident notice waits for that classification.
    (["hk_ci_operator"], {}, {"HK-PCICSO-SERIOUS", "HK-PCICSO-OTHER"}),
    # Cybersecurity Act 2018 s 14(1): the owner of a CII tells the Commissioner.
    (["sg_cii_owner"], {}, {"SG-CSA-14"}),
    # eIDAS Art 19a(1)(b): a non-qualified trust service provider tells the supervisory body and
    # the identifiable affected individuals; Art 24(2)(fb): a qualified one too. A NIS2 trust
    # service provider (qualified ones are all NIS2 essential entities) gets the qualified clock.
    (["eidas_trust_service_provider"], {}, {"EU-EIDAS-19A-SB", "EU-EIDAS-19A-IND"}),
    (["eidas_qualified_trust_service_provider"], {}, {"EU-EIDAS-24-SB", "EU-EIDAS-24-IND"}),
    (["nis2:trust_service_provider"], {}, {"EU-EIDAS-24-SB", "EU-EIDAS-24-IND"}),
    # AI Act Art 73: not in force on 2 March 2026 (high-risk regime postponed to 2 December 2027).
    (["ai_act_high_risk_provider"], {}, set()),
    # 42 CFR 2.16 (compliance date 16 February 2026) applying 45 CFR 164.404/.406/.408: ten
    # patients - the patients and the annual HHS log; 600 Californians - the patients, HHS now and
    # the media.
    (["part2_program"], {"data": HEALTH}, {"US-42CFR2-404-IND", "US-42CFR2-408-HHS-LOG"}),
    (
        ["part2_program"],
        {"data": HEALTH, "affected": {"US-CA": 600}},
        {"US-42CFR2-404-IND", "US-42CFR2-408-HHS", "US-42CFR2-406-MEDIA"},
    ),
    # ... but only for SUD (health) records: a name and e-mail address alone are no Part 2 record.
    (["part2_program"], {}, set()),
    # OSFI Technology and Cyber Security Incident Reporting Advisory (2021): a federally regulated
    # financial institution reports a technology or cyber security incident to OSFI.
    (["osfi_frfi"], {}, {"CA-OSFI-TCSIR"}),
    # Without the regime, none of these duties is owed.
    ([], {"data": HEALTH}, set()),
]


@pytest.mark.parametrize(("subject_to", "options", "owed"), ROWS)
def test_who_must_be_told(clocks, subject_to, options, owed):
    out = clocks(_facts(subject_to, **options))
    assert set(out.owed) & SECTOR_RULES == owed


# (rule, regime, options, due_at) - counted by hand.
DEADLINES = [
    # 748.1(c): 72 hours after the reasonable belief (determined_at = discovery).
    ("US-NCUA-748-1C", "ncua_federally_insured_credit_union", {}, "2026-03-05T16:00:00Z"),
    # CPS 234 para 35: 72 hours after becoming aware.
    ("AU-APRA-CPS234-35", "apra_regulated_entity", {}, "2026-03-05T16:00:00Z"),
    # SOCI s 30BD: 72 hours; s 30BC: 12 hours from awareness of the significant impact.
    ("AU-SOCI-30BD", "au_soci_responsible_entity", {}, "2026-03-05T16:00:00Z"),
    (
        "AU-SOCI-30BC",
        "au_soci_responsible_entity",
        {"classified": CLASSIFIED},
        "2026-03-03T06:00:00Z",
    ),
    # Cap. 653: other incidents 48 hours, serious incidents 12 hours.
    ("HK-PCICSO-OTHER", "hk_ci_operator", {}, "2026-03-04T16:00:00Z"),
    ("HK-PCICSO-SERIOUS", "hk_ci_operator", {"classified": CLASSIFIED}, "2026-03-03T06:00:00Z"),
    # CII Regulations reg 5: 2 hours.
    ("SG-CSA-14", "sg_cii_owner", {}, "2026-03-02T18:00:00Z"),
    # eIDAS Art 19a(1)(b): 24 hours of becoming aware.
    ("EU-EIDAS-19A-SB", "eidas_trust_service_provider", {}, "2026-03-03T16:00:00Z"),
    ("EU-EIDAS-19A-IND", "eidas_trust_service_provider", {}, "2026-03-03T16:00:00Z"),
    # Art 24(2)(fb): "within 24 hours of the incident" - from its occurrence (1 March, 10:00 UTC);
    # while the occurrence is not recorded, 24 hours from discovery is shown.
    (
        "EU-EIDAS-24-SB",
        "eidas_qualified_trust_service_provider",
        {"occurred": "2026-03-01T10:00:00Z"},
        "2026-03-02T10:00:00Z",
    ),
    ("EU-EIDAS-24-IND", "eidas_qualified_trust_service_provider", {}, "2026-03-03T16:00:00Z"),
    # 164.404 via 2.16: 60 calendar days. 2 March (11:00 in New York) + 60 days = 1 May 2026,
    # 23:59:59 EDT.
    ("US-42CFR2-404-IND", "part2_program", {"data": HEALTH}, "2026-05-02T03:59:59Z"),
    # 164.408(c) via 2.16: 60 days after the end of 2026 - 1 March 2027, 23:59:59 EST.
    ("US-42CFR2-408-HHS-LOG", "part2_program", {"data": HEALTH}, "2027-03-02T04:59:59Z"),
    # OSFI Advisory: within 24 hours of the determination (= discovery here).
    ("CA-OSFI-TCSIR", "osfi_frfi", {}, "2026-03-03T16:00:00Z"),
    # AI Act Art 73(2): 15 days after awareness. Discovered 10 December 2027 (Brussels): the end of
    # 25 December 2027, CET.
    (
        "EU-AIA-73",
        "ai_act_high_risk_provider",
        {"at": "2027-12-10T10:00:00Z"},
        "2027-12-25T22:59:59Z",
    ),
]


@pytest.mark.parametrize(("rule", "regime", "options", "due"), DEADLINES)
def test_deadlines(clocks, rule, regime, options, due):
    out = clocks(_facts([regime], **options))
    assert out.due(rule) == due


def test_significant_impact_notice_waits_for_the_classification(clocks):
    out = clocks(_facts(["au_soci_responsible_entity", "hk_ci_operator"]))
    for rule in ("AU-SOCI-30BC", "HK-PCICSO-SERIOUS"):
        assert out.due(rule) is None
        assert out.owed[rule]["waiting_for"] == "classified_major_at"


# Regimes that began recently: an incident discovered before the start date owes nothing.
NOT_YET = [
    ("HK-PCICSO-OTHER", "hk_ci_operator", {}, "2025-12-30T12:00:00Z"),  # from 1 January 2026
    ("US-42CFR2-404-IND", "part2_program", {"data": HEALTH}, "2026-02-10T12:00:00Z"),  # 16 Feb 2026
    ("US-NCUA-748-1C", "ncua_federally_insured_credit_union", {}, "2023-08-30T12:00:00Z"),
    ("EU-AIA-73", "ai_act_high_risk_provider", {}, "2026-12-06T12:00:00Z"),  # 2 December 2027
]


@pytest.mark.parametrize(("rule", "regime", "options", "at"), NOT_YET)
def test_not_owed_before_the_regime_began(clocks, rule, regime, options, at):
    out = clocks(_facts([regime], at=at, **options))
    assert rule not in out.owed
    assert rule in out.excluded


def test_every_new_regime_key_has_a_label_and_a_form_choice():
    from incidents.fact_choices import SUBJECT_TO
    from jurisdictions.engine.vocabulary import REGIME_LABELS

    keys = {
        "ncua_federally_insured_credit_union",
        "apra_regulated_entity",
        "au_soci_responsible_entity",
        "hk_ci_operator",
        "sg_cii_owner",
        "eidas_trust_service_provider",
        "eidas_qualified_trust_service_provider",
        "ai_act_high_risk_provider",
        "part2_program",
        "osfi_frfi",
    }
    choices = {key for key, _ in SUBJECT_TO}
    assert keys <= set(REGIME_LABELS)
    assert keys <= choices


NEW_KEYS = (
    "ncua_federally_insured_credit_union",
    "apra_regulated_entity",
    "hk_ci_operator",
    "sg_cii_owner",
    "eidas_trust_service_provider",
    "eidas_qualified_trust_service_provider",
    "ai_act_high_risk_provider",
    "part2_program",
    "osfi_frfi",
)


def test_the_api_accepts_the_new_keys_and_names_them_in_words(shipped):
    from jurisdictions.engine.facts import parse_facts
    from jurisdictions.engine.vocabulary import known_regimes, regime_label

    known = known_regimes(shipped.rules)
    facts = parse_facts(
        _facts(list(NEW_KEYS)),
        known_jurisdictions={j.code for j in shipped.jurisdictions},
        known_regimes=known,
    )
    assert set(NEW_KEYS) <= set(facts.organisation.subject_to)
    for key in NEW_KEYS:
        assert regime_label(key) != key.replace("_", " ").capitalize(), key
