"""Jurisdictions added to the rule book on 2026-12-06: one row per notice, dates counted by hand.

Discovery (= awareness) Mon 1 June 2026 08:00 UTC. Hours are elapsed time; calendar days end at
23:59:59 local; business days skip weekends and the country's public holidays."""

import pytest

from tests.unit.law_cases import ESTABLISHMENT_SCOPED

DISCOVERED = "2026-06-01T08:00:00Z"


def run(clocks, country, **extra):
    if country in ESTABLISHMENT_SCOPED:  # binds only an organisation established there (s 3)
        extra["organisation"] = {**extra.get("organisation", {}), "established_in": [country]}
    return clocks(
        {
            "events": {"discovered_at": DISCOVERED},
            "data": extra.pop("data", ["name", "payment_card"]),
            "risk_of_harm": extra.pop("risk_of_harm", "high"),
            "affected": {country: 10},
            **extra,
        }
    )


@pytest.mark.parametrize(
    ("country", "code", "due_at"),
    [
        ("JE", "JE-DPJL-SA", "2026-06-04T08:00:00Z"),  # 72 h
        ("GG", "GG-DPL-SA", "2026-06-04T08:00:00Z"),
        ("IM", "IM-GDPR-SA", "2026-06-04T08:00:00Z"),
        ("TR", "TR-KVKK-SA", "2026-06-04T08:00:00Z"),
        ("RS", "RS-ZZPL-SA", "2026-06-04T08:00:00Z"),
        ("MK", "MK-LPDP-SA", "2026-06-04T08:00:00Z"),
        ("GE", "GE-PDP-SA", "2026-06-04T08:00:00Z"),
        ("QA", "QA-PDPPL-SA", "2026-06-04T08:00:00Z"),
        ("OM", "OM-PDPL-SA", "2026-06-04T08:00:00Z"),
        ("EG", "EG-PDPL-SA", "2026-06-04T08:00:00Z"),
        ("ID", "ID-PDP-SA", "2026-06-04T08:00:00Z"),
        ("ID", "ID-PDP-DS", "2026-06-04T08:00:00Z"),  # 3 x 24 hours to the subjects too
        ("MY", "MY-PDPA-SA", "2026-06-04T08:00:00Z"),
        ("VN", "VN-PDP-SA", "2026-06-04T08:00:00Z"),
        ("MU", "MU-DPA-SA", "2026-06-04T08:00:00Z"),
        ("RW", "RW-DPP-SA", "2026-06-03T08:00:00Z"),  # 48 h
        ("PE", "PE-LPDP-SA", "2026-06-03T08:00:00Z"),  # 48 h
        ("UY", "UY-LPDP-SA", "2026-06-04T08:00:00Z"),
        ("PA", "PA-LPDP-SA", "2026-06-04T08:00:00Z"),
        # Colombia, 15 business days from Mon 1 June 03:00 COT: 2-5 June (4), Mon 8 June is
        # Corpus Christi, 9-12 (8), Mon 15 June Sacred Heart, 16-19 (12), 22-24 (15) ->
        # Wed 24 June 23:59:59 COT
        ("CO", "CO-LPDP-SA", "2026-06-25T04:59:59Z"),
        # Costa Rica, 5 business days from Mon 1 June: 2, 3, 4, 5, 8 June -> Mon 8 June
        # 23:59:59 CST (UTC-6)
        ("CR", "CR-LPDP-SA", "2026-06-09T05:59:59Z"),
        # Ecuador, 5 business days ("término"): 2-5, 8 June -> Mon 8 June 23:59:59 ECT (UTC-5)
        ("EC", "EC-LOPDP-SA", "2026-06-09T04:59:59Z"),
    ],
)
def test_authority_deadlines(clocks, country, code, due_at):
    out = run(clocks, country)
    assert out.due(code) == due_at
    assert out.owed[code]["jurisdiction"] == country


def test_malaysia_individuals_within_7_days_of_the_commissioner_notice(clocks):
    out = run(clocks, "MY", data=["name", "contact"])
    # counted from the latest possible Commissioner notice, Thu 4 June 16:00 MYT: 7 days ->
    # Thu 11 June 23:59:59 MYT
    assert out.due("MY-PDPA-DS") == "2026-06-11T15:59:59Z"
    assert "MY-PDPA-SA" in run(clocks, "MY", risk_of_harm="high").owed
    # s 12B(1): the Commissioner is told of every breach; only data subjects need significant harm
    low = run(clocks, "MY", risk_of_harm="risk", data=["name", "contact"])
    assert "MY-PDPA-SA" in low.owed
    assert "MY-PDPA-DS" in low.excluded and "MY-PDPA-DS-SENSITIVE" in low.excluded
    # ... which the Guideline deems from card numbers (financial loss, identity fraud) whatever
    # the controller's rating; one notice is listed
    cards = run(clocks, "MY", risk_of_harm="risk")
    assert cards.due("MY-PDPA-DS-SENSITIVE") == "2026-06-11T15:59:59Z"
    assert cards.excluded["MY-PDPA-DS"]["why"]


def test_egypt_data_subject_within_3_working_days_of_the_center_notice(clocks):
    out = run(clocks, "EG")
    # Center notice at the latest Thu 4 June 11:00 EEST; working days Sun 7, Mon 8, Tue 9 June
    # (the Friday-Saturday weekend and a Saturday-Sunday one give the same day here)
    assert out.due("EG-PDPL-DS") == "2026-06-09T20:59:59Z"


def test_guernsey_reports_a_breach_unless_unlikely_to_result_in_any_risk(clocks):
    # s 42(5): no notice to the Authority where the breach is "unlikely to result in any risk to
    # the significant interests of the data subject"
    assert "GG-DPL-SA" in run(clocks, "GG", risk_of_harm="none").excluded
    out = run(clocks, "GG", risk_of_harm="risk")
    assert "GG-DPL-SA" in out.owed
    assert "GG-DPL-DS" in out.excluded  # individuals only for a high risk


def test_chile_new_law_from_1_december_2026(clocks):
    before = run(clocks, "CL")
    assert "not in force until 2026-12-01" in before.excluded["CL-LPDP-SA"]["why"]
    after = run(clocks, "CL", rules_as_of="2026-12-06")
    assert "CL-LPDP-SA" in after.owed
    assert "CL-LPDP-DS" in after.owed  # payment card data: financial data
    plain = run(clocks, "CL", rules_as_of="2026-12-06", data=["name", "contact"])
    assert "CL-LPDP-DS" in plain.excluded


@pytest.mark.parametrize(
    ("country", "code"),
    [("JE", "JE-DPJL-PROC"), ("GG", "GG-DPL-PROC"), ("RS", "RS-ZZPL-PROC"), ("MU", "MU-DPA-PROC")],
)
def test_processors_tell_their_controller(clocks, country, code):
    out = run(clocks, country, organisation={"role": "processor"})
    assert out.owed[code]["recipient"] == "controller"


def test_coverage_counts(shipped):
    jurisdictions = {r.jurisdiction for r in shipped.rules}
    assert len(jurisdictions) >= 120
    assert len({r.code for r in shipped.rules}) >= 320
