"""Places and public-sector laws the rule book left out because their text could not be read,
and places with no rule at all, each checked again. Every row was written down from the law (or,
where its text could not be read, from the sources named on the rule and in the comment) before
the engine was run: who must be told at low and at high risk, what a processor owes, and by
when; where no duty is in force, the case says why nothing is owed instead of "not assessed".

Discovery is Monday 2 March 2026, 16:00 UTC, as in test_more_countries_2026b.py; awareness and
determination default to discovery; hours are elapsed hours, days end at midnight local time.
"""

import pytest

from tests.unit.law_cases import DISCOVERED, breach, recipients_in


def _facts(affected, *, data=("name", "national_id"), at=DISCOVERED, **options):
    return breach(affected, data=data, discovered=at, **options)


SA, IND, OWNER = "supervisory_authority", "individuals", "controller"
SAFE_KEY = {"encrypted": True, "key_compromised": False}
LOST_KEY = {"encrypted": True, "key_compromised": True}

# (place, people by residence, facts options, recipients owed in `place`)
ROWS = [
    # Albania, Law No. 124/2024 "On personal data protection" (in force 1 February 2025), which
    # its drafters, KPMG, CMS and the Commissioner describe as fully aligned with the GDPR (its
    # security article is Art 28, GDPR Art 32): the Commissioner within 72 hours unless a risk is
    # unlikely; the data subject on a high risk, not where encryption made the data
    # unintelligible; the processor tells the controller.
    ("AL", {"AL": 10}, {"risk": "unlikely"}, set()),
    ("AL", {"AL": 10}, {"risk": "risk"}, {SA}),
    ("AL", {"AL": 10}, {"risk": "high"}, {SA, IND}),
    ("AL", {"AL": 10}, {"risk": "high", "encryption": SAFE_KEY}, {SA}),
    ("AL", {"AL": 10}, {"risk": "high", "encryption": LOST_KEY}, {SA, IND}),
    ("AL", {"AL": 10}, {"role": "processor", "risk": "unlikely"}, {OWNER}),
    # Algeria, Law 18-07 as amended by Law 25-11 of 24 July 2025 (DLA Piper): the national
    # authority (ANPDP) and the data subject within five days of becoming aware of a breach; the
    # data subject where it is likely to result in a high risk. No processor notice in the source.
    ("DZ", {"DZ": 10}, {"risk": "none"}, {SA}),
    ("DZ", {"DZ": 10}, {"risk": "high"}, {SA, IND}),
    ("DZ", {"DZ": 10}, {"role": "processor", "risk": "high"}, set()),
    # Brunei, Personal Data Protection Order 2025 (one-year grace period, in force 1 January
    # 2026): the Authority (AITI) within three calendar days of a breach that could result in
    # significant harm to individuals; the individuals on the same harm.
    ("BN", {"BN": 10}, {"risk": "risk"}, set()),
    ("BN", {"BN": 10}, {"risk": "high"}, {SA, IND}),
    # Botswana, Data Protection Act No. 18 of 2024 (in force 14 January 2025) and Malawi, Data
    # Protection Act No. 3 of 2024 (commenced 3 June 2024): breach notification to the
    # Information and Data Protection Commission / MACRA and to the data subjects, on the GDPR
    # model the Acts follow (the period was not read: no date is computed).
    ("BW", {"BW": 10}, {"risk": "unlikely"}, set()),
    ("BW", {"BW": 10}, {"risk": "risk"}, {SA}),
    ("BW", {"BW": 10}, {"risk": "high"}, {SA, IND}),
    ("MW", {"MW": 10}, {"risk": "unlikely"}, set()),
    ("MW", {"MW": 10}, {"risk": "risk"}, {SA}),
    ("MW", {"MW": 10}, {"risk": "high"}, {SA, IND}),
    # Somalia, Data Protection Act (Law No. 005 of 2023, in force 23 March 2023): the Data
    # Protection Authority publishes a personal data breach reporting template; the same model.
    ("SO", {"SO": 10}, {"risk": "unlikely"}, set()),
    ("SO", {"SO": 10}, {"risk": "risk"}, {SA}),
    ("SO", {"SO": 10}, {"risk": "high"}, {SA, IND}),
]

# No breach-notification duty in force - nothing owed, and the case says why: no general data
# protection statute was found at this review for Iran, Iraq, Libya, Yemen, Afghanistan, Papua
# New Guinea, Fiji, Samoa, Timor-Leste or Haiti; Myanmar's Law Protecting the Privacy and
# Security of Citizens (2017) has no breach notice.
NO_DUTY = [
    ("IR", "IR-NODPL-NONE"),
    ("IQ", "IQ-NODPL-NONE"),
    ("LY", "LY-NODPL-NONE"),
    ("YE", "YE-NODPL-NONE"),
    ("AF", "AF-NODPL-NONE"),
    ("PG", "PG-NODPL-NONE"),
    ("FJ", "FJ-NODPL-NONE"),
    ("WS", "WS-NODPL-NONE"),
    ("TL", "TL-NODPL-NONE"),
    ("HT", "HT-NODPL-NONE"),
    ("MM", "MM-LPPSC-NONE"),
]
ROWS += [(place, {place: 10}, {"risk": "high"}, set()) for place, _ in NO_DUTY]


@pytest.mark.parametrize(("place", "affected", "options", "owed"), ROWS)
def test_who_must_be_told(clocks, place, affected, options, owed):
    out = clocks(_facts(affected, **options))
    assert not [c for c in out.doc["conflicts"] if c["kind"] == "no_rule"]
    assert recipients_in(out, place) == owed


# (rule, people, options, due_at) - counted by hand.
DEADLINES = [
    # Albania: 72 hours after becoming aware.
    ("AL-LMDP-COMMISSIONER", {"AL": 10}, {"risk": "risk"}, "2026-03-05T16:00:00Z"),
    # Algeria: five days; 16:00 UTC is 17:00 in Algiers on 2 March, so 7 March, 23:59:59 local
    # (UTC+1).
    ("DZ-L1807-ANPDP", {"DZ": 10}, {}, "2026-03-07T22:59:59Z"),
    ("DZ-L1807-DS", {"DZ": 10}, {}, "2026-03-07T22:59:59Z"),
    # Brunei: three calendar days; 16:00 UTC is midnight starting 3 March in Brunei (UTC+8), so
    # 6 March, 23:59:59 local.
    ("BN-PDPO-AUTH", {"BN": 10}, {}, "2026-03-06T15:59:59Z"),
]


@pytest.mark.parametrize(("rule", "affected", "options", "due"), DEADLINES)
def test_deadlines(clocks, rule, affected, options, due):
    out = clocks(_facts(affected, **options))
    assert out.due(rule) == due


# Duties the sources give without a fixed period (or whose period was not read): owed, undated.
OPEN_ENDED = [
    ("AL-LMDP-DS", {"AL": 10}, {}),  # "without undue delay"
    ("AL-LMDP-PROC", {"AL": 10}, {"role": "processor"}),  # "without undue delay"
    ("BN-PDPO-IND", {"BN": 10}, {}),
    ("BW-DPA-IDPC", {"BW": 10}, {}),
    ("BW-DPA-DS", {"BW": 10}, {}),
    ("MW-DPA-MACRA", {"MW": 10}, {}),
    ("MW-DPA-DS", {"MW": 10}, {}),
    ("SO-DPA-DPA", {"SO": 10}, {}),
    ("SO-DPA-DS", {"SO": 10}, {}),
]


@pytest.mark.parametrize(("rule", "affected", "options"), OPEN_ENDED)
def test_open_ended_duties_have_no_fixed_deadline(clocks, rule, affected, options):
    out = clocks(_facts(affected, **options))
    assert rule in out.owed, out.excluded.get(rule)
    assert out.due(rule) is None


# Laws that began recently: a breach discovered before the start date owes nothing under them.
NOT_YET = [
    ("AL-LMDP-COMMISSIONER", {"AL": 10}, "2025-01-30T12:00:00Z"),  # in force 1 February 2025
    ("DZ-L1807-ANPDP", {"DZ": 10}, "2025-07-20T12:00:00Z"),  # Law 25-11 of 24 July 2025
    ("BN-PDPO-AUTH", {"BN": 10}, "2025-12-30T12:00:00Z"),  # obligations from 1 January 2026
    ("BW-DPA-IDPC", {"BW": 10}, "2025-01-10T12:00:00Z"),  # in force 14 January 2025
    ("MW-DPA-MACRA", {"MW": 10}, "2024-06-01T12:00:00Z"),  # commenced 3 June 2024
]


@pytest.mark.parametrize(("rule", "affected", "at"), NOT_YET)
def test_not_owed_before_the_law_began(clocks, rule, affected, at):
    out = clocks(_facts(affected, at=at))
    assert rule not in out.owed
    assert rule in out.excluded


@pytest.mark.parametrize(("place", "rule"), NO_DUTY)
def test_places_without_a_duty_in_force_say_why_rather_than_not_assessed(clocks, place, rule):
    out = clocks(_facts({place: 10}))
    assert rule not in out.owed
    assert out.excluded[rule]["jurisdiction"] == place
    assert not [c for c in out.doc["conflicts"] if c["kind"] == "no_rule"]


# US state agencies whose own statute the book did not model. A state agency records
# `public_body` and names its state in `established_in`; a name with a Social Security number
# taken in an attack.
def _agency(home, affected, *, risk="high", tokens=("public_body",), encryption=None):
    facts = breach(
        affected,
        risk=risk,
        data=("name", "ssn"),
        subject_to=tokens,
        discovered=DISCOVERED,
        encryption=encryption,
    )
    facts["organisation"]["established_in"] = [home]
    return facts


def _rules_in(out, place):
    return {o["rule"] for o in out.owed.values() if o["jurisdiction"] == place}


# (home, affected, options, place, rule codes owed there)
AGENCY_ROWS = [
    # New York State Technology Law 208 (read in a transcription of the current text; the Office
    # of Information Technology Services' page says the same): a state entity discloses a breach
    # to affected New York residents "in the most expedient time possible and without
    # unreasonable delay" (no 30 days: the 2024 amendments changed GBL 899-aa, not 208), tells
    # the Attorney General, the Department of State and ITS of the timing, content and
    # distribution of the notices, and the consumer reporting agencies when more than 5,000 New
    # Yorkers are notified. It replaces GBL 899-aa for the same breach.
    (
        "US-NY",
        {"US-NY": 40},
        {},
        "US-NY",
        {"US-NY-AGENCY-IND", "US-NY-AGENCY-AG-DOS-ITS", "US-NY-AGENCY-DOS", "US-NY-AGENCY-ITS"},
    ),
    (
        "US-NY",
        {"US-NY": 6000},
        {},
        "US-NY",
        {
            "US-NY-AGENCY-IND",
            "US-NY-AGENCY-AG-DOS-ITS",
            "US-NY-AGENCY-DOS",
            "US-NY-AGENCY-ITS",
            "US-NY-AGENCY-CRA",
        },
    ),
    ("US-NY", {"US-NY": 40}, {"encryption": SAFE_KEY}, "US-NY", set()),
    # STL 208(1)(c): "state entity" leaves out cities, counties, towns and other local agencies,
    # so a local government keeps GBL 899-aa (the residents within 30 days; the Attorney General,
    # Department of State and State Police). The engine cannot express it: a displacing rule that
    # is itself exempt still displaces (one pass), so the local body sees the STL 208 notices.
    pytest.param(
        "US-NY",
        {"US-NY": 40},
        {"tokens": ("public_body", "local_government")},
        "US-NY",
        {"US-NY-IND", "US-NY-AG-DOS-NYSP-DFS"},
        marks=pytest.mark.xfail(
            strict=True, reason="one-pass displacement: no 'unless subject to' for lex specialis"
        ),
    ),
    # Maryland State Government Article 10-1305 (read in a transcription): a unit investigates and
    # notifies the individual where misuse has occurred or is likely, as soon as reasonably
    # practicable after the investigation; encryption excuses it unless the key was compromised.
    # Before it, the Office of the Attorney General and the Department of Information Technology;
    # the consumer reporting agencies from 1,000 individuals. It replaces Com. Law 14-3504.
    (
        "US-MD",
        {"US-MD": 40},
        {},
        "US-MD",
        {"US-MD-AGENCY-IND", "US-MD-AGENCY-AG-DOIT", "US-MD-AGENCY-DOIT"},
    ),
    (
        "US-MD",
        {"US-MD": 1500},
        {},
        "US-MD",
        {"US-MD-AGENCY-IND", "US-MD-AGENCY-AG-DOIT", "US-MD-AGENCY-DOIT", "US-MD-AGENCY-CRA"},
    ),
    ("US-MD", {"US-MD": 40}, {"risk": "none"}, "US-MD", set()),
    # Florida 501.171(1)(b): for the notices of subsections (3)-(6), "covered entity" includes a
    # governmental entity - so a Florida agency owes the business notices (the Department of
    # Legal Affairs from 500 Floridians, the individuals within 30 days).
    ("US-FL", {"US-FL": 600}, {}, "US-FL", {"US-FL-IND", "US-FL-DLA"}),
]


@pytest.mark.parametrize(("home", "affected", "options", "place", "owed"), AGENCY_ROWS)
def test_state_agency_notices(clocks, home, affected, options, place, owed):
    out = clocks(_agency(home, affected, **options))
    assert _rules_in(out, place) == owed


def test_maryland_agency_tells_the_attorney_general_before_the_individuals(clocks):
    out = clocks(_agency("US-MD", {"US-MD": 40}))
    assert out.owed["US-MD-AGENCY-AG-DOIT"]["deadline_kind"] == "before"
