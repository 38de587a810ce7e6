"""More countries with (or checked for) a breach-notification duty, each row written down from
the law before the engine was run and citing its article: who must be told at low and at high
risk, what a processor owes, and by when.

Discovery is Monday 2 March 2026, 16:00 UTC, as in test_more_countries_2026.py; awareness
defaults to discovery; hours are elapsed hours.
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
    # Andorra, Llei 29/2021 qualificada de protecció de dades personals: art 36(1) the Agència
    # unless the breach is "improbable" to put rights at risk; art 37(1) the person concerned
    # where it "pot comportar un alt risc"; art 37(3)(a) not where the data were made
    # unintelligible, such as by encryption; art 36(2) the processor tells the controller.
    ("AD", {"AD": 10}, {"risk": "unlikely"}, set()),
    ("AD", {"AD": 10}, {"risk": "risk"}, {SA}),
    ("AD", {"AD": 10}, {"risk": "high"}, {SA, IND}),
    ("AD", {"AD": 10}, {"risk": "high", "encryption": SAFE_KEY}, {SA}),
    ("AD", {"AD": 10}, {"risk": "high", "encryption": LOST_KEY}, {SA, IND}),
    ("AD", {"AD": 10}, {"role": "processor", "risk": "unlikely"}, {OWNER}),
    # Gibraltar, Gibraltar GDPR (the GDPR as Gibraltar law since 1 January 2021): Art 33(1) the
    # Information Commissioner (GRA) unless "unlikely to result in a risk"; Art 34(1) the data
    # subject on a "high risk"; Art 34(3)(a) encryption; Art 33(2) processor to controller;
    # Art 33(5) the controller's record of every breach ("internal").
    ("GI", {"GI": 10}, {"risk": "unlikely"}, {"internal"}),
    ("GI", {"GI": 10}, {"risk": "risk"}, {SA, "internal"}),
    ("GI", {"GI": 10}, {"risk": "high"}, {SA, IND, "internal"}),
    ("GI", {"GI": 10}, {"risk": "high", "encryption": SAFE_KEY}, {SA, "internal"}),
    ("GI", {"GI": 10}, {"role": "processor", "risk": "unlikely"}, {OWNER}),
    # Argentina, Ley 25.326: art 9 is a security duty with no notice; AAIP Res. 47/2018 only
    # recommends reporting - nothing owed, and the case says why.
    ("AR", {"AR": 10}, {"risk": "high"}, set()),
    # Ukraine, Law No. 2297-VI on Personal Data Protection: no notice of a breach to the
    # Commissioner or to individuals (draft law No. 8153 would add one) - nothing owed.
    ("UA", {"UA": 10}, {"risk": "high"}, set()),
    # Bosnia and Herzegovina, Law on Personal Data Protection (Sl. glasnik BiH 12/25, applied
    # from 4 October 2025): the Agency within 72 hours; the data subject where a high risk, not
    # where safeguards such as encryption were in place; the processor tells the controller.
    ("BA", {"BA": 10}, {"risk": "unlikely"}, set()),
    ("BA", {"BA": 10}, {"risk": "risk"}, {SA}),
    ("BA", {"BA": 10}, {"risk": "high"}, {SA, IND}),
    ("BA", {"BA": 10}, {"risk": "high", "encryption": SAFE_KEY}, {SA}),
    ("BA", {"BA": 10}, {"role": "processor", "risk": "unlikely"}, {OWNER}),
    # Kosovo, Law No. 06/L-082 on Protection of Personal Data (GDPR-aligned, from 13 February
    # 2019): the Information and Privacy Agency within 72 hours; data subjects on a high risk.
    ("XK", {"XK": 10}, {"risk": "unlikely"}, set()),
    ("XK", {"XK": 10}, {"risk": "risk"}, {SA}),
    ("XK", {"XK": 10}, {"risk": "high"}, {SA, IND}),
    ("XK", {"XK": 10}, {"role": "processor", "risk": "unlikely"}, {OWNER}),
    # Monaco, Loi n° 1.565 du 3 décembre 2024 (in force 14 December 2024): art 32 the APDP within
    # 72 hours unless unlikely to result in a risk; the person concerned on a high risk.
    ("MC", {"MC": 10}, {"risk": "unlikely"}, set()),
    ("MC", {"MC": 10}, {"risk": "risk"}, {SA}),
    ("MC", {"MC": 10}, {"risk": "high"}, {SA, IND}),
    ("MC", {"MC": 10}, {"role": "processor", "risk": "unlikely"}, {OWNER}),
    # Tunisia (Organic Law 2004-63), Morocco (Law 09-08) and Macau (Law 8/2005): no breach
    # notification in the law - nothing owed, and the case says why.
    ("TN", {"TN": 10}, {"risk": "high"}, set()),
    ("MA", {"MA": 10}, {"risk": "high"}, set()),
    ("MO", {"MO": 10}, {"risk": "high"}, set()),
]


# Moldova, Law No. 195/2024 on personal data protection, in force 23 August 2026 (24 months after
# publication): the National Center within 72 hours unless unlikely to result in a risk. Discovery
# Monday 7 September 2026, 08:00 UTC.
AFTER_MD = "2026-09-07T08:00:00Z"
ROWS += [
    ("MD", {"MD": 10}, {"risk": "unlikely", "at": AFTER_MD}, set()),
    ("MD", {"MD": 10}, {"risk": "risk", "at": AFTER_MD}, {SA}),
    ("MD", {"MD": 10}, {"risk": "high", "at": AFTER_MD}, {SA, IND}),
    ("MD", {"MD": 10}, {"role": "processor", "risk": "unlikely", "at": AFTER_MD}, {OWNER}),
]


# Belarus, Law No. 99-Z on Personal Data Protection (from 15 November 2021): the operator tells
# the National Personal Data Protection Center of a breach of personal data protection systems
# immediately, not later than three working days; no processor or data subject notice. Armenia,
# Law No. HO-49-N on Protection of Personal Data: on a leak of personal data from an electronic
# system, an immediate public statement and notice to the Police and the Agency. Azerbaijan, Law
# on Personal Data of 11 May 2010: no breach notification.
ROWS += [
    ("BY", {"BY": 10}, {"risk": "none"}, {SA}),
    ("BY", {"BY": 10}, {"role": "processor"}, set()),
    ("AM", {"AM": 10}, {"risk": "none"}, {SA, "public", "state_agency"}),
    ("AZ", {"AZ": 10}, {"risk": "high"}, set()),
]


@pytest.mark.parametrize(("place", "affected", "options", "owed"), ROWS)
def test_who_must_be_told(clocks, place, affected, options, owed):
    out = clocks(_facts(affected, **options))
    assert not [c for c in out.doc["conflicts"] if c["kind"] == "no_rule"]
    assert recipients_in(out, place) == owed


# (rule, people, options, due_at) - counted by hand.
DEADLINES = [
    # Andorra art 36(1): "en un termini màxim de setanta-dues hores" after becoming aware.
    ("AD-LQPD-SA", {"AD": 10}, {"risk": "risk"}, "2026-03-05T16:00:00Z"),
    # Gibraltar GDPR Art 33(1): not later than 72 hours after becoming aware.
    ("GI-GDPR-33-SA", {"GI": 10}, {"risk": "risk"}, "2026-03-05T16:00:00Z"),
    # Bosnia and Herzegovina: within 72 hours (elapsed).
    ("BA-ZZLP-AGENCY", {"BA": 10}, {"risk": "risk"}, "2026-03-05T16:00:00Z"),
    # Kosovo: no later than 72 hours after becoming aware.
    ("XK-LPPD-IPA", {"XK": 10}, {"risk": "risk"}, "2026-03-05T16:00:00Z"),
    # Monaco art 32: 72 hours at the latest after becoming aware.
    ("MC-LPDP-APDP", {"MC": 10}, {"risk": "risk"}, "2026-03-05T16:00:00Z"),
    # Moldova: 72 hours from Monday 7 September 2026, 08:00 UTC.
    ("MD-LPDP-NCPDP", {"MD": 10}, {"risk": "risk", "at": AFTER_MD}, "2026-09-10T08:00:00Z"),
    # Belarus: three working days. Monday 2 March 2026, 19:00 in Minsk (UTC+3): the end of
    # Thursday 5 March there.
    ("BY-PDPL-NPDPC", {"BY": 10}, {}, "2026-03-05T20:59:59Z"),
    # ... discovered Friday 6 March: Sunday 8 March (Women's Day) is a weekend day already, and
    # Monday 9 March is not a holiday in Belarus - the end of Wednesday 11 March.
    ("BY-PDPL-NPDPC", {"BY": 10}, {"at": "2026-03-06T08:00:00Z"}, "2026-03-11T20:59:59Z"),
]


@pytest.mark.parametrize(("rule", "affected", "options", "due"), DEADLINES)
def test_deadlines(clocks, rule, affected, options, due):
    out = clocks(_facts(affected, **options))
    assert out.due(rule) == due


# Duties the law sets without a fixed period: owed, with no computed deadline.
OPEN_ENDED = [
    ("AD-LQPD-DS", {"AD": 10}, {}),  # art 37(1) "sense dilació indeguda"
    ("AD-LQPD-PROC", {"AD": 10}, {"role": "processor"}),  # art 36(2) "sense dilació"
    ("GI-GDPR-34-DS", {"GI": 10}, {}),  # Art 34(1) "without undue delay"
    ("GI-GDPR-33-2-PROC", {"GI": 10}, {"role": "processor"}),  # Art 33(2)
    ("AM-PDPL-AGENCY", {"AM": 10}, {}),  # "immediately"
    ("AM-PDPL-PUBLIC", {"AM": 10}, {}),  # "immediately"
]


@pytest.mark.parametrize(("rule", "affected", "options"), OPEN_ENDED)
def test_open_ended_duties_have_no_fixed_deadline(clocks, rule, affected, options):
    out = clocks(_facts(affected, **options))
    assert rule in out.owed, out.excluded.get(rule)
    assert out.due(rule) is None


# Laws that began recently: a breach discovered before the start date owes nothing under them.
NOT_YET = [
    ("AD-LQPD-SA", {"AD": 10}, "2022-05-16T12:00:00Z"),  # Llei 29/2021 in force 17 May 2022
    ("MD-LPDP-NCPDP", {"MD": 10}, DISCOVERED),  # Law 195/2024 in force 23 August 2026
    ("BA-ZZLP-AGENCY", {"BA": 10}, "2025-10-03T12:00:00Z"),  # applied from 4 October 2025
    ("MC-LPDP-APDP", {"MC": 10}, "2024-12-13T12:00:00Z"),  # Loi n° 1.565 in force 14 December 2024
]


@pytest.mark.parametrize(("rule", "affected", "at"), NOT_YET)
def test_not_owed_before_the_law_began(clocks, rule, affected, at):
    out = clocks(_facts(affected, at=at))
    assert rule not in out.owed
    assert rule in out.excluded


NO_DUTY = [
    ("AR", "AR-LPDP-AAIP"),
    ("UA", "UA-LPDP-OMBUDSMAN"),
    ("TN", "TN-LOPDP-INPDP"),
    ("MA", "MA-L0908-CNDP"),
    ("MO", "MO-LPDP-DSPDP"),
    ("AZ", "AZ-LPD-MDDT"),
]


@pytest.mark.parametrize(("place", "rule"), NO_DUTY)
def test_places_without_a_duty_in_force_say_why_rather_than_not_assessed(clocks, place, rule):
    out = clocks(_facts({place: 10}))
    assert rule not in out.owed
    assert out.excluded[rule]["jurisdiction"] == place
    assert not [c for c in out.doc["conflicts"] if c["kind"] == "no_rule"]
