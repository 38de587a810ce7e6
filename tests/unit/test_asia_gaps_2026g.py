"""Asian and nearby places the rule book had no entry for, and the Asian entries it had, checked
again. Every row was written down before the engine was run, from the law where its text could be
read and otherwise from the sources named in the comment and on the rule: who must be told at no,
low and high risk, what a processor owes, by when, and whether a foreign organisation is reached.
Where no duty is in force the case says why nothing is owed instead of "not assessed".

Discovery is Monday 2 March 2026, 16:00 UTC, as in test_more_countries_2026e.py; awareness and
determination default to discovery; hours are elapsed hours; days end at midnight local time;
working days follow the country's calendar.
"""

import pytest

from tests.unit.law_cases import DISCOVERED, breach, recipients_in


def _facts(affected, *, data=("name", "national_id"), at=DISCOVERED, **options):
    return breach(affected, data=data, discovered=at, **options)


SA, IND, OWNER = "supervisory_authority", "individuals", "controller"
CITRA = ("kw_citra_service_provider",)

# (place, people by residence, facts options, recipients owed in `place`)
ROWS = [
    # Kuwait, CITRA Data Privacy Protection Regulation (Resolution No. 26 of 2024, in force 19
    # February 2024, replacing Resolution No. 42 of 2021): binds communications and information
    # technology service providers (a network, website, smart application or cloud service
    # provided in Kuwait), wherever the data are processed - not every organisation. CITRA is told
    # of any breach (24 hours since 2024, 72 under the 2021 Regulation); the users where the
    # breach is likely to harm their data or privacy, without delay.
    ("KW", {"KW": 10}, {"subject_to": CITRA, "risk": "none"}, {SA}),
    ("KW", {"KW": 10}, {"subject_to": CITRA, "risk": "unlikely"}, {SA}),
    ("KW", {"KW": 10}, {"subject_to": CITRA, "risk": "risk"}, {SA, IND}),
    ("KW", {"KW": 10}, {"subject_to": CITRA, "risk": "high"}, {SA, IND}),
    # A service provider processing for another (a cloud or hosting provider) is itself a
    # service provider: it reports to CITRA; the users' notice stays with the one they deal with.
    ("KW", {"KW": 10}, {"subject_to": CITRA, "role": "processor"}, {SA}),
    # An organisation that is not a CITRA service provider: Kuwait has no general law.
    ("KW", {"KW": 10}, {"risk": "high"}, set()),
    # Mongolia, Law on Personal Data Protection of 17 December 2021 (in force 1 May 2022): the data
    # controller's plan to take measures and to notify the competent state authority and the data
    # owner when data are lost (DLA Piper's statement of the security article); no harm test and
    # no period in the sources.
    ("MN", {"MN": 10}, {"risk": "none"}, {SA, IND}),
    ("MN", {"MN": 10}, {"risk": "high"}, {SA, IND}),
    ("MN", {"MN": 10}, {"role": "processor"}, set()),
    # Bangladesh, Personal Data Protection Ordinance 2025 (Ordinance No. 61 of 2025, gazetted 6
    # November 2025): a "data fiduciary" (the Indian DPDP Act's term) tells the Authority and the
    # data subjects of a personal data breach; read on the Indian model - every breach, both
    # recipients. No processor notice in the sources.
    ("BD", {"BD": 10}, {"risk": "none"}, {SA, IND}),
    ("BD", {"BD": 10}, {"risk": "high"}, {SA, IND}),
    ("BD", {"BD": 10}, {"role": "processor"}, set()),
    # Georgia, Law on Personal Data Protection of 14 June 2023 (in force 1 March 2024) art 29: the
    # Service within 72 hours unless significant damage is least expected; the data subjects on
    # significant damage; the processor tells the controller immediately.
    ("GE", {"GE": 10}, {"risk": "risk"}, {SA}),
    ("GE", {"GE": 10}, {"risk": "high"}, {SA, IND}),
    ("GE", {"GE": 10}, {"role": "processor"}, {OWNER}),
    # Kazakhstan, Law No. 94-V as amended (from 1 July 2024): the authorized body within one
    # working day of any breach, owed by the owner and the operator alike; the body notifies the
    # data subjects itself.
    ("KZ", {"KZ": 10}, {"risk": "none"}, {SA}),
    ("KZ", {"KZ": 10}, {"role": "processor"}, {SA}),
    # Armenia, Law HO-49-N: on a leak from an electronic system, an immediate public statement and
    # notice to the Police and the Agency.
    ("AM", {"AM": 10}, {"risk": "none"}, {SA, "public", "state_agency"}),
    # Brunei, Personal Data Protection Order 2025 (from 1 January 2026): the Authority and the
    # individuals on significant harm; no data intermediary's notice found.
    ("BN", {"BN": 10}, {"risk": "risk"}, set()),
    ("BN", {"BN": 10}, {"risk": "high"}, {SA, IND}),
    ("BN", {"BN": 10}, {"role": "processor", "risk": "high"}, set()),
]

# No breach-notification duty in force - nothing owed, and the case says why:
NO_DUTY = [
    # Uzbekistan, Law No. ZRU-547 on Personal Data (in force 1 October 2019, amended 2021): no
    # notice of a breach found in the Law or its amendments; the April 2025 presidential
    # resolution (PP-153) is reported to make breach reports compulsory in the financial sector
    # only (not modelled).
    ("UZ", "UZ-LPD-NONE"),
    # Bhutan: no data protection statute; the Information, Communications and Media Act 2018 has
    # privacy and security provisions for ICT and media services but no breach notice.
    ("BT", "BT-NODPL-NONE"),
    # Maldives: no data protection statute; the Personal Data Protection Bill is before the
    # People's Majlis (referred to committee in 2026).
    ("MV", "MV-NODPL-NONE"),
    # Tajikistan, Law No. 1537 of 3 August 2018 on Personal Data Protection: no breach
    # notification (DataGuidance).
    ("TJ", "TJ-LPD-NONE"),
    # Turkmenistan, Law No. 519-V of 20 March 2017 on Information about Private Life: no breach
    # notification (DataGuidance).
    ("TM", "TM-LPL-NONE"),
    # Palestine: no data protection statute in force; a Personal Data Protection decree-law is a
    # draft (2023); the Cybercrime Law by Decree No. 10 of 2018 binds service providers to report
    # offences, which is not a breach notice.
    ("PS", "PS-NODPL-NONE"),
    # Entries the book had, checked again and unchanged: Nepal (Individual Privacy Act 2075),
    # Pakistan (the Personal Data Protection Bill is not enacted), Laos (Law 25/NA), Cambodia (no
    # law), Kyrgyzstan (Law No. 58 art 17), Azerbaijan (Law on Personal Data 2010), Timor-Leste,
    # Myanmar; and Sri Lanka, whose PDPA s 23 awaits the Minister's Order.
    ("NP", "NP-IPA-NONE"),
    ("PK", "PK-PDPB-NONE"),
    ("LA", "LA-LEDP-MTC"),
    ("KH", "KH-NODPL-NONE"),
    ("KG", "KG-LPI-AGENCY"),
    ("AZ", "AZ-LPD-MDDT"),
    ("TL", "TL-NODPL-NONE"),
    ("MM", "MM-LPPSC-NONE"),
    ("LK", "LK-PDPA-DPA"),
]
ROWS += [(place, {place: 10}, {"risk": "high"}, set()) for place, _ in NO_DUTY]


@pytest.mark.parametrize(("place", "affected", "options", "owed"), ROWS)
def test_who_must_be_told(clocks, place, affected, options, owed):
    out = clocks(_facts(affected, **options))
    assert not [c for c in out.doc["conflicts"] if c["kind"] == "no_rule"]
    assert recipients_in(out, place) == owed


@pytest.mark.parametrize(("place", "rule"), NO_DUTY)
def test_places_without_a_duty_in_force_say_why_rather_than_not_assessed(clocks, place, rule):
    out = clocks(_facts({place: 10}))
    assert rule not in out.owed
    assert out.excluded[rule]["jurisdiction"] == place


def test_a_kuwaiti_organisation_outside_citra_is_told_why_nothing_is_owed(clocks):
    out = clocks(_facts({"KW": 10}))
    assert "CITRA" in out.excluded["KW-DPPR-CITRA"]["why"]
    assert out.excluded["KW-NODPL-NONE"]["jurisdiction"] == "KW"


# (rule, people, options, due_at) - counted by hand.
DEADLINES = [
    # Kuwait 2024: 24 hours.
    ("KW-DPPR-CITRA", {"KW": 10}, {"subject_to": CITRA}, "2026-03-03T16:00:00Z"),
    # Kuwait 2021 (Resolution No. 42 of 2021, until 18 February 2024): 72 hours.
    (
        "KW-DPPR-CITRA",
        {"KW": 10},
        {"subject_to": CITRA, "at": "2023-05-01T10:00:00Z"},
        "2023-05-04T10:00:00Z",
    ),
    # Kazakhstan: one working day. Friday 20 March 2026, 15:00 in Almaty (UTC+5); Nauryz falls on
    # 21-23 March, the Saturday and Sunday carried to 24 and 25 March, so the next working day is
    # Thursday 26 March, ending at 23:59:59 local.
    ("KZ-PDL-AUTH", {"KZ": 10}, {"at": "2026-03-20T10:00:00Z"}, "2026-03-26T18:59:59Z"),
    # Georgia: 72 hours after detecting the incident.
    ("GE-PDP-SA", {"GE": 10}, {"risk": "risk"}, "2026-03-05T16:00:00Z"),
    # Brunei: three calendar days; 16:00 UTC is midnight starting 3 March in Brunei (UTC+8).
    ("BN-PDPO-AUTH", {"BN": 10}, {}, "2026-03-06T15:59:59Z"),
]


@pytest.mark.parametrize(("rule", "affected", "options", "due"), DEADLINES)
def test_deadlines(clocks, rule, affected, options, due):
    out = clocks(_facts(affected, **options))
    assert out.due(rule) == due


# Duties the sources give without a fixed period (or whose period was not read): owed, undated.
OPEN_ENDED = [
    ("KW-DPPR-USERS", {"KW": 10}, {"subject_to": CITRA}),  # "without delay"
    ("MN-PDPL-AUTH", {"MN": 10}, {}),
    ("MN-PDPL-DS", {"MN": 10}, {}),
    ("BD-PDPO-AUTH", {"BD": 10}, {}),  # 72 hours in the drafts; the Ordinance's period not read
    ("BD-PDPO-DS", {"BD": 10}, {}),
    ("GE-PDP-PROC", {"GE": 10}, {"role": "processor"}),  # "immediately"
]


@pytest.mark.parametrize(("rule", "affected", "options"), OPEN_ENDED)
def test_open_ended_duties_have_no_fixed_deadline(clocks, rule, affected, options):
    out = clocks(_facts(affected, **options))
    assert rule in out.owed, out.excluded.get(rule)
    assert out.due(rule) is None


# A breach discovered before the law began owes nothing under it.
NOT_YET = [
    ("KW-DPPR-CITRA", {"KW": 10}, {"subject_to": CITRA}, "2021-05-01T12:00:00Z"),
    ("MN-PDPL-AUTH", {"MN": 10}, {}, "2022-04-20T12:00:00Z"),  # in force 1 May 2022
    ("BD-PDPO-AUTH", {"BD": 10}, {}, "2025-11-01T12:00:00Z"),  # gazetted 6 November 2025
    ("GE-PDP-SA", {"GE": 10}, {"risk": "high"}, "2024-02-20T12:00:00Z"),  # from 1 March 2024
]


@pytest.mark.parametrize(("rule", "affected", "options", "at"), NOT_YET)
def test_not_owed_before_the_law_began(clocks, rule, affected, options, at):
    out = clocks(_facts(affected, at=at, **options))
    assert rule not in out.owed
    assert rule in out.excluded


# Territorial scope: a controller established only in New York with residents of the place
# affected. Bangladesh s 4 reaches processing abroad that offers goods or services to, or
# monitors, people in Bangladesh; Mongolia's Law is read as following the people (art 3 gives no
# territorial test); Kuwait's Regulation binds a service provider "whether processed inside or
# outside" Kuwait, so the token decides, not residence or establishment.
TERRITORIAL = [
    ("BD", {}, {"BD-PDPO-AUTH", "BD-PDPO-DS"}),
    ("MN", {}, {"MN-PDPL-AUTH", "MN-PDPL-DS"}),
    ("KW", {"subject_to": CITRA}, {"KW-DPPR-CITRA", "KW-DPPR-USERS"}),
]


@pytest.mark.parametrize(("place", "options", "rules"), TERRITORIAL)
def test_a_foreign_controller_is_reached(clocks, place, options, rules):
    out = clocks(_facts({place: 2000}, est=("US-NY",), **options))
    owed = {code for code, o in out.owed.items() if o["jurisdiction"] == place}
    assert owed == rules
