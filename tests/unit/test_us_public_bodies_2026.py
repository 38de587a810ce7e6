"""US state agencies and local governments: the notices a public body owes in its own state.

Each row was written down from the statute (quoted or paraphrased in its comment) before the
engine was run against it: one breach of a public body of state X (``subject_to: public_body``,
with ``local_government`` for a county, city or other local unit; ``established_in: [X]``),
residents of X affected (and, in some rows, residents of another state), and the rule codes owed
in one state. Rows where a public body owes nothing extra, or where the business statute still
binds it, are as important as the new notices.

Discovery is Monday 2 November 2026, 16:00 UTC; the data are a name with a Social Security
number taken in an attack (``risk_of_harm: high``) unless a row says otherwise.
"""

import pytest

from tests.unit.law_cases import breach

AT = "2026-11-02T16:00:00Z"
STATE = ("public_body",)
LOCAL = ("public_body", "local_government")
BUSINESS = ()


def _facts(home, tokens, affected, *, risk="high", data=("name", "ssn"), cause="external_attack"):
    facts = breach(affected, risk=risk, data=data, subject_to=tokens, cause=cause, discovered=AT)
    facts["organisation"]["established_in"] = [home]
    return facts


def _owed_in(out, place):
    return {o["rule"] for o in out.owed.values() if o["jurisdiction"] == place}


# (home state, tokens, affected, options, place looked at, rule codes owed there)
ROWS = [
    # --- Washington. RCW 42.56.590(1): "Any agency that owns or licenses data that includes
    # personal information shall disclose any breach of the security of the system to any
    # resident of this state ..."; "agency" is that of RCW 42.56.010 (state and local agencies).
    # Notice is not required if the breach "is not reasonably likely to subject consumers to a
    # risk of harm". The Attorney General is told where more than 500 Washington residents are
    # notified, both within 30 days of discovery (the Attorney General's page on the two laws:
    # "RCW 42.56.590 applies to local and state agencies"). RCW 19.255.010 binds "any person or
    # business": an agency's breach is notified under 42.56.590, not twice.
    ("US-WA", STATE, {"US-WA": 600}, {}, "US-WA", {"US-WA-AGENCY-IND", "US-WA-AGENCY-AG"}),
    ("US-WA", STATE, {"US-WA": 40}, {}, "US-WA", {"US-WA-AGENCY-IND"}),
    ("US-WA", LOCAL, {"US-WA": 40}, {}, "US-WA", {"US-WA-AGENCY-IND"}),
    ("US-WA", STATE, {"US-WA": 600}, {"risk": "none"}, "US-WA", set()),
    # A business: RCW 19.255.010, unchanged.
    ("US-WA", BUSINESS, {"US-WA": 600}, {}, "US-WA", {"US-WA-IND", "US-WA-AG"}),
    # --- California. Civ. Code 1798.29(a): "A[ny] agency that owns or licenses computerized
    # data that includes personal information shall disclose a breach of the security of the
    # system ... to a resident of California"; (e): an agency required to notify more than 500
    # California residents submits a sample copy to the Attorney General. 1798.82 binds "a
    # person or business that conducts business in California". The agency of 1798.29 includes a
    # local agency (AB 241 (2017) digest: "any state or local agency, as defined").
    ("US-CA", STATE, {"US-CA": 600}, {}, "US-CA", {"US-CA-AGENCY-IND", "US-CA-AGENCY-AG"}),
    ("US-CA", STATE, {"US-CA": 40}, {}, "US-CA", {"US-CA-AGENCY-IND"}),
    ("US-CA", LOCAL, {"US-CA": 40}, {}, "US-CA", {"US-CA-AGENCY-IND"}),
    ("US-CA", BUSINESS, {"US-CA": 600}, {}, "US-CA", {"US-CA-IND", "US-CA-AG"}),
    # --- Kentucky. KRS 61.933(1)(a)1: an agency (61.931(1): the executive branch, every county,
    # city and local government, their units, public school districts, public universities)
    # "shall as soon as possible, but within seventy-two hours of determination or notification
    # of the security breach: Notify the commissioner of the Kentucky State Police, the Auditor
    # of Public Accounts, and the Attorney General", and in addition the secretary of the Finance
    # and Administration Cabinet (an organizational unit of the executive branch) or the
    # commissioner of the Department for Local Government (a unit of local government). The
    # individuals are notified under 61.933 after the agency's investigation (law-firm summaries:
    # where misuse has occurred or is likely); KRS 365.732 binds an "information holder", a
    # person or business entity that conducts business in Kentucky.
    (
        "US-KY",
        STATE,
        {"US-KY": 40},
        {},
        "US-KY",
        {
            "US-KY-AGENCY-KSP-APA-AG",
            "US-KY-AGENCY-KSP",
            "US-KY-AGENCY-APA",
            "US-KY-AGENCY-FAC",
            "US-KY-AGENCY-IND",
        },
    ),
    (
        "US-KY",
        LOCAL,
        {"US-KY": 40},
        {},
        "US-KY",
        {
            "US-KY-AGENCY-KSP-APA-AG",
            "US-KY-AGENCY-KSP",
            "US-KY-AGENCY-APA",
            "US-KY-AGENCY-DLG",
            "US-KY-AGENCY-IND",
        },
    ),
    # More than 1,000: no consumer reporting agency notice under 61.933 (365.732(7) is the
    # information holder's).
    (
        "US-KY",
        STATE,
        {"US-KY": 1500},
        {},
        "US-KY",
        {
            "US-KY-AGENCY-KSP-APA-AG",
            "US-KY-AGENCY-KSP",
            "US-KY-AGENCY-APA",
            "US-KY-AGENCY-FAC",
            "US-KY-AGENCY-IND",
        },
    ),
    # A Kentucky agency with Illinois residents too: 815 ILCS 530/5 "Data collector" "may
    # include ... government agencies": the Illinois residents' notice is owed; the General
    # Assembly report of 530/25 is an Illinois State agency's only.
    (
        "US-KY",
        STATE,
        {"US-KY": 40, "US-IL": 30},
        {},
        "US-IL",
        {"US-IL-IND"},
    ),
    ("US-KY", BUSINESS, {"US-KY": 40}, {}, "US-KY", {"US-KY-IND"}),
    # --- Virginia. Code 2.2-5514(C): every public body (state agencies, courts, localities,
    # school boards, ...) reports "all known incidents that threaten the security of the
    # Commonwealth's data or communications or result in exposure of data protected by federal
    # or state laws" to the Virginia Fusion Intelligence Center within 24 hours of discovery.
    # Code 18.2-186.6 binds an "entity", which includes a government, governmental subdivision,
    # agency or instrumentality: its notices to the Attorney General and residents still apply.
    (
        "US-VA",
        STATE,
        {"US-VA": 40},
        {},
        "US-VA",
        {"US-VA-IND", "US-VA-AG", "US-VA-FUSION"},
    ),
    (
        "US-VA",
        LOCAL,
        {"US-VA": 40},
        {},
        "US-VA",
        {"US-VA-IND", "US-VA-AG", "US-VA-FUSION"},
    ),
    # No harm to anyone: the residents' notices fall away, the incident report does not.
    ("US-VA", STATE, {"US-VA": 40}, {"risk": "none"}, "US-VA", {"US-VA-FUSION"}),
    ("US-VA", BUSINESS, {"US-VA": 40}, {}, "US-VA", {"US-VA-IND", "US-VA-AG"}),
    # --- Texas. Gov't Code 2054.603(b): a state agency or local government that owns, licenses
    # or maintains sensitive personal information shall, in the event of a security incident
    # (a breach of system security under Bus. & Com. Code 521.053, or the introduction of
    # ransomware), (1) comply with 521.053 "to the same extent as a person who conducts business
    # in this state" and (2) not later than 48 hours after discovery notify the Department of
    # Information Resources, including the chief information security officer.
    ("US-TX", STATE, {"US-TX": 40}, {}, "US-TX", {"US-TX-IND", "US-TX-DIR"}),
    ("US-TX", STATE, {"US-TX": 300}, {}, "US-TX", {"US-TX-IND", "US-TX-AG", "US-TX-DIR"}),
    ("US-TX", LOCAL, {"US-TX": 40}, {}, "US-TX", {"US-TX-IND", "US-TX-DIR"}),
    # Ransomware on the agency's systems with no sensitive personal information taken: a
    # security incident (2054.603(a)(1)(B)), no breach of system security.
    (
        "US-TX",
        STATE,
        {"US-TX": 40},
        {"data": ("contact",), "cause": "ransomware"},
        "US-TX",
        {"US-TX-DIR"},
    ),
    ("US-TX", BUSINESS, {"US-TX": 40}, {}, "US-TX", {"US-TX-IND"}),
    # --- Illinois. 815 ILCS 530/25: "Any State agency that collects personal data and has had a
    # breach of security of the system data or written material shall submit a report within 5
    # business days of the discovery or notification of the breach to the General Assembly",
    # and an annual report. A local government is a data collector (530/5) but not a State
    # agency: the residents' notice only.
    ("US-IL", STATE, {"US-IL": 40}, {}, "US-IL", {"US-IL-IND", "US-IL-GA"}),
    ("US-IL", LOCAL, {"US-IL": 40}, {}, "US-IL", {"US-IL-IND"}),
    ("US-IL", BUSINESS, {"US-IL": 40}, {}, "US-IL", {"US-IL-IND"}),
    # --- Ohio. R.C. 1347.12 (enacted with 1349.19 by Sub. H.B. 104 (2005) "to require a state
    # agency, an agency of a political subdivision, or a person ... to contact individuals"):
    # a state agency or agency of a political subdivision discloses a breach to Ohio residents
    # (material risk of identity theft or other fraud) and, above 1,000, to the nationwide
    # consumer reporting agencies; 1349.19 binds a "person". One set of notices, under 1347.12.
    ("US-OH", STATE, {"US-OH": 40}, {}, "US-OH", {"US-OH-AGENCY-IND"}),
    ("US-OH", LOCAL, {"US-OH": 1500}, {}, "US-OH", {"US-OH-AGENCY-IND", "US-OH-AGENCY-CRA"}),
    ("US-OH", STATE, {"US-OH": 1500}, {"risk": "none"}, "US-OH", set()),
    ("US-OH", BUSINESS, {"US-OH": 1500}, {}, "US-OH", {"US-OH-IND", "US-OH-CRA"}),
    # --- Colorado. C.R.S. 24-73-103(1)(d): "Governmental entity" means the state and any state
    # agency or institution, including the judicial department, county, city and county,
    # incorporated city or town, school district, special improvement district, authority, and
    # every other kind of district, instrumentality, or political subdivision of the state. The
    # section gives a governmental entity its own notices (residents within 30 days of the
    # determination; (2)(c): the online-credentials notice "not later than thirty days after the
    # date of determination that a security breach occurred"; the Attorney General from 500
    # Colorado residents) - 6-1-716 is the covered entity's (a person).
    ("US-CO", STATE, {"US-CO": 600}, {}, "US-CO", {"US-CO-GOV-IND", "US-CO-GOV-AG"}),
    ("US-CO", LOCAL, {"US-CO": 40}, {}, "US-CO", {"US-CO-GOV-IND"}),
    ("US-CO", STATE, {"US-CO": 600}, {"risk": "none"}, "US-CO", set()),
    ("US-CO", BUSINESS, {"US-CO": 600}, {}, "US-CO", {"US-CO-IND", "US-CO-AG"}),
    # --- Pennsylvania. 73 P.S. 2303 as amended by Act 151 of 2022 (in force 2 May 2023): the
    # Act binds an "entity", which includes a State agency and a political subdivision, so the
    # residents' notice (and from Act 33 of 2024 the Attorney General and the consumer reporting
    # agencies above 500) still apply.
    # (a.1): "A State agency under the Governor's jurisdiction shall also provide notice of a
    # breach of the security of the system to the Governor's Office of Administration within
    # three business days following the determination of the breach"; (a.2): a county, public
    # school or municipality notifies "the district attorney in the county where the breach
    # occurred within three business days following determination of the breach".
    (
        "US-PA",
        STATE,
        {"US-PA": 600},
        {},
        "US-PA",
        {"US-PA-IND", "US-PA-AG", "US-PA-CRA", "US-PA-STATE-OA"},
    ),
    ("US-PA", LOCAL, {"US-PA": 40}, {}, "US-PA", {"US-PA-IND", "US-PA-LOCAL-DA"}),
    ("US-PA", BUSINESS, {"US-PA": 40}, {}, "US-PA", {"US-PA-IND"}),
]


@pytest.mark.parametrize("home,tokens,affected,opts,place,owed", ROWS)
def test_us_public_bodies(clocks, home, tokens, affected, opts, place, owed):
    out = clocks(_facts(home, tokens, affected, **opts))
    assert _owed_in(out, place) == owed


def test_kentucky_agency_clock_is_72_hours_from_determination(clocks):
    # KRS 61.933(1)(a): "within seventy-two hours of determination or notification".
    out = clocks(_facts("US-KY", STATE, {"US-KY": 40}))
    assert out.owed["US-KY-AGENCY-KSP-APA-AG"]["due_at"] == "2026-11-05T16:00:00Z"


def test_virginia_fusion_centre_within_24_hours(clocks):
    # Code 2.2-5514(C): within 24 hours from the time the incident is discovered.
    out = clocks(_facts("US-VA", LOCAL, {"US-VA": 40}))
    assert out.owed["US-VA-FUSION"]["due_at"] == "2026-11-03T16:00:00Z"


def test_texas_dir_within_48_hours(clocks):
    # Gov't Code 2054.603(b)(2): not later than 48 hours after discovery.
    out = clocks(_facts("US-TX", STATE, {"US-TX": 40}))
    assert out.owed["US-TX-DIR"]["due_at"] == "2026-11-04T16:00:00Z"


def test_pennsylvania_district_attorney_within_3_business_days_of_determination(clocks):
    # 73 P.S. 2303(a.2): three business days following determination (Monday 2 November 2026,
    # determination = discovery here): Thursday 5 November, end of day in Harrisburg.
    out = clocks(_facts("US-PA", LOCAL, {"US-PA": 40}))
    assert out.owed["US-PA-LOCAL-DA"]["due_at"] == "2026-11-06T04:59:59Z"
