"""Countries the rule book did not list at all, each checked for a breach-notification duty in
force and each row written down from the law (or, where the text could not be read, from the
sources named on the rule) before the engine was run: who must be told at low and at high risk,
what a processor owes, and by when; where no duty is in force, the case says why nothing is owed
instead of "not assessed".

Discovery is Monday 2 March 2026, 16:00 UTC, as in test_more_countries_2026b.py; awareness
defaults to discovery; hours are elapsed hours.
"""

import pytest

from tests.unit.law_cases import DISCOVERED, breach, recipients_in


def _facts(affected, *, data=("name", "national_id"), at=DISCOVERED, **options):
    return breach(affected, data=data, discovered=at, **options)


SA, IND, OWNER, AGENCY = "supervisory_authority", "individuals", "controller", "state_agency"
SAFE_KEY = {"encrypted": True, "key_compromised": False}
LOST_KEY = {"encrypted": True, "key_compromised": True}

# (place, people by residence, facts options, recipients owed in `place`)
ROWS = [
    # Barbados, Data Protection Act 2019-29 (in force 31 March 2021 save the registration
    # sections): the GDPR Art 33 model - the Data Protection Commissioner within 72 hours unless
    # the breach is unlikely to result in a risk; the data subject on a high risk, not where the
    # data were made unintelligible (encryption); the processor tells the controller.
    ("BB", {"BB": 10}, {"risk": "unlikely"}, set()),
    ("BB", {"BB": 10}, {"risk": "risk"}, {SA}),
    ("BB", {"BB": 10}, {"risk": "high"}, {SA, IND}),
    ("BB", {"BB": 10}, {"risk": "high", "encryption": SAFE_KEY}, {SA}),
    ("BB", {"BB": 10}, {"risk": "high", "encryption": LOST_KEY}, {SA, IND}),
    ("BB", {"BB": 10}, {"role": "processor", "risk": "unlikely"}, {OWNER}),
    # El Salvador, Ley para la Protección de Datos Personales (Decreto Legislativo No. 144 of 12
    # November 2024): any security breach to the Agencia de Ciberseguridad del Estado, the
    # Fiscalía General de la República and the titulares affected, within 72 hours at most of its
    # detection - no harm test in the sources.
    ("SV", {"SV": 10}, {"risk": "none"}, {SA, AGENCY, IND}),
    ("SV", {"SV": 10}, {"risk": "high"}, {SA, AGENCY, IND}),
    # No breach-notification duty in force - nothing owed, and the case says why:
    # Dominican Republic, Ley 172-13 (no general duty; INDOTEL's telecom rules only); Paraguay,
    # Ley 7593/2025 (promulgated 27 November 2025, in force 24 months later); Lebanon, Law
    # 81/2018 (no notice provision); Nepal, Individual Privacy Act 2075 (none; only the general
    # duty to report an offence); Pakistan (the Personal Data Protection Bill is not enacted);
    # Trinidad and Tobago, Data Protection Act 2011 (partly proclaimed, and no breach notice in it).
    ("DO", {"DO": 10}, {"risk": "high"}, set()),
    ("PY", {"PY": 10}, {"risk": "high"}, set()),
    ("LB", {"LB": 10}, {"risk": "high"}, set()),
    ("NP", {"NP": 10}, {"risk": "high"}, set()),
    ("PK", {"PK": 10}, {"risk": "high"}, set()),
    ("TT", {"TT": 10}, {"risk": "high"}, set()),
]


# More places with no breach-notification duty in force, each row from its source: Laos, Law on
# Electronic Data Protection No. 25/NA (no mandatory notice; the Bank of Lao PDR decree binds
# financial service providers only); Guatemala (no personal data protection law; breach
# notification "not regulated"); Honduras (the data protection bill is only partly approved);
# Bolivia (no general law; bills pending); Venezuela (no legal obligation to disclose a breach);
# Cambodia (the draft Law on Personal Data Protection is not enacted); the Bahamas, Data
# Protection (Privacy of Personal Information) Act 2003 (a security duty, no notice); Kyrgyzstan,
# Law No. 58 on Personal Information, art 17 (the holder's duties - no notice of a breach).
ROWS += [
    ("LA", {"LA": 10}, {"risk": "high"}, set()),
    ("GT", {"GT": 10}, {"risk": "high"}, set()),
    ("HN", {"HN": 10}, {"risk": "high"}, set()),
    ("BO", {"BO": 10}, {"risk": "high"}, set()),
    ("VE", {"VE": 10}, {"risk": "high"}, set()),
    ("KH", {"KH": 10}, {"risk": "high"}, set()),
    ("BS", {"BS": 10}, {"risk": "high"}, set()),
    ("KG", {"KG": 10}, {"risk": "high"}, set()),
]


@pytest.mark.parametrize(("place", "affected", "options", "owed"), ROWS)
def test_who_must_be_told(clocks, place, affected, options, owed):
    out = clocks(_facts(affected, **options))
    assert not [c for c in out.doc["conflicts"] if c["kind"] == "no_rule"]
    assert recipients_in(out, place) == owed


# (rule, people, options, due_at) - counted by hand.
DEADLINES = [
    # Barbados: not later than 72 hours after becoming aware.
    ("BB-DPA-COMMISSIONER", {"BB": 10}, {"risk": "risk"}, "2026-03-05T16:00:00Z"),
    # El Salvador: 72 hours at most from detection, to each of the three recipients.
    ("SV-LPDP-ACE", {"SV": 10}, {}, "2026-03-05T16:00:00Z"),
    ("SV-LPDP-FGR", {"SV": 10}, {}, "2026-03-05T16:00:00Z"),
    ("SV-LPDP-DS", {"SV": 10}, {}, "2026-03-05T16:00:00Z"),
]


@pytest.mark.parametrize(("rule", "affected", "options", "due"), DEADLINES)
def test_deadlines(clocks, rule, affected, options, due):
    out = clocks(_facts(affected, **options))
    assert out.due(rule) == due


# Duties the law sets without a fixed period: owed, with no computed deadline.
OPEN_ENDED = [
    ("BB-DPA-DS", {"BB": 10}, {}),  # "without undue delay"
    ("BB-DPA-PROC", {"BB": 10}, {"role": "processor"}),  # "without undue delay"
]


@pytest.mark.parametrize(("rule", "affected", "options"), OPEN_ENDED)
def test_open_ended_duties_have_no_fixed_deadline(clocks, rule, affected, options):
    out = clocks(_facts(affected, **options))
    assert rule in out.owed, out.excluded.get(rule)
    assert out.due(rule) is None


# Laws that began recently: a breach discovered before the start date owes nothing under them.
NOT_YET = [
    ("BB-DPA-COMMISSIONER", {"BB": 10}, "2021-03-30T12:00:00Z"),  # in force 31 March 2021
    ("SV-LPDP-ACE", {"SV": 10}, "2024-11-22T12:00:00Z"),  # in force 23 November 2024
]


@pytest.mark.parametrize(("rule", "affected", "at"), NOT_YET)
def test_not_owed_before_the_law_began(clocks, rule, affected, at):
    out = clocks(_facts(affected, at=at))
    assert rule not in out.owed
    assert rule in out.excluded


NO_DUTY = [
    ("DO", "DO-L17213-NONE"),
    ("PY", "PY-L7593-ANPDP"),
    ("LB", "LB-L81-MOET"),
    ("NP", "NP-IPA-NONE"),
    ("PK", "PK-PDPB-NONE"),
    ("TT", "TT-DPA-OIC"),
    ("LA", "LA-LEDP-MTC"),
    ("GT", "GT-LAIP-NONE"),
    ("HN", "HN-NODPL-IAIP"),
    ("BO", "BO-NODPL-NONE"),
    ("VE", "VE-NODPL-NONE"),
    ("KH", "KH-NODPL-NONE"),
    ("BS", "BS-DPA-ODPC"),
    ("KG", "KG-LPI-AGENCY"),
]


@pytest.mark.parametrize(("place", "rule"), NO_DUTY)
def test_places_without_a_duty_in_force_say_why_rather_than_not_assessed(clocks, place, rule):
    out = clocks(_facts({place: 10}))
    assert rule not in out.owed
    assert out.excluded[rule]["jurisdiction"] == place
    assert not [c for c in out.doc["conflicts"] if c["kind"] == "no_rule"]
