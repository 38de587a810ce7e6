"""The Caribbean, Central America and East and Southern Africa: each place's data protection law
checked for a breach-notification duty in force, and the existing entries of the region checked
again against their text. Every row was written down from the law (or, where its text could not be
read, from the sources named in the comment and on the rule) before the rule book was changed: who
must be told at low and at high risk, what a processor owes, by when, and whether the law binds a
foreign organisation whose only link is the people affected. Where a place has a data protection law
with no breach duty in force - or no such law at all - the case lists nothing owed and says why,
instead of reporting the place as not assessed.

Discovery is Monday 2 March 2026, 16:00 UTC, as in test_more_countries_2026b.py; awareness
defaults to discovery; hours are elapsed hours, days end at midnight local time.
"""

import pytest

from tests.unit.law_cases import DISCOVERED, ESTABLISHMENT_SCOPED, breach, recipients_in


def _facts(affected, *, data=("name", "national_id"), at=DISCOVERED, **options):
    return breach(affected, data=data, discovered=at, **options)


SA, IND, OWNER = "supervisory_authority", "individuals", "controller"
SAFE_KEY = {"encrypted": True, "key_compromised": False}
LOST_KEY = {"encrypted": True, "key_compromised": True}

# (place, people by residence, facts options, recipients owed in `place`)
ROWS = [
    # ------------------------------------------------------------------ the Caribbean
    # Jamaica, Data Protection Act 2020: a security breach that affects or may affect personal
    # data is reported to the Information Commissioner within 72 hours, and each data subject
    # whose data are affected is told within the time the Data Protection Regulations 2024
    # prescribe (72 hours) - no harm threshold (the Commissioner's release; practitioners'
    # summary). The substantive duties apply from 1 December 2023, the end of the two-year
    # transition that began when the Office opened on 1 December 2021. Both duties are the data
    # controller's.
    ("JM", {"JM": 10}, {"risk": "none"}, {SA, IND}),
    ("JM", {"JM": 10}, {"risk": "high"}, {SA, IND}),
    ("JM", {"JM": 10}, {"role": "processor"}, set()),
    ("JM", {"JM": 10}, {"at": "2023-11-20T12:00:00Z"}, set()),
    # Barbados, Data Protection Act 2019-29 (the GDPR Art 33-34 model the earlier round encoded;
    # its section numbers could still not be read): nothing at a breach unlikely to result in a
    # risk, the Commissioner at a risk, the data subject too at a high risk.
    ("BB", {"BB": 10}, {"risk": "unlikely"}, set()),
    ("BB", {"BB": 10}, {"risk": "high"}, {SA, IND}),
    # Cayman Islands, Data Protection Act (2021 Revision) s 16(1): every personal data breach to
    # the Ombudsman and the data subjects within five days; s 6(1) binds a controller established
    # in the Islands or having data processed there.
    ("KY", {"KY": 10}, {"risk": "none", "est": ("KY",)}, {SA, IND}),
    ("KY", {"KY": 10}, {"risk": "high"}, set()),
    # Bermuda, PIPA 2016 s 14 (in force 1 January 2025): a breach likely to adversely affect an
    # individual, to the Commissioner and the individual; s 2(1): organisations using personal
    # information in Bermuda.
    ("BM", {"BM": 10}, {"risk": "unlikely", "est": ("BM",)}, set()),
    ("BM", {"BM": 10}, {"risk": "risk", "est": ("BM",)}, {SA, IND}),
    # Belize, Data Protection Act No. 45 of 2021 (assented 29 November 2021), and Guyana, Data
    # Protection Act 2023 (Act No. 18 of 2023): both follow the Barbados Act (the Commissioner
    # within 72 hours unless a risk is unlikely, the data subject on a high risk, the processor
    # to the controller), but each comes into operation on a date appointed by order, and no
    # order was found - nothing is owed, and the case says the law is not yet in operation.
    ("BZ", {"BZ": 10}, {"risk": "high"}, set()),
    ("GY", {"GY": 10}, {"risk": "high"}, set()),
    # ------------------------------------------------------------------ East and Southern Africa
    # Kenya, DPA 2019 s 43 (the text read in the Kenya Gazette Supplement on ictpolicyafrica.org):
    # where personal data was accessed or acquired by an unauthorised person and there is a real
    # risk of harm - the Data Commissioner without delay, within 72 hours of becoming aware, and
    # the data subject within a reasonably practical period; the processor to the controller
    # within 48 hours where reasonably practicable; s 43(6): no communication to the data subject
    # where safeguards such as encryption were in place.
    ("KE", {"KE": 10}, {"risk": "unlikely"}, set()),
    ("KE", {"KE": 10}, {"risk": "risk"}, {SA, IND}),
    ("KE", {"KE": 10}, {"risk": "high", "encryption": SAFE_KEY}, {SA}),
    ("KE", {"KE": 10}, {"role": "processor", "risk": "risk"}, {OWNER}),
    # Zambia, DPA No. 3 of 2021 s 49 (read in the Act's text): (1) the controller tells the Data
    # Protection Commissioner within 24 hours of any security breach; (2) the processor tells the
    # controller as soon as practicable; (3) "a data controller or data processor" tells the
    # data subject as soon as practicable - no harm test anywhere.
    ("ZM", {"ZM": 10}, {"risk": "none"}, {SA, IND}),
    ("ZM", {"ZM": 10}, {"role": "processor", "risk": "none"}, {OWNER, IND}),
    # Rwanda, Law No. 058/2021 arts 43-45: every breach to the NCSA within 48 hours and the
    # report within 72 hours; the data subject on a high risk unless protection measures such as
    # encryption make it unlikely; the processor to the controller within 48 hours.
    ("RW", {"RW": 10}, {"risk": "none"}, {SA}),
    ("RW", {"RW": 10}, {"risk": "high"}, {SA, IND}),
    ("RW", {"RW": 10}, {"risk": "high", "encryption": SAFE_KEY}, {SA}),
    ("RW", {"RW": 10}, {"role": "processor", "risk": "none"}, {OWNER}),
    # Uganda, DPPA 2019 s 23: "the data collector, data processor or data controller" tells the
    # Authority immediately; the data subject as the Authority determines (high risk).
    ("UG", {"UG": 10}, {"risk": "risk"}, {SA}),
    ("UG", {"UG": 10}, {"risk": "high"}, {SA, IND}),
    ("UG", {"UG": 10}, {"role": "processor", "risk": "high"}, {SA}),
    # Tanzania, PDPA 2022 s 27(5): the Commission promptly of any security breach; no data
    # subject or processor notice in the Act as read.
    ("TZ", {"TZ": 10}, {"risk": "none"}, {SA}),
    ("TZ", {"TZ": 10}, {"role": "processor"}, set()),
    # Ethiopia, Proclamation No. 1321/2024 (as cited: arts 43-44): the Ethiopian Communications
    # Authority within 72 hours; the data subjects on a high risk.
    ("ET", {"ET": 10}, {"risk": "none"}, {SA}),
    ("ET", {"ET": 10}, {"risk": "high"}, {SA, IND}),
    # Seychelles, Data Protection Act 2023 (Act 24 of 2023, in force 22 December 2023 with an
    # 18-month transition for controllers and processors): breach notification to the Information
    # Commission and the affected individuals (DataGuidance, ConsentStack; the section was not
    # read), taken on the GDPR model the Act follows. Section 3: processing within Seychelles -
    # a controller established there, or processing there.
    ("SC", {"SC": 10}, {"risk": "unlikely", "est": ("SC",)}, set()),
    ("SC", {"SC": 10}, {"risk": "risk", "est": ("SC",)}, {SA}),
    ("SC", {"SC": 10}, {"risk": "high", "est": ("SC",)}, {SA, IND}),
    ("SC", {"SC": 10}, {"risk": "high"}, set()),
    ("SC", {"SC": 10}, {"risk": "high", "est": ("SC",), "at": "2025-03-02T12:00:00Z"}, set()),
]

# No breach-notification duty in force - nothing owed, and the case says why.
NO_DUTY = [
    # The Dutch Caribbean: Curaçao's Landsverordening bescherming persoonsgegevens (P.B. 2010 no.
    # 84, in force 1 October 2013), Sint Maarten's (AB 2010, GT no. 2) and Aruba's Landsverordening
    # persoonsregistratie (AB 2011) follow the former Dutch Wbp, which had no breach notice
    # (DataGuidance, DLA Piper: no data breach notification).
    ("CW", "CW-LBP-NONE"),
    ("SX", "SX-LBP-NONE"),
    ("AW", "AW-LPR-NONE"),
    # British Virgin Islands, Data Protection Act 2021 (in force 9 July 2021): its arrangement of
    # sections (read in the Act) has the seven principles, the rights, the Information
    # Commissioner and enforcement - no breach notice.
    ("VG", "VG-DPA-NONE"),
    # The OECS model laws, which have a security principle but no breach notice: Antigua and
    # Barbuda (DPA 2013, arrangement read), Saint Christopher and Nevis (DPA 2018, not yet in
    # force), Grenada (DPA No. 1 of 2023, not yet in force), Saint Lucia (DPA Cap 8.18, partly in
    # force since January 2023; no breach section among those read).
    ("AG", "AG-DPA-NONE"),
    ("KN", "KN-DPA-NONE"),
    ("GD", "GD-DPA-NONE"),
    ("LC", "LC-DPA-NONE"),
    # Saint Vincent and the Grenadines: the Privacy Act 2003 governs public authorities' personal
    # information and has no breach notice.
    ("VC", "VC-PA-NONE"),
    # No data protection statute: Turks and Caicos (Lex Mundi 2025: the Constitution, the
    # Confidential Relationships Ordinance and the Electronic Transactions Ordinance), Anguilla
    # (Electronic Transactions Act s 31 regulations never made), Dominica.
    ("TC", "TC-NODPL-NONE"),
    ("AI", "AI-NODPL-NONE"),
    ("DM", "DM-NODPL-NONE"),
    # Nicaragua, Ley 787 (2012) and its Reglamento (Decreto 36-2012): no breach notice found, and
    # the data protection directorate (DIPRODAP) was never established.
    ("NI", "NI-L787-NONE"),
    # Angola, Lei 22/11: no breach notice (the electronic communications law's notice for
    # network operators is not modelled); Mozambique: no data protection law (INTIC's bill was
    # in public consultation in November 2025); Sudan, South Sudan and Eritrea: no statute found;
    # Djibouti: the Code du numérique (Book I, personal data) was approved as a bill by the
    # Council of Ministers on 6 June 2023, its enactment not verified; Burundi: the personal data
    # bill was adopted by the National Assembly on 15 January 2026, its promulgation and breach
    # article not verified.
    ("AO", "AO-L2211-NONE"),
    ("MZ", "MZ-NODPL-NONE"),
    ("SD", "SD-NODPL-NONE"),
    ("SS", "SS-NODPL-NONE"),
    ("ER", "ER-NODPL-NONE"),
    ("DJ", "DJ-NODPL-NONE"),
    ("BI", "BI-NODPL-NONE"),
    # Existing entries checked again: the Bahamas (the 2003 Act's arrangement of sections, read
    # in the Act: no breach section), Trinidad and Tobago, the Dominican Republic, Haiti and
    # Madagascar.
    ("BS", "BS-DPA-ODPC"),
    ("TT", "TT-DPA-OIC"),
    ("DO", "DO-L17213-NONE"),
    ("HT", "HT-NODPL-NONE"),
    ("MG", "MG-L2014038-CMIL"),
]
ROWS += [(place, {place: 10}, {"risk": "high"}, set()) for place, _ in NO_DUTY]


@pytest.mark.parametrize(("place", "affected", "options", "owed"), ROWS)
def test_who_must_be_told(clocks, place, affected, options, owed):
    out = clocks(_facts(affected, **options))
    assert not [c for c in out.doc["conflicts"] if c["kind"] == "no_rule"]
    assert recipients_in(out, place) == owed


# (rule, people, options, due_at) - counted by hand.
DEADLINES = [
    # Jamaica: 72 hours from discovery for the Commissioner and the data subjects.
    ("JM-DPA-OIC", {"JM": 10}, {}, "2026-03-05T16:00:00Z"),
    ("JM-DPA-DS", {"JM": 10}, {}, "2026-03-05T16:00:00Z"),
    # Barbados: 72 hours after becoming aware.
    ("BB-DPA-COMMISSIONER", {"BB": 10}, {}, "2026-03-05T16:00:00Z"),
    # Cayman: five days; 16:00 UTC is 11:00 on 2 March in George Town (UTC-5), so 7 March,
    # 23:59:59 local.
    ("KY-DPA-OMBUDSMAN", {"KY": 10}, {"est": ("KY",)}, "2026-03-08T04:59:59Z"),
    # Kenya: 72 hours to the Data Commissioner; the processor 48 hours.
    ("KE-DPA-ODPC", {"KE": 10}, {"risk": "risk"}, "2026-03-05T16:00:00Z"),
    ("KE-DPA-PROC", {"KE": 10}, {"role": "processor"}, "2026-03-04T16:00:00Z"),
    # Zambia: 24 hours.
    ("ZM-DPA-DPC", {"ZM": 10}, {}, "2026-03-03T16:00:00Z"),
    # Rwanda: 48 hours, the report 72 hours, the processor 48 hours.
    ("RW-DPP-SA", {"RW": 10}, {}, "2026-03-04T16:00:00Z"),
    ("RW-DPP-REPORT", {"RW": 10}, {}, "2026-03-05T16:00:00Z"),
    ("RW-DPP-PROC", {"RW": 10}, {"role": "processor"}, "2026-03-04T16:00:00Z"),
    # Ethiopia: 72 hours.
    ("ET-PDPP-ECA", {"ET": 10}, {}, "2026-03-05T16:00:00Z"),
]


@pytest.mark.parametrize(("rule", "affected", "options", "due"), DEADLINES)
def test_deadlines(clocks, rule, affected, options, due):
    out = clocks(_facts(affected, **options))
    assert out.due(rule) == due


# Owed with no fixed period ("as soon as practicable", "promptly", "immediately", or a period not
# read): listed, undated.
OPEN_ENDED = [
    ("ZM-DPA-DS", {"ZM": 10}, {}),
    ("ZM-DPA-PROC", {"ZM": 10}, {"role": "processor"}),
    ("KE-DPA-DS", {"KE": 10}, {"risk": "risk"}),
    ("TZ-PDPA-PDPC", {"TZ": 10}, {}),
    ("UG-DPPA-SA", {"UG": 10}, {}),
    ("ET-PDPP-DS", {"ET": 10}, {}),
    ("BM-PIPA-COMMISSIONER", {"BM": 10}, {"est": ("BM",)}),
    ("SC-DPA-IC", {"SC": 10}, {"est": ("SC",)}),
    ("SC-DPA-DS", {"SC": 10}, {"est": ("SC",)}),
]


@pytest.mark.parametrize(("rule", "affected", "options"), OPEN_ENDED)
def test_open_ended_duties_have_no_fixed_deadline(clocks, rule, affected, options):
    out = clocks(_facts(affected, **options))
    assert rule in out.owed, out.excluded.get(rule)
    assert out.due(rule) is None


# A breach discovered before the duty began owes nothing under it, and the case says so.
NOT_YET = [
    ("JM-DPA-OIC", {"JM": 10}, {}, "2023-11-20T12:00:00Z"),  # from 1 December 2023
    ("JM-DPA-DS", {"JM": 10}, {}, "2023-11-20T12:00:00Z"),
    ("BM-PIPA-COMMISSIONER", {"BM": 10}, {"est": ("BM",)}, "2024-12-20T12:00:00Z"),
    ("SC-DPA-IC", {"SC": 10}, {"est": ("SC",)}, "2025-03-02T12:00:00Z"),  # transition to June 2025
]


@pytest.mark.parametrize(("rule", "affected", "options", "at"), NOT_YET)
def test_not_owed_before_the_law_began(clocks, rule, affected, options, at):
    out = clocks(_facts(affected, at=at, **options))
    assert rule not in out.owed
    assert rule in out.excluded


# Enacted, not yet in operation: listed as not applicable, with the reason, at any date.
NOT_IN_OPERATION = [
    ("BZ", "BZ-DPA-COMMISSIONER"),
    ("BZ", "BZ-DPA-DS"),
    ("GY", "GY-DPA-COMMISSIONER"),
    ("GY", "GY-DPA-DS"),
]


@pytest.mark.parametrize(("place", "rule"), NOT_IN_OPERATION)
def test_enacted_laws_not_yet_in_operation_say_so(clocks, shipped, place, rule):
    out = clocks(_facts({place: 10}))
    assert rule not in out.owed
    assert out.excluded[rule]["jurisdiction"] == place
    (found,) = [r for r in shipped.rules if r.code == rule]
    assert found.status == "notified_not_yet_in_force"


@pytest.mark.parametrize(("place", "rule"), NO_DUTY)
def test_places_without_a_duty_in_force_say_why_rather_than_not_assessed(clocks, place, rule):
    out = clocks(_facts({place: 10}, est=(place,)))
    assert rule not in out.owed
    assert out.excluded[rule]["jurisdiction"] == place
    assert not [c for c in out.doc["conflicts"] if c["kind"] == "no_rule"]


# Territorial scope: laws that bind an organisation established (or processing) in the place,
# not one whose only link is the people affected - BVI DPA 2021 s 4 (established in the Virgin
# Islands, or using equipment there), Curaçao's ordinance (processing in the context of an
# establishment in Curaçao; Lex Mundi), Seychelles DPA 2023 s 3 (processing within Seychelles),
# Angola's Lei 22/11 (a controller based in Angola, or using means there). (place, rule prefix,
# notices the established organisation owes at least)
ESTABLISHMENT_LAWS = [
    ("VG", "VG-DPA-", set()),
    ("CW", "CW-LBP-", set()),
    ("SC", "SC-DPA-", {SA, IND}),
    ("AO", "AO-L2211-", set()),
]


@pytest.mark.parametrize(("place", "prefix", "owed"), ESTABLISHMENT_LAWS)
def test_establishment_laws_bind_only_the_established(clocks, shipped, place, prefix, owed):
    established = recipients_in(clocks(_facts({place: 2000}, est=("US-NY", place))), place)
    foreign = recipients_in(clocks(_facts({place: 2000}, est=("US-NY",))), place)
    assert owed <= established
    assert foreign == set()
    scopes = {r.code: r.scope for r in shipped.rules if r.code.startswith(prefix)}
    assert scopes and set(scopes.values()) == {"establishment"}, scopes
    assert place in ESTABLISHMENT_SCOPED
