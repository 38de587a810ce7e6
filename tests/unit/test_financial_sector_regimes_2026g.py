"""Financial regulators' incident reporting outside the United States and the EU, seventh round:
banking and financial-market supervisors whose licensees had no rule at all, so a Saudi, Peruvian,
Chilean or Vietnamese bank saw none of its supervisor's notices. Each row was written down from the
instrument before the engine was run and cites its paragraph:

* Saudi Arabia, SAMA Cyber Security Framework (version 1.0, May 2017) 3.3.15 "Cyber Security
  Incident Management": 3.3.15-5 "The Member Organization should inform 'SAMA IT Risk
  Supervision' immediately when a medium or high classified security incident has occurred and
  identified"; 3.3.15-7 "The Member Organization should submit a formal incident report 'SAMA IT
  Risk Supervision' after resuming operations", with the title, classification, dates of occurrence
  and detection, assets involved, technical details, root-cause analysis, corrective activities,
  impact and costs.
* Peru, Reglamento para la Gestión de la Seguridad de la Información y la Ciberseguridad
  (Resolución SBS N° 504-2021, 19 February 2021, in force 1 July 2021): the company reports to the
  SBS as soon as it notices ("en cuanto advierta") a cybersecurity incident with a verified or
  presumed significant adverse impact (loss or theft of company or customer information, internal
  or external fraud, harm to image and reputation, interruption of operations).
* Chile, Recopilación Actualizada de Normas (RAN) chapter 20-8, as amended by SBIF Circular
  N° 3.640 of 31 August 2018: operational incidents that affect or put at risk business continuity,
  the funds or resources of the bank or its customers, service quality or the bank's image are
  reported to the supervisor (now the CMF) within a maximum of 30 minutes. The book now states
  minutes (deadline unit ``minutes``).
* Viet Nam, Circular 09/2020/TT-NHNN on information system security in banking (in force 1 January
  2021): the incident report (Appendix 01) to the State Bank's IT Department within 24 hours of the
  moment the incident is detected, and the report on completed remediation (Appendix 02) within 5
  working days after remediation is completed.

Checked and not added (the instrument or its reporting paragraph could not be read at this
review): Brazil (CMN Resolution 4.893/2021 and BCB Resolution 85/2021 - "timely" communication of
relevant incidents, article not read; CMN 5.274/2025 and BCB 538/2025 amended the regime), Mexico
(CNBV Disposiciones for credit institutions, DOF 27 November 2018: the incident articles were not
reached), Colombia (SFC Circulars 007/2018 and 033/2020 in the Circular Básica Jurídica Part I
Title IV Chapter V: the reporting numeral was not reached), Malaysia (BNM RMiT: paragraph not read),
Indonesia (POJK 11/POJK.03/2022 and SEOJK 29/2022: a 24-hour initial notification is reported only
by secondary summaries), Thailand (BOT), Qatar (QCB), Egypt (CBE), the UAE (CBUAE), Nigeria (CBN
Risk-Based Cybersecurity Framework 2024: sources disagree on 2 or 24 hours), South Africa (Joint
Standard 2 of 2024, in force 1 June 2025: the notification requirements were published as drafts in
Joint Communication 3 of 2025 and their final form was not read) and Hong Kong (HKMA Supervisory
Policy Manual). Singapore (MAS TRM Notices), India (RBI, SEBI, IRDAI, CERT-In) and the Philippines
(BSP) had rules already.

Discovery is Monday 2 March 2026, 16:00 UTC, as in test_duty_structure.py (19:00 in Riyadh, 11:00 in
Lima, 13:00 in Santiago, 23:00 in Hanoi); hours and minutes are elapsed time.
"""

import pytest

from tests.unit.law_cases import DISCOVERED, breach

SA_RULES = {"SA-SAMA-CSF-INFORM", "SA-SAMA-CSF-REPORT"}
PE_RULES = {"PE-SBS-504-CYBER"}
CL_RULES = {"CL-CMF-RAN20-8"}
VN_RULES = {"VN-SBV-0920-INCIDENT", "VN-SBV-0920-REMEDIATION"}
NEW_RULES = SA_RULES | PE_RULES | CL_RULES | VN_RULES
# Rules already in the book that the rows also look at (an institution under two regimes, or a
# sibling regime of the same country).
OLD_RULES = {"KE-CBK-CYBER", "CL-CYBER-ALERT", "SG-MAS-TRM-1H"}
WATCHED = NEW_RULES | OLD_RULES


def _facts(subject_to, *, at=DISCOVERED):
    return breach({"US-CA": 10}, data=("name", "contact"), subject_to=subject_to, discovered=at)


# (regime tokens, duties owed among WATCHED)
ROWS = [
    # SAMA CSF 3.3.15-5 (inform immediately) and 3.3.15-7 (formal report after resuming
    # operations): a member organisation owes both.
    (["sama_member_organization"], SA_RULES),
    # Res. SBS 504-2021: a supervised company reports as soon as it notices the incident.
    (["sbs_supervised_company"], PE_RULES),
    # RAN 20-8 (Circular 3.640): a bank reports within 30 minutes.
    (["cmf_bank"], CL_RULES),
    # A Chilean bank that is also an essential-service provider under Ley 21.663 owes the CMF and
    # ANCI's alert both; the CMF report does not displace the ANCI alert nor the other way round.
    (["cmf_bank", "cl_essential_service"], CL_RULES | {"CL-CYBER-ALERT"}),
    # Circular 09/2020: the incident report and the remediation report.
    (["sbv_regulated_organisation"], VN_RULES),
    # A Saudi bank with a Kenyan subsidiary licence and a Singapore branch owes each supervisor.
    (
        ["sama_member_organization", "cbk_licensed_institution", "mas_trm_notice_fi"],
        SA_RULES | {"KE-CBK-CYBER", "SG-MAS-TRM-1H"},
    ),
    # No box ticked: none of them, wherever the people affected live.
    ([], set()),
]


@pytest.mark.parametrize(("subject_to", "owed"), ROWS)
def test_who_must_be_told(clocks, subject_to, owed):
    out = clocks(_facts(subject_to))
    assert set(out.owed) & WATCHED == owed


def test_a_processor_role_does_not_change_the_supervisors_notices(clocks):
    # The duties bind the supervised institution as such, whatever its data-protection role.
    facts = breach(
        {"US-CA": 10},
        role="processor",
        data=("name", "contact"),
        subject_to=["sama_member_organization", "sbs_supervised_company", "cmf_bank"],
    )
    out = clocks(facts)
    assert set(out.owed) & WATCHED == SA_RULES | PE_RULES | CL_RULES


# (rule, regime, due_at) - counted by hand.
DEADLINES = [
    # SAMA CSF 3.3.15-5: "immediately" - no fixed period.
    ("SA-SAMA-CSF-INFORM", "sama_member_organization", None),
    # 3.3.15-7: "after resuming operations" - the facts record no resumption: no date.
    ("SA-SAMA-CSF-REPORT", "sama_member_organization", None),
    # Res. SBS 504-2021: "en cuanto advierta" - no fixed period.
    ("PE-SBS-504-CYBER", "sbs_supervised_company", None),
    # RAN 20-8: 30 minutes after discovery (16:00 UTC): 16:30 UTC, 13:30 in Santiago.
    ("CL-CMF-RAN20-8", "cmf_bank", "2026-03-02T16:30:00Z"),
    # Circular 09/2020: 24 hours from detection (16:00 UTC, 23:00 in Hanoi).
    ("VN-SBV-0920-INCIDENT", "sbv_regulated_organisation", "2026-03-03T16:00:00Z"),
    # Within 5 working days after remediation is completed - an event the facts do not record.
    ("VN-SBV-0920-REMEDIATION", "sbv_regulated_organisation", None),
]


@pytest.mark.parametrize(("rule", "regime", "due"), DEADLINES)
def test_deadlines(clocks, rule, regime, due):
    out = clocks(_facts([regime]))
    assert out.due(rule) == due


def test_the_chilean_half_hour_crosses_midnight_in_santiago(clocks):
    # Discovered 23:50 in Santiago on Monday 2 March 2026 (UTC-3, summer time): 00:20 on Tuesday
    # local, 03:20 UTC - elapsed minutes, not a day count.
    out = clocks(_facts(["cmf_bank"], at="2026-03-03T02:50:00Z"))
    assert out.due("CL-CMF-RAN20-8") == "2026-03-03T03:20:00Z"


NOT_YET = [
    # Res. SBS 504-2021 applies from 1 July 2021.
    ("PE-SBS-504-CYBER", "sbs_supervised_company", "2021-06-20T12:00:00Z"),
    # Circular 09/2020/TT-NHNN in force 1 January 2021.
    ("VN-SBV-0920-INCIDENT", "sbv_regulated_organisation", "2020-12-20T12:00:00Z"),
]


@pytest.mark.parametrize(("rule", "regime", "at"), NOT_YET)
def test_not_owed_before_the_instrument_applied(clocks, rule, regime, at):
    out = clocks(_facts([regime], at=at))
    assert rule not in out.owed
    assert rule in out.excluded


NEW_KEYS = (
    "sama_member_organization",
    "sbs_supervised_company",
    "cmf_bank",
    "sbv_regulated_organisation",
)


def test_every_new_regime_key_has_a_label_and_a_box_in_its_country_group():
    from incidents.fact_choices import SUBJECT_TO_GROUPS
    from jurisdictions.engine.vocabulary import REGIME_LABELS

    groups = {name: {key for key, _ in choices} for name, choices in SUBJECT_TO_GROUPS}
    assert set(NEW_KEYS) <= set(REGIME_LABELS)
    assert {"sama_member_organization"} <= groups["Middle East and Africa"]
    assert {"sbs_supervised_company", "cmf_bank"} <= groups["Latin America"]
    assert {"sbv_regulated_organisation"} <= groups["Asia-Pacific"]


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


# The deadline unit ``minutes`` (RAN 20-8's 30 minutes): elapsed time, like hours.
MINUTES = [
    # (start, amount, zone, due)
    ("2026-03-02T16:00:00+00:00", 30, "America/Santiago", "2026-03-02T16:30:00+00:00"),
    ("2026-03-02T16:00:00+00:00", 90, "UTC", "2026-03-02T17:30:00+00:00"),
    # Chile leaves summer time at 24:00 on Saturday 4 April 2026 (clocks back to 23:00): 30
    # minutes from 23:45 UTC-3 is 02:15 UTC, 23:15 local at UTC-4 - elapsed time.
    ("2026-04-05T02:45:00+00:00", 30, "America/Santiago", "2026-04-05T03:15:00+00:00"),
]


@pytest.mark.parametrize(("start", "amount", "zone", "due"), MINUTES)
def test_minutes_are_elapsed_time(start, amount, zone, due):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from jurisdictions.engine import calendars

    got, steps = calendars.add(datetime.fromisoformat(start), amount, "minutes", ZoneInfo(zone))
    assert got.astimezone(ZoneInfo("UTC")).isoformat() == due
    assert f"{amount} minutes" in steps[0]


def test_minutes_read_as_words_and_round_trip_through_the_file_format():
    from jurisdictions.engine.serialization import rule_from_dict, rule_to_dict
    from jurisdictions.engine.vocabulary import duration_words

    assert duration_words(30, "minutes") == "30 minutes"
    assert duration_words(1, "minutes") == "1 minute"
    rule = rule_from_dict(
        {
            "code": "XX-MINUTES",
            "jurisdiction": "CL",
            "regime": "test",
            "regime_code": "test",
            "recipient": "sector_regulator",
            "authority": "test",
            "citation": "test",
            "clock_start": "discovered_at",
            "timing_standard": "within 30 minutes",
            "deadline_amount": 30,
            "deadline_unit": "minutes",
            "notice_content": {"silent": True, "note": "test", "source": "test"},
        }
    )
    assert rule.deadline_unit == "minutes"
    assert rule_to_dict(rule)["deadline_unit"] == "minutes"
