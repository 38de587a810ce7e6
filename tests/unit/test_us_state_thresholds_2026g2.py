"""US state breach laws: when the attorney general, the state regulator and the consumer reporting
agencies are due, where the statute ties the notice to the residents' notice or gives the CRAs a
period of their own (the companion of `test_us_state_thresholds_2026g.py`).

The 2026e table dates these notices only from the residents' notice's outer limit, with no notice
yet sent. Here the residents' notice is recorded as sent (``notices_sent``), so a notice due "no
later than", "at the same time as" or "prior to" it falls due at that instant, and one due a number
of days after it counts from it. Every row was written from the statute its comment cites before
the engine was run; hand counting as in the other tables: the trigger day is not counted, days end
at 23:59:59 in the state's zone, business days skip weekends and the state's holidays.

Discovery (and determination, unless a row says otherwise) is Monday 2 March 2026 16:00 UTC (11:00
EST, 10:00 CST); daylight saving time starts on 8 March. One breach of name and Social Security
number, high risk.
"""

import pytest

from tests.unit.law_cases import breach

SENT = "2026-03-20T12:00:00"  # Friday 20 March, noon local
EDT, CDT, MDT, PDT = "-04:00", "-05:00", "-06:00", "-07:00"


def _facts(affected, sent=None, **options):
    facts = breach(affected, **options)
    if sent:
        facts["notices_sent"] = sent
    return facts


# (id, affected, residents' notices sent, {rule: expected due_at in UTC})
ROWS = [
    # Iowa Code 715C.2(8): "within five business days after giving notice of the breach of
    # security to any consumer": sent Fri 20 March; 23, 24, 25, 26, 27 March -> Fri 27 March CDT.
    (
        "iowa-5-business-days",
        {"US-IA": 501},
        {"US-IA-IND": SENT + CDT},
        {"US-IA-AG": "2026-03-28T04:59:59Z"},
    ),
    # Cal. Civ. Code 1798.82(f) (SB 446 of 2025, from 1 January 2026): the sample copy "within 15
    # calendar days of notifying affected consumers": 20 March + 15 = Sat 4 April PDT.
    (
        "california-15-days",
        {"US-CA": 501},
        {"US-CA-IND": SENT + PDT},
        {"US-CA-AG": "2026-04-05T06:59:59Z"},
    ),
    # LAC 16:III.701: timely if received within 10 days of distribution of the notice to
    # Louisiana citizens: 20 March + 10 = Mon 30 March CDT.
    (
        "louisiana-10-days",
        {"US-LA": 5},
        {"US-LA-IND": SENT + CDT},
        {"US-LA-AG": "2026-03-31T04:59:59Z"},
    ),
    # Notices due no later than the residents' notice fall due when it is sent: 815 ILCS
    # 530/10(e) ("not later than when the data collector provides notice to consumers"); 6 Del.
    # C. 12B-102(d) ("not later than the time when notice is provided to the resident"); Md. Com.
    # Law 14-3504(h) ("prior to giving the notification"); Conn. Gen. Stat. 36a-701b(b)(1) ("not
    # later than when notice is provided to the resident"); Neb. Rev. Stat. 87-803(2) ("not later
    # than the time when notice is provided to the Nebraska resident"); D.C. Code 28-3852(b-1)
    # ("in no event later than when notice is provided to District residents"); MCA
    # 30-14-1704(8) ("simultaneously"); 73 P.S. 2303(c.1) (Act 33 of 2024: "concurrently");
    # N.J.S.A. 56:8-163(c)(1) ("in advance of the disclosure to the customer").
    (
        "no-later-than-the-residents",
        {
            "US-IL": 501,
            "US-DE": 501,
            "US-MD": 5,
            "US-CT": 5,
            "US-NE": 5,
            "US-DC": 50,
            "US-MT": 5,
            "US-PA": 501,
            "US-NJ": 5,
        },
        {
            "US-IL-IND": SENT + CDT,
            "US-DE-IND": SENT + EDT,
            "US-MD-IND": SENT + EDT,
            "US-CT-IND": SENT + EDT,
            "US-NE-IND": SENT + CDT,
            "US-DC-IND": SENT + EDT,
            "US-MT-IND": SENT + MDT,
            "US-PA-IND": SENT + EDT,
            "US-NJ-IND": SENT + EDT,
        },
        {
            "US-IL-AG": "2026-03-20T17:00:00Z",
            "US-DE-AG": "2026-03-20T16:00:00Z",
            "US-MD-AG": "2026-03-20T16:00:00Z",
            "US-CT-AG": "2026-03-20T16:00:00Z",
            "US-NE-AG": "2026-03-20T17:00:00Z",
            "US-DC-AG": "2026-03-20T16:00:00Z",
            "US-MT-AG": "2026-03-20T18:00:00Z",
            "US-PA-AG": "2026-03-20T16:00:00Z",
            "US-NJ-NJSP": "2026-03-20T16:00:00Z",
        },
    ),
    # 9 V.S.A. 2435(b)(3)(A): the preliminary description to the Attorney General "within 14
    # business days ... of the data collector's discovery of the security breach or when the data
    # collector provides notice to consumers pursuant to this section, whichever is sooner".
    # Residents not yet told: 14 business days from Mon 2 March, Town Meeting Day (Tue 3 March,
    # 1 V.S.A. 371) skipped: 4-6, 9-13, 16-20, 23 March -> Mon 23 March EDT.
    ("vermont-14-business-days", {"US-VT": 10}, None, {"US-VT-AG": "2026-03-24T03:59:59Z"}),
    # Residents told on Thu 5 March at noon EST: that is sooner, and the Attorney General is due
    # then.
    (
        "vermont-residents-told-sooner",
        {"US-VT": 10},
        {"US-VT-IND": "2026-03-05T12:00:00-05:00"},
        {"US-VT-AG": "2026-03-05T17:00:00Z"},
    ),
    # The same for a collector regulated by the Department of Financial Regulation, which gets the
    # preliminary notice instead of the Attorney General (2435(b)(3)(A)).
    (
        "vermont-dfr-residents-told-sooner",
        {"US-VT": 10, "subject_to": ("vt_dfr_regulated",)},
        {"US-VT-IND": "2026-03-05T12:00:00-05:00"},
        {"US-VT-DFR": "2026-03-05T17:00:00Z"},
    ),
    # SDCL 22-40-20 (read in a statute transcription): the residents' notice and, in the last
    # sentence, the disclosure "to the attorney general by mail or electronic mail" of a breach
    # exceeding 250 residents; "A disclosure under this section shall be made not later than sixty
    # days from the discovery or notification of the breach". Reading: the Attorney General's
    # disclosure is one of the section's disclosures. 2 March + 60 = Fri 1 May CDT.
    (
        "south-dakota-ag-60-days",
        {"US-SD": 251},
        None,
        {"US-SD-IND": "2026-05-02T04:59:59Z", "US-SD-AG": "2026-05-02T04:59:59Z"},
    ),
    # Ark. Code 4-110-105(b)(2) (read in a statute transcription): "at the same time the security
    # breach is disclosed to an affected individual or within forty-five (45) days after the
    # person or business determines that there is a reasonable likelihood of harm to customers,
    # whichever occurs first". Residents not told: 2 March + 45 = Thu 16 April CDT.
    ("arkansas-45-days", {"US-AR": 1500}, None, {"US-AR-AG": "2026-04-17T04:59:59Z"}),
    # Residents told on Tue 10 March at noon CDT: the Attorney General at the same time.
    (
        "arkansas-same-time-as-residents",
        {"US-AR": 1500},
        {"US-AR-IND": "2026-03-10T12:00:00-05:00"},
        {"US-AR-AG": "2026-03-10T17:00:00Z"},
    ),
    # The vendor's notice under (b)(2) (processor): 45 days after its determination; it tells
    # no individual, so only the 45 days run.
    (
        "arkansas-vendor-45-days",
        {"US-AR": 1500, "role": "processor"},
        None,
        {"US-AR-VENDOR-AG": "2026-04-17T04:59:59Z"},
    ),
    # Wis. Stat. 134.98(3)(a): "the notice required under sub. (2)" within a reasonable time, not
    # to exceed 45 days after the entity learns of the acquisition - (2)(br), the CRA notice, is a
    # notice required under sub. (2). Reading: the 45 days bind the CRA notice too (as Indiana's
    # 24-4.9-3-3 binds its CRA notice). Learned on 2 March: + 45 = Thu 16 April CDT.
    (
        "wisconsin-cra-45-days",
        {"US-WI": 1000},
        None,
        {"US-WI-IND": "2026-04-17T04:59:59Z", "US-WI-CRA": "2026-04-17T04:59:59Z"},
    ),
]


@pytest.mark.parametrize(("name", "affected", "sent", "due"), ROWS, ids=[r[0] for r in ROWS])
def test_secondary_notice_due(clocks, name, affected, sent, due):
    affected = dict(affected)
    role = affected.pop("role", "controller")
    subject_to = affected.pop("subject_to", ())
    out = clocks(_facts(affected, sent, role=role, subject_to=subject_to))
    assert {code: out.owed[code]["due_at"] for code in due if code in out.owed} == due
