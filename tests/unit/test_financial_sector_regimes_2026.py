"""Financial regulators' cyber and operational-incident reporting outside the United States and
outside the EU's DORA, third round: regimes that had no rule at all, so an institution under one
of them saw none of its sector notices. Korea's Electronic Financial Transactions Act Art 21-5,
Australia's AFS licensee breach reporting (Corporations Act s 912DAA), New Zealand's RBNZ material
cyber incident reporting and the FMA's CoFI licence condition, Hong Kong's SFC Code of Conduct
para 12.5 and Kenya's CBK Guidance Note on Cybersecurity. Each row was written down from the
text before the engine was run and cites its provision.

Checked and not added: the United Kingdom's new operational incident reporting rules (FCA PS26/2,
PRA PS7/26, SUP 15.18) apply from 18 March 2027, after the review date - SUP 15.3 (GB-FCA-SUP15-3)
and PSRs reg 99 (GB-PSR-99) remain the UK notices. Singapore (MAS), India (RBI, SEBI, IRDAI),
Switzerland (FINMA), the Philippines (BSP), Canada (OSFI) and Australia (APRA) had rules already.

Discovery is Monday 2 March 2026, 16:00 UTC, as in test_duty_structure.py; hours are elapsed hours,
days end at 23:59:59 in the authority's zone. "Classified" stands for the licensee's determination
that an event is a material incident (the CoFI condition's trigger).
"""

import pytest

from tests.unit.law_cases import DISCOVERED, breach

CLASSIFIED = "2026-03-02T18:00:00Z"  # two hours after discovery

NEW_RULES = {
    "KR-EFTA-21-5",
    "AU-ASIC-912DAA",
    "NZ-RBNZ-CYBER",
    "NZ-FMA-COFI",
    "HK-SFC-COC-12-5",
    "KE-CBK-CYBER",
}
# The rules already in the book that the rows also look at (an institution under two regimes).
OLD_RULES = {"AU-APRA-CPS234-35", "GB-FCA-SUP15-3"}
WATCHED = NEW_RULES | OLD_RULES


def _facts(subject_to, *, at=DISCOVERED, classified=None):
    facts = breach({"US-CA": 10}, data=("name", "contact"), subject_to=subject_to, discovered=at)
    if classified:
        facts["events"]["classified_major_at"] = classified
    return facts


# (regime tokens, facts options, duties owed among WATCHED)
ROWS = [
    # Electronic Financial Transactions Act Art 21-5(1): a financial company or electronic
    # financial business entity notifies the Financial Services Commission without delay of an
    # infringement incident (an electronic intrusion disturbing or paralysing its electronic
    # financial infrastructure).
    (["kr_efta_financial_company"], {}, {"KR-EFTA-21-5"}),
    # Corporations Act 2001 s 912DAA(1), (3): an AFS licensee lodges a report of a reportable
    # situation with ASIC within 30 days after it first knows there are reasonable grounds to
    # believe the situation has arisen.
    (["au_financial_services_licensee"], {}, {"AU-ASIC-912DAA"}),
    # An Australian bank holding an AFS licence: APRA (CPS 234 para 35) and ASIC both. s 912DAA(5)
    # deems a report to APRA to be lodged with ASIC only if it holds everything an ASIC report must;
    # the ASIC duty remains.
    (
        ["apra_regulated_entity", "au_financial_services_licensee"],
        {},
        {"AU-APRA-CPS234-35", "AU-ASIC-912DAA"},
    ),
    # RBNZ cyber resilience data collection (from 8 April 2024): a registered bank, licensed NBDT or
    # licensed insurer reports a material cyber incident as soon as practicable and within 72 hours
    # of detection.
    (["rbnz_regulated_entity"], {}, {"NZ-RBNZ-CYBER"}),
    # CoFI standard licence condition (from 31 March 2025): a licensed financial institution tells
    # the FMA as soon as possible and no later than 72 hours after determining that an event is a
    # material incident. Listed, waiting for the determination.
    (["nz_cofi_licensee"], {}, {"NZ-FMA-COFI"}),
    (
        ["rbnz_regulated_entity", "nz_cofi_licensee"],
        {"classified": CLASSIFIED},
        {"NZ-RBNZ-CYBER", "NZ-FMA-COFI"},
    ),
    # SFC Code of Conduct para 12.5 (with the SFC's cybersecurity circulars): a licensed corporation
    # reports to the SFC immediately a material failure of its systems or a material breach.
    (["sfc_licensed_corporation"], {}, {"HK-SFC-COC-12-5"}),
    # CBK Guidance Note on Cybersecurity (2017): an institution licensed under the Banking Act
    # reports a cyber incident to the CBK within 24 hours.
    (["cbk_licensed_institution"], {}, {"KE-CBK-CYBER"}),
    # A UK firm owes its own notice and none of these.
    (["fca_authorised_firm"], {}, {"GB-FCA-SUP15-3"}),
    ([], {}, set()),
]


@pytest.mark.parametrize(("subject_to", "options", "owed"), ROWS)
def test_who_must_be_told(clocks, subject_to, options, owed):
    out = clocks(_facts(subject_to, **options))
    assert set(out.owed) & WATCHED == owed


# (rule, regime, options, due_at) - counted by hand.
DEADLINES = [
    # Art 21-5: "without delay" - no fixed period.
    ("KR-EFTA-21-5", "kr_efta_financial_company", {}, None),
    # s 912DAA(3): 30 days after the licensee first knows (read: discovery, 3 March 03:00 AEDT);
    # the day of knowledge is not counted: 2 April 2026, 23:59:59 AEDT.
    ("AU-ASIC-912DAA", "au_financial_services_licensee", {}, "2026-04-02T12:59:59Z"),
    # RBNZ: 72 hours after detection.
    ("NZ-RBNZ-CYBER", "rbnz_regulated_entity", {}, "2026-03-05T16:00:00Z"),
    # CoFI: 72 hours after the determination (18:00 UTC); without it, no date yet.
    ("NZ-FMA-COFI", "nz_cofi_licensee", {"classified": CLASSIFIED}, "2026-03-05T18:00:00Z"),
    ("NZ-FMA-COFI", "nz_cofi_licensee", {}, None),
    # Para 12.5: "immediately" - no fixed period.
    ("HK-SFC-COC-12-5", "sfc_licensed_corporation", {}, None),
    # CBK: 24 hours.
    ("KE-CBK-CYBER", "cbk_licensed_institution", {}, "2026-03-03T16:00:00Z"),
]


@pytest.mark.parametrize(("rule", "regime", "options", "due"), DEADLINES)
def test_deadlines(clocks, rule, regime, options, due):
    out = clocks(_facts([regime], **options))
    assert out.due(rule) == due


def test_the_cofi_notice_waits_for_the_materiality_determination(clocks):
    out = clocks(_facts(["nz_cofi_licensee"]))
    assert out.owed["NZ-FMA-COFI"]["waiting_for"] == "classified_major_at"


NOT_YET = [
    # The reportable-situations regime (Financial Sector Reform (Hayne Royal Commission Response)
    # Act 2020 Sch 11) commenced 1 October 2021.
    ("AU-ASIC-912DAA", "au_financial_services_licensee", "2021-09-20T12:00:00Z"),
    # RBNZ material cyber incident reporting from 8 April 2024.
    ("NZ-RBNZ-CYBER", "rbnz_regulated_entity", "2024-04-01T12:00:00Z"),
    # CoFI licensing obligations from 31 March 2025.
    ("NZ-FMA-COFI", "nz_cofi_licensee", "2025-03-20T12:00:00Z"),
]


@pytest.mark.parametrize(("rule", "regime", "at"), NOT_YET)
def test_not_owed_before_the_regime_began(clocks, rule, regime, at):
    out = clocks(_facts([regime], at=at))
    assert rule not in out.owed
    assert rule in out.excluded


NEW_KEYS = (
    "kr_efta_financial_company",
    "au_financial_services_licensee",
    "rbnz_regulated_entity",
    "nz_cofi_licensee",
    "sfc_licensed_corporation",
    "cbk_licensed_institution",
)


def test_every_new_regime_key_has_a_label_and_a_form_choice():
    from incidents.fact_choices import SUBJECT_TO
    from jurisdictions.engine.vocabulary import REGIME_LABELS

    choices = {key for key, _ in SUBJECT_TO}
    assert set(NEW_KEYS) <= set(REGIME_LABELS)
    assert set(NEW_KEYS) <= choices


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
