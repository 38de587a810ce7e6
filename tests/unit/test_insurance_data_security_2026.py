"""State insurance data security laws (NAIC Insurance Data Security Model Law #668): who must tell
the insurance commissioner, and by when. Each row was written down from the state's notice
section before the engine was run and cites it.

The model's notice section (s 6(A)) has two alternative triggers: the state is the insurer's
domicile or the producer's home state (no head count), or 250 or more consumers residing in the
state are involved (with notice owed to another government body, or a reasonable likelihood of
material harm - read as met). The clock runs from the determination that a cybersecurity event
occurred (`determined_at`, which defaults to discovery).

Discovery (and so determination) is Monday 2 March 2026, 16:00 UTC, as in law_cases.py; the
deadline is counted in the zone of the state capital (US DST starts 8 March 2026).
"""

import pytest

from tests.unit.law_cases import DISCOVERED, breach

LICENSEE = "naic_licensee"


def _facts(affected, *, established=(), subject_to=(), at=DISCOVERED):
    facts = breach(affected, subject_to=(LICENSEE, *subject_to), discovered=at)
    facts["organisation"]["established_in"] = list(established)
    return facts


# Three business days from Monday 2 March: Tue 3, Wed 4, Thu 5 March, end of day.
THREE_BD = "2026-03-05T23:59:59"
EST, CST, AKST, HST = "-05:00", "-06:00", "-09:00", "-10:00"

# (rule, place, notice section, due_local for a domiciled insurer)
DEADLINES = [
    # Ala. Code 27-62-6(a): no later than 3 business days from the determination.
    ("US-AL-INS", "US-AL", THREE_BD + CST),
    # Alaska Stat. 21.23.280(a) (in force 1 January 2025): 3 business days; Juneau time.
    ("US-AK-INS", "US-AK", THREE_BD + AKST),
    # Conn. Gen. Stat. 38a-38 (P.A. 19-117 s 230): not later than three business days.
    ("US-CT-INS", "US-CT", THREE_BD + EST),
    # 18 Del. C. 8606: not later than 3 business days.
    ("US-DE-INS", "US-DE", THREE_BD + EST),
    # Haw. Rev. Stat. ch. 431 art. 3B, part III (Act 112 of 2021): 3 business days.
    ("US-HI-INS", "US-HI", THREE_BD + HST),
    # 215 ILCS 215/20(a) (P.A. 103-0142, in force 1 January 2024): 3 business days.
    ("US-IL-INS", "US-IL", THREE_BD + CST),
    # Ind. Code 27-2-27-21(c): three business days.
    ("US-IN-INS", "US-IN", THREE_BD + EST),
    # Iowa Code 507F.7: three business days.
    ("US-IA-INS", "US-IA", THREE_BD + CST),
    # Ky. Rev. Stat. 304.3-760 (in force 1 January 2023): three business days.
    ("US-KY-INS", "US-KY", THREE_BD + EST),
    # La. R.S. 22:2506: three business days.
    ("US-LA-INS", "US-LA", THREE_BD + CST),
    # 24-A M.R.S. 2266(1): 3 business days.
    ("US-ME-INS", "US-ME", THREE_BD + EST),
    # Md. Code, Ins. 33-105(a): 3 business days.
    ("US-MD-INS", "US-MD", THREE_BD + EST),
    # Mo. Rev. Stat. 375.1410.1 (H.B. 974, in force 1 January 2026): "no later than four business
    # days" - 3 to 6 March, Friday 6 March.
    ("US-MO-INS", "US-MO", "2026-03-06T23:59:59" + CST),
    # MCL 500.559(1): 10 business days - 3 to 6 March (4), 9 to 13 (9), Mon 16 March (EDT).
    ("US-MI-INS", "US-MI", "2026-03-16T23:59:59-04:00"),
    # Minn. Stat. 60A.9853 subd. 1: 5 business days - 3 to 6, Mon 9 March (CDT).
    ("US-MN-INS", "US-MN", "2026-03-09T23:59:59-05:00"),
    # Miss. Code 83-5-811(1): no later than three (3) business days.
    ("US-MS-INS", "US-MS", THREE_BD + CST),
    # N.H. Rev. Stat. 420-P:6(I): 3 business days.
    ("US-NH-INS", "US-NH", THREE_BD + EST),
    # N.D. Cent. Code 26.1-02.2-05(1) as amended by SB 2088 (2025): seventy-two hours, elapsed.
    ("US-ND-INS", "US-ND", "2026-03-05T10:00:00-06:00"),
    # Ohio Rev. Code 3965.04(A): no later than three business days.
    ("US-OH-INS", "US-OH", THREE_BD + EST),
    # Okla. Stat. tit. 36, 675(A): three business days.
    ("US-OK-INS", "US-OK", THREE_BD + CST),
    # 40 P.S. 4501 et seq. (Act 2 of 2023): five business days - 3 to 6, Mon 9 March (EDT).
    ("US-PA-INS", "US-PA", "2026-03-09T23:59:59-04:00"),
    # R.I. Gen. Laws 27-1-47(a) (in force 1 January 2025): three (3) business days.
    ("US-RI-INS", "US-RI", THREE_BD + EST),
    # S.C. Code 38-99-40(A): 72 hours, elapsed.
    ("US-SC-INS", "US-SC", "2026-03-05T11:00:00-05:00"),
    # Tenn. Code 56-2-1006(a): no more than three (3) business days.
    ("US-TN-INS", "US-TN", THREE_BD + CST),
    # Va. Code 38.2-625(A): no later than three business days.
    ("US-VA-INS", "US-VA", THREE_BD + EST),
    # Wis. Stat. 601.954(1): 3 business days.
    ("US-WI-INS", "US-WI", THREE_BD + CST),
]


@pytest.mark.parametrize(("rule", "place", "due"), DEADLINES)
def test_the_domiciled_insurer_tells_the_commissioner_in_time(clocks, rule, place, due):
    out = clocks(_facts({place: 5}, established=[place]))
    assert rule in out.owed, out.excluded.get(rule)
    assert out.owed[rule]["recipient"] == "sector_regulator"
    assert out.owed[rule]["due_local"] == due


# The model's two alternative triggers, state by state: elsewhere than the state of domicile
# the notice is owed only from 250 consumers residing in the state.
TWO_LIMB = [
    rule
    for rule, _place, _due in DEADLINES
    if rule not in ("US-RI-INS", "US-VA-INS")  # below: different triggers
]


@pytest.mark.parametrize("rule", TWO_LIMB)
def test_outside_the_home_state_only_from_250_residents(clocks, rule):
    place = rule[:5]
    few = clocks(_facts({place: 249}, established=["US-NY"]))
    assert rule not in few.owed
    assert "fewer than 250" in few.excluded[rule]["why"]
    many = clocks(_facts({place: 300}, established=["US-NY"]))
    assert rule in many.owed


def test_north_dakota_counts_250_as_enough(clocks):
    # N.D. Cent. Code 26.1-02.2-05(1)(b): "two hundred fifty or more consumers residing in this
    # state".
    out = clocks(_facts({"US-ND": 250}))
    assert "US-ND-INS" in out.owed


# (place, people, established, extra subject_to, owed?) - exemptions and variants
ROWS = [
    # R.I. Gen. Laws 27-1-47(a): "Each domestic insurer" - a foreign insurer owes nothing to the
    # Rhode Island commissioner whatever the number of Rhode Islanders; a domestic one always.
    ("US-RI-INS", {"US-RI": 1000}, ["US-CT"], (), False),
    ("US-RI-INS", {"US-RI": 3}, ["US-RI"], (), True),
    # Va. Code 38.2-625(A)(2): 250 Virginia consumers OR notice owed to any government body under
    # federal law or another state's law - read as owed for any Virginia consumers.
    ("US-VA-INS", {"US-VA": 10}, ["US-MD"], (), True),
    # HIPAA: the model (s 9) and most states only deem a HIPAA licensee's information security
    # program compliant; the commissioner's notice stays.
    # Ind. Code 27-2-27-26(b): "except for the notice requirements described in section 21".
    ("US-IN-INS", {"US-IN": 5}, ["US-IN"], ("hipaa_covered_entity",), True),
    # 24-A M.R.S. 2269(2)(A): "other than the requirements of section 2266, subsection 1 for
    # notification to the superintendent".
    ("US-ME-INS", {"US-ME": 5}, ["US-ME"], ("hipaa_covered_entity",), True),
    # Haw. Rev. Stat. 431:3B-104(a)(2): a HIPAA licensee meets "part II" (the security program);
    # the notice (part III) stays.
    ("US-HI-INS", {"US-HI": 5}, ["US-HI"], ("hipaa_covered_entity",), True),
    # Ala. Code 27-62-9(a)(2): a HIPAA licensee with a HIPAA security program "shall be considered
    # to meet the requirements of this chapter" - the notice of 27-62-6 included.
    ("US-AL-INS", {"US-AL": 400}, ["US-AL"], ("hipaa_covered_entity",), False),
    ("US-AL-INS", {"US-AL": 400}, ["US-AL"], ("hipaa_business_associate",), False),
    # Mo. Rev. Stat. 375.1417.1(2): a HIPAA licensee is deemed to comply "except for the director
    # notification requirements in subsections 1 and 2 of section 375.1410".
    ("US-MO-INS", {"US-MO": 5}, ["US-MO"], ("hipaa_covered_entity",), True),
    # Wis. Stat. 601.951(2)(b), (bm): a licensee affiliated with a depository institution or a
    # broker-dealer meeting their security standards "shall be considered to meet the requirements
    # of this subchapter" - the notice of 601.954 included.
    ("US-WI-INS", {"US-WI": 400}, ["US-WI"], ("wi_insurance_financial_affiliate",), False),
    # Miss. Code 83-5-817(1)(a)-(b) and S.C. Code 38-99-70(A): the small-licensee and HIPAA
    # exceptions reach only the security program (83-5-807, 38-99-20): the notice stays.
    ("US-MS-INS", {"US-MS": 5}, ["US-MS"], ("hipaa_covered_entity",), True),
    ("US-SC-INS", {"US-SC": 5}, ["US-SC"], ("hipaa_covered_entity",), True),
    # MCL 500.565(2): a HIPAA licensee complies with the chapter "except for the requirements under
    # sections 559 and 561" - the notice to the director stays.
    ("US-MI-INS", {"US-MI": 5}, ["US-MI"], ("hipaa_covered_entity",), True),
    # Va. Code 38.2-629(A)(1): HIPAA meets 38.2-623, 38.2-624 and 38.2-626 - not 38.2-625, the
    # Commissioner's notice.
    ("US-VA-INS", {"US-VA": 5}, ["US-VA"], ("hipaa_covered_entity",), True),
    # 36 O.S. 678, as the Oklahoma Insurance Department reads it: a licensee with less than
    # $5 million gross annual revenue is exempt from the Act, notice of 675 included.
    ("US-OK-INS", {"US-OK": 400}, ["US-OK"], ("ok_insurance_small_licensee",), False),
    ("US-OK-INS", {"US-OK": 400}, ["US-OK"], (), True),
    # Tenn. Code 56-2-1009(a)(1): "This part does not apply to" a licensee with fewer than 25
    # individuals, under $5 million gross annual revenue or under $10 million year-end assets -
    # the notice of 56-2-1006 included.
    ("US-TN-INS", {"US-TN": 400}, ["US-TN"], ("tn_insurance_small_licensee",), False),
    ("US-TN-INS", {"US-TN": 400}, ["US-TN"], (), True),
]


@pytest.mark.parametrize(("rule", "affected", "established", "extra", "owed"), ROWS)
def test_exemptions_and_variants(clocks, rule, affected, established, extra, owed):
    out = clocks(_facts(affected, established=established, subject_to=extra))
    assert (rule in out.owed) is owed, out.excluded.get(rule) or out.owed.get(rule)


def test_vermont_insurance_law_sets_no_commissioner_notice(clocks):
    # Vermont's Insurance Data Security law (H.515, Act 2022) adopted the model's security
    # program but not its notice section: no US-VT-INS rule; Vermont's breach statute still
    # applies (9 V.S.A. 2435).
    out = clocks(_facts({"US-VT": 300}, established=["US-VT"]))
    assert not any(code.startswith("US-VT-INS") for code in [*out.owed, *out.excluded])
    assert any(o["jurisdiction"] == "US-VT" for o in out.owed.values())


def test_missouri_law_began_on_1_january_2026(clocks):
    # H.B. 974 (2025): Mo. Rev. Stat. 375.1400 to 375.1427 effective 1 January 2026.
    before = clocks(_facts({"US-MO": 900}, established=["US-MO"], at="2025-12-01T16:00:00Z"))
    assert "US-MO-INS" not in before.owed
    after = clocks(_facts({"US-MO": 900}, established=["US-MO"]))
    assert "US-MO-INS" in after.owed
