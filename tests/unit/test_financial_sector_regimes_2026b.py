"""Financial regulators' cyber-incident reporting outside the United States and the EU, fourth
round: the Central Bank of Bahrain, whose licensees had no rule at all (Bahrain was not even a
jurisdiction of the book), so a Bahraini bank saw none of its three CBB notices. Each row was
written down from the CBB Rulebook's own paragraphs before the engine was run:

* Volume 1 (conventional banks) OM-5.5.57: "Upon occurrence or detection of any cyber security
  incident, whether internal or external, that compromises customer information or disrupts
  critical services that affect operations, conventional bank licensees must contact the CBB,
  immediately (within one hour), on 17547477 and submit Section A of the Cyber Security Incident
  Report (Appendix OM-1) to CBB's cyber incident reporting email ... within two hours." (Added July
  2021, amended April 2022.)
* OM-5.5.58: "... the licensee must submit to CBB Section B of the Cyber Security Incident Report
  within 10 calendar days of the occurrence of the cyber security incident", with the full root
  cause analysis; weekly progress updates follow until the incident is resolved.
* The same three steps are in Volume 5 GR-12.2.59/60 (ancillary service providers and TPAs, added
  January 2022) and the stablecoin issuer module SIO-9.6.61/62 (added July 2025).

Checked and not added (no deadline could be read in the instrument or on the regulator's own page
within this review): Brazil (CMN Resolution 4.893/2021, BCB Resolution 85/2021), Mexico (CNBV
Disposiciones for credit institutions), Colombia (SFC Circulars 007/2018 and 033/2020), Chile (CMF
RAN 20-8: a 30-minute report is known only from a law firm's reproduction of the 2018 press
release, and the book cannot state minutes), Peru (SBS 504-2021), Argentina (BCRA), South Africa
(Joint Standard 2 of 2024), Nigeria (CBN 2024 framework), Saudi Arabia (SAMA Cyber Security
Framework 3.3.15 sets no period), the UAE (CBUAE), Qatar (QCB), Malaysia (BNM RMiT and ORION),
Indonesia (POJK 11/2022, SEOJK 29/2022), Japan, Taiwan's FSC, Thailand and Viet Nam.

Discovery is Monday 2 March 2026, 16:00 UTC (19:00 in Bahrain, UTC+3), as in
test_duty_structure.py; hours are elapsed hours, days end at 23:59:59 in Bahrain.
"""

import pytest

from tests.unit.law_cases import DISCOVERED, breach

OCCURRED = "2026-03-01T10:00:00Z"  # 13:00 in Bahrain, the day before discovery

NEW_RULES = {"BH-CBB-CYBER-CALL", "BH-CBB-CYBER-SECTION-A", "BH-CBB-CYBER-SECTION-B"}
# Rules already in the book that the rows also look at.
OLD_RULES = {"GB-FCA-SUP15-3", "KE-CBK-CYBER"}
WATCHED = NEW_RULES | OLD_RULES


def _facts(subject_to, *, at=DISCOVERED, occurred=None):
    facts = breach({"US-CA": 10}, data=("name", "contact"), subject_to=subject_to, discovered=at)
    if occurred:
        facts["events"]["occurred_at"] = occurred
    return facts


# (regime tokens, facts options, duties owed among WATCHED)
ROWS = [
    # OM-5.5.57 / OM-5.5.58: a CBB licensee owes the call, Section A and Section B.
    (["cbb_licensee"], {}, NEW_RULES),
    (["cbb_licensee"], {"occurred": OCCURRED}, NEW_RULES),
    # A Bahraini bank that is also licensed in Kenya owes both regulators.
    (["cbb_licensee", "cbk_licensed_institution"], {}, NEW_RULES | {"KE-CBK-CYBER"}),
    # A UK firm owes its own notice and none of these.
    (["fca_authorised_firm"], {}, {"GB-FCA-SUP15-3"}),
    ([], {}, set()),
]


@pytest.mark.parametrize(("subject_to", "options", "owed"), ROWS)
def test_who_must_be_told(clocks, subject_to, options, owed):
    out = clocks(_facts(subject_to, **options))
    assert set(out.owed) & WATCHED == owed


# (rule, options, due_at) - counted by hand.
DEADLINES = [
    # OM-5.5.57: contact the CBB immediately (within one hour) of detection.
    ("BH-CBB-CYBER-CALL", {}, "2026-03-02T17:00:00Z"),
    # OM-5.5.57: Section A by email within two hours.
    ("BH-CBB-CYBER-SECTION-A", {}, "2026-03-02T18:00:00Z"),
    # OM-5.5.58: Section B within 10 calendar days of the occurrence (1 March, 13:00 in Bahrain):
    # 11 March 2026, 23:59:59 AST.
    ("BH-CBB-CYBER-SECTION-B", {"occurred": OCCURRED}, "2026-03-11T20:59:59Z"),
]


@pytest.mark.parametrize(("rule", "options", "due"), DEADLINES)
def test_deadlines(clocks, rule, options, due):
    out = clocks(_facts(["cbb_licensee"], **options))
    assert out.due(rule) == due


NOT_YET = [
    # OM-5.5.57 and 5.5.58 were added to the Rulebook in July 2021.
    ("BH-CBB-CYBER-CALL", "2021-06-20T12:00:00Z"),
    ("BH-CBB-CYBER-SECTION-A", "2021-06-20T12:00:00Z"),
    ("BH-CBB-CYBER-SECTION-B", "2021-06-20T12:00:00Z"),
]


@pytest.mark.parametrize(("rule", "at"), NOT_YET)
def test_not_owed_before_the_paragraphs_were_added(clocks, rule, at):
    out = clocks(_facts(["cbb_licensee"], at=at))
    assert rule not in out.owed
    assert rule in out.excluded


NEW_KEYS = ("cbb_licensee",)


def test_every_new_regime_key_has_a_label_and_a_form_choice():
    from incidents.fact_choices import SUBJECT_TO
    from jurisdictions.engine.vocabulary import REGIME_LABELS

    choices = {key for key, _ in SUBJECT_TO}
    assert set(NEW_KEYS) <= set(REGIME_LABELS)
    assert set(NEW_KEYS) <= choices


def test_bahrain_is_a_jurisdiction_with_its_own_clock(shipped):
    bahrain = {j.code: j for j in shipped.jurisdictions}.get("BH")
    assert bahrain is not None
    assert bahrain.timezone == "Asia/Bahrain"
