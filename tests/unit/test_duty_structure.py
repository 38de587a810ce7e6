"""The structure of each jurisdiction's duties, row by row from its primary text: who must be
told (individuals, the attorney general or regulator, the consumer reporting agencies, the owner
of the data), from how many people, and by when.

Every row was written down from the statute before the engine was run; its comment cites the
section. Counts sit at each threshold and one past it, so a ">" read as ">=" (or people counted
in the wrong place) fails. Discovery is Monday 2 March 2026, 16:00 UTC; deadlines end at
23:59:59 in the state's or authority's zone (US DST starts 8 March 2026).
"""

import pytest

from tests.unit.law_cases import ESTABLISHMENT_SCOPED, breach, recipients_in


def _facts(affected, *, subj=(), **options):
    # A law that binds only an organisation established (or using means) in the country: the row
    # states the establishment (test_territorial_scope_2026.py).
    options.setdefault("est", tuple(p for p in affected if p in ESTABLISHMENT_SCOPED))
    return breach(affected, subject_to=subj, **options)


def _recipients(out, place):
    return recipients_in(out, place)


IND, AG, CRA = "individuals", "attorney_general", "consumer_reporting_agencies"
AGENCY, REG, OWNER = "state_agency", "sector_regulator", "controller"
SA, INTERNAL = "supervisory_authority", "internal"
CSIRT = "csirt_or_competent_authority"

# (place, people by residence, facts options, recipients owed in `place`)
ROWS = [
    # North Dakota, N.D.C.C. 51-30-02: residents told; the attorney general too of "any breach
    # of the security system which exceeds two hundred fifty individuals" - the breach's size,
    # not the residents' (no consumer reporting agency notice in ch. 51-30).
    ("US-ND", {"US-ND": 250}, {}, {IND}),
    ("US-ND", {"US-ND": 251}, {}, {IND, AG}),
    ("US-ND", {"US-ND": 10, "US-MN": 300}, {}, {IND, AG}),
    # Alabama, Ala. Code 8-38-5 (individuals), 8-38-6 (Attorney General when the individuals to
    # notify exceed 1,000), 8-38-7 (consumer reporting agencies: "more than 1,000 individuals at
    # a single time").
    ("US-AL", {"US-AL": 1000}, {}, {IND}),
    ("US-AL", {"US-AL": 1001}, {}, {IND, AG, CRA}),
    # New Mexico, NMSA 57-12C-6, 57-12C-10: "more than one thousand New Mexico residents as a
    # result of a single security breach": the attorney general and the consumer reporting
    # agencies, within 45 calendar days.
    ("US-NM", {"US-NM": 1000}, {}, {IND}),
    ("US-NM", {"US-NM": 1001}, {}, {IND, AG, CRA}),
    # Oregon, ORS 646A.604(1)(a)-(b): the consumer, and the Attorney General "if the number of
    # consumers to whom the covered entity must send the notice ... exceeds 250".
    ("US-OR", {"US-OR": 250}, {}, {IND}),
    ("US-OR", {"US-OR": 251}, {}, {IND, AG}),
    # ... (2)(a) a vendor tells the covered entity within 10 days; (2)(c) and the Attorney General
    # above 250 consumers (unless the covered entity has).
    ("US-OR", {"US-OR": 250}, {"role": "processor"}, {OWNER}),
    ("US-OR", {"US-OR": 251}, {"role": "processor"}, {OWNER, AG}),
    # Hawaii, HRS 487N-2(a), (f): more than 1,000 persons notified at one time - the Office of
    # Consumer Protection and the consumer reporting agencies; (b) a holder that does not own the
    # data tells its owner.
    ("US-HI", {"US-HI": 1000}, {}, {IND}),
    ("US-HI", {"US-HI": 1001}, {}, {IND, AGENCY, CRA}),
    ("US-HI", {"US-HI": 5}, {"role": "processor"}, {OWNER}),
    # Minnesota, Minn. Stat. 325E.61 subd. 1 (residents), subd. 2 (more than 500 persons at one
    # time: consumer reporting agencies within 48 hours), subd. 4 (no duty for a GLBA financial
    # institution); 46A.06 subd. 1 (a licensed nonbank: the commissioner from 500 consumers).
    ("US-MN", {"US-MN": 500}, {}, {IND}),
    ("US-MN", {"US-MN": 501}, {}, {IND, CRA}),
    ("US-MN", {"US-MN": 900}, {"subj": ["glba_financial_institution"]}, set()),
    ("US-MN", {"US-MN": 500}, {"subj": ["mn_commerce_financial_institution"]}, {IND, REG}),
    # Arizona, A.R.S. 18-552(B): within 45 days of the determination, the individuals; and,
    # above one thousand individuals, the three largest consumer reporting agencies and the
    # Attorney General.
    ("US-AZ", {"US-AZ": 1000}, {}, {IND}),
    ("US-AZ", {"US-AZ": 1001}, {}, {IND, AG, CRA, AGENCY}),
    # District of Columbia, D.C. Code 28-3852(a), (b-1) (Attorney General from 50 residents),
    # (c) (consumer reporting agencies when more than 1,000 persons are notified).
    ("US-DC", {"US-DC": 49}, {}, {IND}),
    ("US-DC", {"US-DC": 50}, {}, {IND, AG}),
    ("US-DC", {"US-DC": 1001}, {}, {IND, AG, CRA}),
    # Tennessee, Tenn. Code 47-18-2107(b) (residents, 45 days), (g) (more than 1,000 persons at
    # one time: consumer reporting agencies); no attorney general notice.
    ("US-TN", {"US-TN": 1000}, {}, {IND}),
    ("US-TN", {"US-TN": 1001}, {}, {IND, CRA}),
    # Washington, RCW 19.255.010(1) (residents, 30 days), (7) (Attorney General when more than
    # five hundred Washington residents are notified, 30 days); no consumer reporting agencies.
    ("US-WA", {"US-WA": 500}, {}, {IND}),
    ("US-WA", {"US-WA": 501}, {}, {IND, AG}),
    # Colorado, C.R.S. 6-1-716(2)(a) (residents, 30 days), (2)(f) (Attorney General when the
    # breach affected 500 Colorado residents or more).
    ("US-CO", {"US-CO": 499}, {}, {IND}),
    ("US-CO", {"US-CO": 500}, {}, {IND, AG}),
    # (2)(d): the consumer reporting agencies when "required to notify more than one thousand
    # Colorado residents".
    ("US-CO", {"US-CO": 1000}, {}, {IND, AG}),
    ("US-CO", {"US-CO": 1001}, {}, {IND, AG, CRA}),
    # Georgia, O.C.G.A. 10-1-912(a) (residents), (b) (a data processor tells the owner within 24
    # hours), (d) (more than 10,000 residents at one time: consumer reporting agencies); no
    # attorney general notice.
    ("US-GA", {"US-GA": 10000}, {}, {IND}),
    ("US-GA", {"US-GA": 10001}, {}, {IND, CRA}),
    ("US-GA", {"US-GA": 5}, {"role": "processor"}, {OWNER}),
    # Kansas, K.S.A. 50-7a02(a), (f) (more than 1,000 consumers at one time: consumer reporting
    # agencies); no attorney general notice.
    ("US-KS", {"US-KS": 1000}, {}, {IND}),
    ("US-KS", {"US-KS": 1001}, {}, {IND, CRA}),
    # Illinois, 815 ILCS 530/50: a HIPAA covered entity that notifies the Secretary of HHS tells
    # the Attorney General within 5 business days of notifying the Secretary - immediately from
    # 500 people, in the annual log below that (45 CFR 164.408(b)-(c)); so doing, it is deemed in
    # compliance with the Act (no separate residents' notice under 530/10; HIPAA's own is federal).
    (
        "US-IL",
        {"US-IL": 600},
        {"data": ["name", "medical"], "subj": ["hipaa_covered_entity"]},
        {AG},
    ),
    (
        "US-IL",
        {"US-IL": 40},
        {"data": ["name", "medical"], "subj": ["hipaa_covered_entity"]},
        {AG},
    ),
    # Utah governmental entities, Utah Code 63A-19-405(1), 63A-19-406(1).
    ("US-UT", {"US-UT": 499}, {"subj": ["ut_governmental_entity"]}, {AGENCY, IND}),
    ("US-UT", {"US-UT": 500}, {"subj": ["ut_governmental_entity"]}, {AGENCY, AG, IND}),
    # Nigeria, NDPA 2023 s 40(2) (the Commission within 72 hours where a risk is likely), (3)
    # (data subjects where a high risk is likely), (1) (a processor tells the controller).
    ("NG", {"NG": 10}, {"risk": "unlikely"}, set()),
    ("NG", {"NG": 10}, {"risk": "risk"}, {SA}),
    ("NG", {"NG": 10}, {"risk": "high"}, {SA, IND}),
    ("NG", {"NG": 10}, {"role": "processor"}, {OWNER}),
    # Thailand, PDPA B.E. 2562 s 37(4) (the Office within 72 hours unless the breach is unlikely
    # to result in a risk; data subjects where the risk is high), s 40(2) (a processor tells the
    # controller).
    ("TH", {"TH": 10}, {"risk": "unlikely"}, set()),
    ("TH", {"TH": 10}, {"risk": "risk"}, {SA}),
    ("TH", {"TH": 10}, {"risk": "high"}, {SA, IND}),
    ("TH", {"TH": 10}, {"role": "processor"}, {OWNER}),
    # Kenya, Data Protection Act 2019 s 43(1) (where there is a real risk of harm: the Data
    # Commissioner within 72 hours and the data subject), (2) (a processor tells the controller
    # within 48 hours).
    ("KE", {"KE": 10}, {"risk": "unlikely"}, set()),
    ("KE", {"KE": 10}, {"risk": "risk"}, {SA, IND}),
    ("KE", {"KE": 10}, {"role": "processor"}, {OWNER}),
    # New Zealand, Privacy Act 2020 ss 112-115: a notifiable privacy breach (serious harm caused
    # or likely) - the Commissioner and the affected individuals.
    ("NZ", {"NZ": 10}, {"risk": "risk"}, set()),
    ("NZ", {"NZ": 10}, {"risk": "high"}, {SA, IND}),
    # Malaysia, PDPA 2010 s 12B (Act A1727, in force 1 June 2025): (1) the Commissioner of every
    # personal data breach the controller has reason to believe occurred; (2) data subjects where
    # it causes or is likely to cause significant harm.
    ("MY", {"MY": 10}, {"risk": "unlikely"}, {SA}),
    ("MY", {"MY": 10}, {"risk": "high"}, {SA, IND}),
    # South Africa, POPIA s 22(1) (reasonable grounds to believe the information was accessed:
    # the Regulator and the data subject, no harm test), s 21(2) (an operator tells the
    # responsible party immediately). s 3(1)(b): a party domiciled or using means in the Republic.
    ("ZA", {"ZA": 10}, {"risk": "unlikely", "est": ("ZA",)}, {SA, IND}),
    ("ZA", {"ZA": 10}, {"role": "processor", "est": ("ZA",)}, {OWNER}),
    # Singapore, PDPA ss 26B-26D: a breach is notifiable if significant harm is likely or it
    # affects 500 or more individuals; the Commission is told of either, the individuals only
    # of significant harm; the assessment itself is owed for every breach (s 26C).
    ("SG", {"SG": 10}, {"risk": "risk"}, {INTERNAL}),
    ("SG", {"SG": 500}, {"risk": "risk"}, {INTERNAL, SA}),
    ("SG", {"SG": 10}, {"risk": "high"}, {INTERNAL, SA, IND}),
    # Uganda, DPPA 2019 s 23(1): "the data collector, data processor or data controller" tells the
    # Authority immediately - a processor too, not only through its controller.
    ("UG", {"UG": 10}, {"role": "processor"}, {SA}),
    # Uruguay, Ley 19.670 art 38: "el responsable o encargado" informs the URCDP (72 hours,
    # Decreto 64/020 art 4) - the processor (encargado) included.
    ("UY", {"UY": 10}, {"role": "processor"}, {SA}),
    # Colombia, Ley 1581 de 2012 art 17(n) (the responsable) and art 18(k) (the encargado):
    # each informs the SIC of violations of the security codes.
    ("CO", {"CO": 10}, {}, {SA}),
    ("CO", {"CO": 10}, {"role": "processor"}, {SA}),
    # Egypt, Law 151 of 2020 art 7: the controller and the processor, each on becoming aware,
    # notify the Centre within 72 hours and, "in all cases", the data subject within three working
    # days of notifying the Centre (the data subject's notice added with the fifth independent set).
    ("EG", {"EG": 10}, {"role": "processor"}, {SA, IND}),
    # United Kingdom, NIS Regulations 2018 reg 11(1) (an operator of essential services tells its
    # competent authority of an incident with a significant impact on the service) and reg 12(3)
    # (a digital service provider tells the Information Commissioner): with or without personal
    # data, beside the UK GDPR notices (Art 33 ICO, Art 34 individuals) and the UK GDPR Art 33(5)
    # record of every personal data breach ("internal").
    ("GB", {"GB": 10}, {}, {SA, IND, "internal"}),
    ("GB", {"GB": 10}, {"subj": ["uk_nis"]}, {SA, IND, CSIRT, "internal"}),
    (
        "GB",
        {"GB": 10},
        {"subj": ["uk_nis"], "data": ("other",), "risk": "unlikely"},
        {CSIRT, "internal"},
    ),
]


@pytest.mark.parametrize(("place", "affected", "options", "owed"), ROWS)
def test_duty_structure(clocks, place, affected, options, owed):
    out = clocks(_facts(affected, **options))
    assert _recipients(out, place) == owed


# (rule, people, options, due_at) - deadlines of the rows above, counted by hand.
DEADLINES = [
    # New Mexico 57-12C-10: 45 calendar days after discovery (2 March): 16 April, MDT (UTC-6).
    ("US-NM-AG", {"US-NM": 1001}, {}, "2026-04-17T05:59:59Z"),
    ("US-NM-CRA", {"US-NM": 1001}, {}, "2026-04-17T05:59:59Z"),
    # Oregon 646A.604(3)(a): 45 days after discovery: 16 April, PDT (UTC-7).
    ("US-OR-AG", {"US-OR": 251}, {}, "2026-04-17T06:59:59Z"),
    # ... 646A.604(2)(a): a vendor, 10 days after discovery: 12 March, PDT.
    ("US-OR-VENDOR", {"US-OR": 5}, {"role": "processor"}, "2026-03-13T06:59:59Z"),
    # Minnesota 325E.61 subd. 2: within 48 hours (elapsed).
    ("US-MN-CRA", {"US-MN": 501}, {}, "2026-03-04T16:00:00Z"),
    # Tennessee 47-18-2107(b): 45 days from discovery: 16 April, CDT (UTC-5).
    ("US-TN-IND", {"US-TN": 5}, {}, "2026-04-17T04:59:59Z"),
    # Washington 19.255.010(8), (7): 30 days after discovery: 1 April, PDT.
    ("US-WA-IND", {"US-WA": 501}, {}, "2026-04-02T06:59:59Z"),
    ("US-WA-AG", {"US-WA": 501}, {}, "2026-04-02T06:59:59Z"),
    # Georgia 10-1-912(b): a data processor within 24 hours (elapsed).
    ("US-GA-VENDOR", {"US-GA": 5}, {"role": "processor"}, "2026-03-03T16:00:00Z"),
    # Illinois 530/50: 5 business days after the annual HHS log, due 1 March 2027 (60 days after
    # the end of 2026): Monday 8 March 2027, CST (UTC-6).
    (
        "US-IL-AG-HIPAA-LOG",
        {"US-IL": 40},
        {"data": ["name", "medical"], "subj": ["hipaa_covered_entity"]},
        "2027-03-09T05:59:59Z",
    ),
    # Kenya s 43(1)(a): 72 hours; (2) a processor 48 hours.
    ("KE-DPA-ODPC", {"KE": 10}, {"risk": "risk"}, "2026-03-05T16:00:00Z"),
    ("KE-DPA-PROC", {"KE": 10}, {"role": "processor"}, "2026-03-04T16:00:00Z"),
    # Nigeria s 40(2), Thailand s 37(4): 72 hours.
    ("NG-NDPA-NDPC", {"NG": 10}, {"risk": "risk"}, "2026-03-05T16:00:00Z"),
    ("TH-PDPA-OFFICE", {"TH": 10}, {"risk": "risk"}, "2026-03-05T16:00:00Z"),
]


@pytest.mark.parametrize(("rule", "affected", "options", "due"), DEADLINES)
def test_duty_deadlines(clocks, rule, affected, options, due):
    out = clocks(_facts(affected, **options))
    assert out.due(rule) == due


def test_uk_nis_runs_72_hours_from_knowing_the_incident_is_a_nis_incident(clocks):
    # NIS Regulations 2018 reg 11(3)(b)(ii): "no later than 72 hours after the operator is aware
    # that a NIS incident has occurred" - the significance, recorded as classified_major_at.
    facts = _facts({"GB": 10}, subj=["uk_nis"], data=("other",), risk="unlikely")
    waiting = clocks(facts)
    assert waiting.owed["GB-NIS-INCIDENT"]["due_at"] is None
    facts["events"]["classified_major_at"] = "2026-03-03T09:30:00Z"
    assert clocks(facts).due("GB-NIS-INCIDENT") == "2026-03-06T09:30:00Z"
