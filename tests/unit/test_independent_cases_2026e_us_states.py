"""Independent cases, fifth set (US states): who is told and by when, from the state statutes.

The rows spread one breach over up to 27 states and put the counts on each side of every
regulator and consumer-reporting-agency threshold. They were written down from the statutes (each
row's comment cites the provisions) before the engine was run. Discovery is Tuesday 17 February
2026 15:00 UTC (10:00 EST) unless a row says otherwise, so a deadline of 30 days or more crosses the
start of daylight saving time (8 March) and Vermont's 14 business days skip Presidents' Day and Town
Meeting Day (3 March, 1 V.S.A. 371). Counting as in the earlier sets: the trigger day is not
counted, days end at 23:59:59 in the authority's zone, business days skip weekends and the state's
holidays. A notice due "no later than" or "before" another takes that notice's outer date; one
with no fixed time ("without unreasonable delay", "as to the timing, content and distribution")
has none.

Several statutes name more than one public body to be told, and each is a notice of its own:

* N.Y. Gen. Bus. Law 899-aa(8)(a): "the state attorney general, the department of state and the
  division of state police" (any number of New Yorkers). The Department of Financial Services is
  told only by a covered entity under 23 NYCRR 500.1, in the manner of 500.17 (S804 of 2025,
  retroactive to 21 December 2024): the rule book's 500.17 notice, not tested here.
* M.G.L. c. 93H s 3(b): "the attorney general, the director of consumer affairs and business
  regulation and ... such resident"; the consumer reporting agencies and state agencies the director
  names follow.
* A.R.S. 18-552(B)(2): above 1,000 individuals, "the three largest nationwide consumer reporting
  agencies and the attorney general and the director of the Arizona department of homeland
  security" (from 22 July 2022).
* Utah Code 13-44-202(1)(d)-(e) (SB 127 of 2023, SB 98 of 2024): from 500 Utah residents, the Office
  of the Attorney General and the Utah Cyber Center; from 1,000, the consumer reporting agencies.

State bodies that are not the attorney general's office are `state_agency` (as the New Jersey State
Police and Puerto Rico's DACO already are).
"""

from functools import partial

import pytest

from tests.unit.law_cases import incident_facts, owed_and_dated

DISCOVERED = "2026-02-17T15:00:00Z"

facts = partial(incident_facts, discovered=DISCOVERED)

# From discovery (17 February)
EST_10 = "2026-02-28T04:59:59Z"  # 27 Feb, before daylight saving time
PST_10 = "2026-02-28T07:59:59Z"
AST_10 = "2026-02-28T03:59:59Z"  # Puerto Rico: Atlantic time all year
EDT_30 = "2026-03-20T03:59:59Z"  # 19 Mar
CDT_30 = "2026-03-20T04:59:59Z"
MDT_30 = "2026-03-20T05:59:59Z"
PDT_30 = "2026-03-20T06:59:59Z"
EDT_45 = "2026-04-04T03:59:59Z"  # 3 Apr
CDT_45 = "2026-04-04T04:59:59Z"
MDT_45 = "2026-04-04T05:59:59Z"
MST_45 = "2026-04-04T06:59:59Z"  # Arizona keeps MST
PDT_45 = "2026-04-04T06:59:59Z"
EDT_60 = "2026-04-19T03:59:59Z"  # 18 Apr
CDT_60 = "2026-04-19T04:59:59Z"
CA_AG = PDT_45  # 15 days after the residents' 30 days (19 Mar): 3 Apr
LA_AG = "2026-04-29T04:59:59Z"  # 10 days after the residents' 60 days (18 Apr): 28 Apr
VT_14BD = "2026-03-11T03:59:59Z"  # 18,19,20,23-27 Feb, 2 Mar, (3 Mar Town Meeting), 4-6, 9, 10 Mar
MN_48H = "2026-02-19T15:00:00Z"
GA_24H = "2026-02-18T15:00:00Z"

# From a determination on Monday 2 March 2026 15:00 UTC
DETERMINED = "2026-03-02T15:00:00Z"
D_EDT_30 = "2026-04-02T03:59:59Z"  # 1 Apr
D_CDT_30 = "2026-04-02T04:59:59Z"
D_MDT_30 = "2026-04-02T05:59:59Z"
D_EDT_45 = "2026-04-17T03:59:59Z"  # 16 Apr
D_CDT_45 = "2026-04-17T04:59:59Z"
D_MST_45 = "2026-04-17T06:59:59Z"
D_EDT_60 = "2026-05-02T03:59:59Z"  # 1 May
D_CDT_60 = "2026-05-02T04:59:59Z"


def everywhere(recipient, states):
    return {(recipient, s) for s in states}


CASES = [
    pytest.param(
        # A payroll platform: name and SSN of 10 New Yorkers, 10 Massachusetts residents, 1,001
        # Arizonans and 500 Utahns. GBL 899-aa(2),(8)(a): residents within 30 days; AG, Department
        # of State and State Police, any number; CRAs only above 5,000. 93H s 3(b): AG, OCABR, the
        # residents, then the CRAs the director names (no threshold, no fixed time). A.R.S.
        # 18-552(B): residents within 45 days after the determination; above 1,000: the AG, the
        # director of the Department of Homeland Security and the three CRAs, same 45 days. Utah
        # 13-44-202: 500 or more: AG and Utah Cyber Center; CRAs only from 1,000.
        facts({"US-NY": 10, "US-MA": 10, "US-AZ": 1001, "US-UT": 500}),
        {
            ("individuals", "US-NY"),
            ("attorney_general", "US-NY"),
            ("state_agency", "US-NY"),
            ("individuals", "US-MA"),
            ("attorney_general", "US-MA"),
            ("state_agency", "US-MA"),
            ("consumer_reporting_agencies", "US-MA"),
            ("individuals", "US-AZ"),
            ("attorney_general", "US-AZ"),
            ("state_agency", "US-AZ"),
            ("consumer_reporting_agencies", "US-AZ"),
            ("individuals", "US-UT"),
            ("attorney_general", "US-UT"),
            ("state_agency", "US-UT"),
        },
        {
            ("individuals", "US-NY", EDT_30),
            ("individuals", "US-AZ", MST_45),
            ("attorney_general", "US-AZ", MST_45),
            ("state_agency", "US-AZ", MST_45),
            ("consumer_reporting_agencies", "US-AZ", MST_45),
        },
        id="several-public-bodies-per-state",
    ),
    pytest.param(
        # Every count on the lower side of its threshold (name and SSN): only the residents, plus
        # the notices owed whatever the number. Tex. 521.053(i): AG from 250 (249: no). RCW
        # 19.255.010(7): above 500. C.R.S. 6-1-716(2)(f): from 500. Fla. 501.171(3): from 500.
        # ORS 646A.604(1)(b): above 250. 815 ILCS 530/10(e): above 500. 6 Del. C. 12B-102(d):
        # above 500. R.I.G.L. 11-49.3-4(a)(2): above 500. Iowa 715C.2(8): above 500. Cal. Civ.
        # 1798.82(f): above 500. N.D.C.C. 51-30-02: above 250. SDCL 22-40-20: above 250; 22-40-24:
        # CRAs, any number. D.C. Code 28-3852(b-1): 50 or more. Ala. 8-38-6, 8-38-7: above 1,000.
        # Ark. 4-110-105(d): above 1,000. RSMo 407.1500.2(8): above 1,000. N.M. 57-12C-10, -11:
        # above 1,000. S.C. 39-1-90(K): above 1,000. HRS 487N-2(f): above 1,000. 73 P.S. 2302
        # (Act 33 of 2024): AG and CRAs above 500. 24 O.S. 163 (SB 626, from 2026): from 500.
        # Utah: from 500. A.R.S. 18-552: above 1,000. New York and Massachusetts: any number.
        # Counted over the whole breach (README): N.D.C.C. 51-30-02 "exceeds two hundred fifty
        # individuals" and Tex. 521.053(h) "more than 10,000 persons" (13,546 here), so both are
        # owed although neither state's own count reaches it (first written as residents: wrong).
        facts(
            {
                "US-TX": 249,
                "US-WA": 500,
                "US-CO": 499,
                "US-FL": 499,
                "US-OR": 250,
                "US-IL": 500,
                "US-DE": 500,
                "US-RI": 500,
                "US-IA": 500,
                "US-CA": 500,
                "US-ND": 250,
                "US-SD": 250,
                "US-DC": 49,
                "US-AL": 1000,
                "US-AR": 1000,
                "US-MO": 1000,
                "US-NM": 1000,
                "US-SC": 1000,
                "US-HI": 1000,
                "US-PA": 500,
                "US-OK": 499,
                "US-UT": 499,
                "US-AZ": 1000,
                "US-NY": 1,
                "US-MA": 1,
            }
        ),
        everywhere(
            "individuals",
            "US-TX US-WA US-CO US-FL US-OR US-IL US-DE US-RI US-IA US-CA US-ND US-SD US-DC US-AL "
            "US-AR US-MO US-NM US-SC US-HI US-PA US-OK US-UT US-AZ US-NY US-MA".split(),
        )
        | {
            ("attorney_general", "US-ND"),
            # Ark. 4-110-105(b)(2) (2026g): "more than one thousand (1,000) individuals" -
            # counted over the whole breach, as N.D.C.C. 51-30-02 (it had been read as
            # Arkansas residents); 45 days after the determination (13,546 in all)
            ("attorney_general", "US-AR"),
            ("consumer_reporting_agencies", "US-TX"),
            ("consumer_reporting_agencies", "US-SD"),
            ("attorney_general", "US-NY"),
            ("state_agency", "US-NY"),
            ("attorney_general", "US-MA"),
            ("state_agency", "US-MA"),
            ("consumer_reporting_agencies", "US-MA"),
        },
        {
            ("individuals", "US-TX", CDT_60),
            ("individuals", "US-WA", PDT_30),
            ("individuals", "US-CO", MDT_30),
            ("individuals", "US-FL", EDT_30),
            ("individuals", "US-OR", PDT_45),
            ("individuals", "US-DE", EDT_60),
            ("individuals", "US-RI", EDT_45),
            ("individuals", "US-CA", PDT_30),
            ("individuals", "US-SD", CDT_60),
            ("individuals", "US-AL", CDT_45),
            ("attorney_general", "US-AR", CDT_45),
            ("individuals", "US-NM", MDT_45),
            ("individuals", "US-AZ", MST_45),
            ("individuals", "US-NY", EDT_30),
        },
        id="every-threshold-not-reached",
    ),
    pytest.param(
        # The same states one person above (or at) each threshold. Dates: Tex. 521.053(i) 30 days
        # after the determination; RCW 19.255.010(8) 30 days; C.R.S. 6-1-716(2)(f) 30 days; Fla.
        # 501.171(3) 30 days; ORS 646A.604(3) 45 days; Del. "not later than" the residents (60
        # days); Cal. 15 days after the residents' notice; Ala. 8-38-6 45 days; Ark. 4-110-105(d)
        # the earlier of the residents' notice and 45 days after the determination; N.M. 57-12C-10,
        # -11: 45 days; A.R.S. 18-552(B): 45 days. Iowa (5 business days after the residents'
        # notice), Oklahoma (60 days after it), D.C., Illinois and Pennsylvania (no later than it)
        # follow an undated notice. Tex. 521.053(h): more than 10,000 persons notified in all
        # (14,067 here): CRAs.
        facts(
            {
                "US-TX": 250,
                "US-WA": 501,
                "US-CO": 500,
                "US-FL": 500,
                "US-OR": 251,
                "US-IL": 501,
                "US-DE": 501,
                "US-RI": 501,
                "US-IA": 501,
                "US-CA": 501,
                "US-ND": 251,
                "US-SD": 251,
                "US-DC": 50,
                "US-AL": 1001,
                "US-AR": 1001,
                "US-MO": 1001,
                "US-NM": 1001,
                "US-SC": 1001,
                "US-HI": 1001,
                "US-PA": 501,
                "US-OK": 500,
                "US-UT": 1000,
                "US-AZ": 1001,
            }
        ),
        everywhere(
            "individuals",
            "US-TX US-WA US-CO US-FL US-OR US-IL US-DE US-RI US-IA US-CA US-ND US-SD US-DC US-AL "
            "US-AR US-MO US-NM US-SC US-HI US-PA US-OK US-UT US-AZ".split(),
        )
        | everywhere(
            "attorney_general",
            "US-TX US-WA US-CO US-OR US-IL US-DE US-RI US-IA US-CA US-ND US-SD US-DC US-AL US-AR "
            "US-MO US-NM US-PA US-OK US-UT US-AZ".split(),
        )
        | everywhere(
            "consumer_reporting_agencies",
            "US-TX US-RI US-SD US-AL US-MO US-NM US-SC US-HI US-PA US-UT US-AZ".split(),
        )
        | everywhere("state_agency", "US-FL US-SC US-HI US-UT US-AZ".split()),
        {
            ("individuals", "US-TX", CDT_60),
            ("attorney_general", "US-TX", CDT_30),
            ("individuals", "US-WA", PDT_30),
            ("attorney_general", "US-WA", PDT_30),
            ("individuals", "US-CO", MDT_30),
            ("attorney_general", "US-CO", MDT_30),
            ("individuals", "US-FL", EDT_30),
            ("state_agency", "US-FL", EDT_30),
            ("individuals", "US-OR", PDT_45),
            ("attorney_general", "US-OR", PDT_45),
            ("individuals", "US-DE", EDT_60),
            ("attorney_general", "US-DE", EDT_60),
            ("individuals", "US-RI", EDT_45),
            ("individuals", "US-CA", PDT_30),
            ("attorney_general", "US-CA", CA_AG),
            ("individuals", "US-SD", CDT_60),
            # SDCL 22-40-20 (2026g): the AG's disclosure too within sixty days
            ("attorney_general", "US-SD", CDT_60),
            ("individuals", "US-AL", CDT_45),
            ("attorney_general", "US-AL", CDT_45),
            ("attorney_general", "US-AR", CDT_45),
            ("individuals", "US-NM", MDT_45),
            ("attorney_general", "US-NM", MDT_45),
            ("consumer_reporting_agencies", "US-NM", MDT_45),
            ("individuals", "US-AZ", MST_45),
            ("attorney_general", "US-AZ", MST_45),
            ("state_agency", "US-AZ", MST_45),
            ("consumer_reporting_agencies", "US-AZ", MST_45),
        },
        id="every-threshold-reached",
    ),
    pytest.param(
        # One resident each where the regulator is told whatever the number. Md. Com. Law
        # 14-3504(c),(h): 45 days; the AG before the residents. N.J.S.A. 56:8-163(c)(1): the State
        # Police before the customers. Ind. 24-4.9-3-1, -3-3: 45 days, AG too. La. R.S.
        # 51:3074(E) and LAC 16:III.701: 60 days; AG within 10 days of the residents' notice. 10
        # M.R.S. 1348(1),(5): 30 days; AG. MCA 30-14-1704(8): AG copy. Neb. 87-803(2): AG not later
        # than the residents. N.C.G.S. 75-65(e1): Consumer Protection Division. RSA 359-C:20(I)(b):
        # AG. 9 V.S.A. 2435(b)(1),(3): 45 days; AG preliminary notice within 14 business days.
        # Va. 18.2-186.6(B): AG. Conn. 36a-701b(b): 60 days; AG not later than the residents.
        # 10 L.P.R.A. 4052 (Law 111-2005 art 4): DACO within 10 days of detection.
        facts(
            {
                s: 1
                for s in "US-MD US-NJ US-IN US-LA US-ME US-MT US-NE US-NC US-NH US-VT US-VA US-CT "
                "US-PR".split()
            }
        ),
        everywhere(
            "individuals",
            "US-MD US-NJ US-IN US-LA US-ME US-MT US-NE US-NC US-NH US-VT US-VA US-CT US-PR".split(),
        )
        | everywhere(
            "attorney_general",
            "US-MD US-IN US-LA US-ME US-MT US-NE US-NC US-NH US-VT US-VA US-CT".split(),
        )
        | everywhere("state_agency", "US-NJ US-PR".split()),
        {
            ("individuals", "US-MD", EDT_45),
            ("attorney_general", "US-MD", EDT_45),
            ("individuals", "US-IN", EDT_45),
            ("attorney_general", "US-IN", EDT_45),
            ("individuals", "US-LA", CDT_60),
            ("attorney_general", "US-LA", LA_AG),
            ("individuals", "US-ME", EDT_30),
            ("individuals", "US-VT", EDT_45),
            ("attorney_general", "US-VT", VT_14BD),
            ("individuals", "US-CT", EDT_60),
            ("attorney_general", "US-CT", EDT_60),
            ("state_agency", "US-PR", AST_10),
        },
        id="regulators-told-whatever-the-number",
    ),
    pytest.param(
        # The breach is determined on 2 March, two weeks after its discovery. Counted from the
        # determination: Tex. 521.053(b),(i) ("determines that the breach occurred"); C.R.S.
        # 6-1-716(2) ("determination that a security breach occurred"); Fla. 501.171(3),(4)
        # ("determination of the breach"); A.R.S. 18-552(B) ("the determination"); Ala. 8-38-5(b),
        # 8-38-6 ("determination that a breach has occurred"); Ark. 4-110-105(d); 6 Del. C.
        # 12B-102(c) ("determination of the breach"); R.I.G.L. 11-49.3-4(a)(2) ("confirmation of
        # the breach"). Counted from discovery: RCW 19.255.010(8); ORS 646A.604(3); GBL 899-aa(2);
        # Ind. 24-4.9-3-3; Wis. 134.98(3)(a) ("learns of"); R.C. 1349.19(B)(2); Tenn. 47-18-2107(b);
        # Md. 14-3504(c); N.M. 57-12C-6; Conn. 36a-701b(b); SDCL 22-40-20; La. R.S. 51:3074(E); 9
        # V.S.A. 2435(b). Total notified 8,210: no Texas CRA notice. (Arkansas has no CRA notice: a
        # first draft listed one by mistake.)
        facts(
            {
                "US-TX": 300,
                "US-CO": 600,
                "US-FL": 600,
                "US-AZ": 1500,
                "US-AL": 1500,
                "US-AR": 1500,
                "US-DE": 600,
                "US-RI": 600,
                "US-WA": 600,
                "US-OR": 300,
                **{
                    s: 10
                    for s in "US-NY US-IN US-WI US-OH US-TN US-MD US-NM US-CT US-SD US-LA "
                    "US-VT".split()
                },
            },
            determined_at=DETERMINED,
        ),
        everywhere(
            "individuals",
            "US-TX US-CO US-FL US-AZ US-AL US-AR US-DE US-RI US-WA US-OR US-NY US-IN US-WI US-OH "
            "US-TN US-MD US-NM US-CT US-SD US-LA US-VT".split(),
        )
        | everywhere(
            "attorney_general",
            "US-TX US-CO US-AZ US-AL US-AR US-DE US-RI US-WA US-OR US-NY US-IN US-MD US-CT US-LA "
            "US-VT".split(),
        )
        | everywhere("consumer_reporting_agencies", "US-AZ US-AL US-RI US-SD".split())
        | everywhere("state_agency", "US-FL US-AZ US-NY".split()),
        {
            ("individuals", "US-TX", D_CDT_60),
            ("attorney_general", "US-TX", D_CDT_30),
            ("individuals", "US-CO", D_MDT_30),
            ("attorney_general", "US-CO", D_MDT_30),
            ("individuals", "US-FL", D_EDT_30),
            ("state_agency", "US-FL", D_EDT_30),
            ("individuals", "US-AZ", D_MST_45),
            ("attorney_general", "US-AZ", D_MST_45),
            ("state_agency", "US-AZ", D_MST_45),
            ("consumer_reporting_agencies", "US-AZ", D_MST_45),
            ("individuals", "US-AL", D_CDT_45),
            ("attorney_general", "US-AL", D_CDT_45),
            ("attorney_general", "US-AR", D_CDT_45),
            ("individuals", "US-DE", D_EDT_60),
            ("attorney_general", "US-DE", D_EDT_60),
            ("individuals", "US-RI", D_EDT_45),
            ("individuals", "US-WA", PDT_30),
            ("attorney_general", "US-WA", PDT_30),
            ("individuals", "US-OR", PDT_45),
            ("attorney_general", "US-OR", PDT_45),
            ("individuals", "US-NY", EDT_30),
            ("individuals", "US-IN", EDT_45),
            ("attorney_general", "US-IN", EDT_45),
            ("individuals", "US-WI", CDT_45),
            ("individuals", "US-OH", EDT_45),
            ("individuals", "US-TN", CDT_45),
            ("individuals", "US-MD", EDT_45),
            ("attorney_general", "US-MD", EDT_45),
            ("individuals", "US-NM", MDT_45),
            ("individuals", "US-CT", EDT_60),
            ("attorney_general", "US-CT", EDT_60),
            ("individuals", "US-SD", CDT_60),
            ("individuals", "US-LA", CDT_60),
            ("attorney_general", "US-LA", LA_AG),
            ("individuals", "US-VT", EDT_45),
            ("attorney_general", "US-VT", VT_14BD),
        },
        id="determination-two-weeks-after-discovery",
    ),
    pytest.param(
        # The investigation finds harm unlikely but not ruled out (risk "unlikely"). Still owed
        # where only "no reasonable likelihood" of harm (or misuse "not reasonably possible")
        # excuses: AS 45.48.010(c); Ark. 4-110-105(g); Iowa 715C.2(6); Ind. 24-4.9-3-1; La. R.S.
        # 51:3074(I); 10 M.R.S. 1348(1); N.J.S.A. 56:8-163(a); 9 V.S.A. 2435(d)(1). Still owed where
        # the statute has no harm test: Cal. 1798.82; 815 ILCS 530/10; M.G.L. 93H s 3; N.D.C.C.
        # 51-30-02; Tex. 521.053; GBL 899-aa (the no-harm clause is for inadvertent disclosures
        # only); O.C.G.A. 10-1-912; Minn. 325E.61 (CRAs above 500 within 48 hours); NRS 603A.220;
        # Tenn. 47-18-2107. Florida's Department of Legal Affairs is told from 500 whatever the harm
        # analysis (501.171(3); (4)(c) excuses only the individuals' notice). South Dakota: the
        # no-harm path itself needs "notice to the attorney general" (22-40-20). Not owed where harm
        # must be (reasonably) likely: Conn., Pa., Wash., Colo., Or., D.C., Utah. Total 6,630.
        facts(
            {
                "US-AK": 10,
                "US-AR": 10,
                "US-IA": 600,
                "US-IN": 10,
                "US-LA": 10,
                "US-ME": 10,
                "US-NJ": 10,
                "US-VT": 10,
                "US-CA": 600,
                "US-IL": 600,
                "US-MA": 10,
                "US-ND": 300,
                "US-TX": 300,
                "US-NY": 10,
                "US-SD": 100,
                "US-CT": 10,
                "US-FL": 600,
                "US-PA": 600,
                "US-WA": 600,
                "US-CO": 600,
                "US-OR": 300,
                "US-DC": 100,
                "US-UT": 600,
                "US-GA": 10,
                "US-MN": 600,
                "US-NV": 10,
                "US-TN": 10,
            },
            risk="unlikely",
        ),
        everywhere(
            "individuals",
            "US-AK US-AR US-IA US-IN US-LA US-ME US-NJ US-VT US-CA US-IL US-MA US-ND US-TX US-NY "
            "US-GA US-MN US-NV US-TN".split(),
        )
        | everywhere(
            "attorney_general",
            "US-IA US-IN US-LA US-ME US-VT US-CA US-IL US-MA US-ND US-TX US-NY US-SD".split(),
        )
        | everywhere("state_agency", "US-NJ US-MA US-NY US-FL".split())
        # Ark. 4-110-105(b)(2) (2026g): "more than one thousand (1,000) individuals" -
        # counted over the whole breach, as N.D.C.C. 51-30-02; owed at risk unlikely
        # (4-110-105(g)); 45 days after the determination (6,630 in all)
        | {("attorney_general", "US-AR")}
        | everywhere("consumer_reporting_agencies", "US-MA US-MN".split()),
        {
            ("individuals", "US-IN", EDT_45),
            ("attorney_general", "US-IN", EDT_45),
            ("attorney_general", "US-AR", CDT_45),
            ("individuals", "US-LA", CDT_60),
            ("attorney_general", "US-LA", LA_AG),
            ("individuals", "US-ME", EDT_30),
            ("individuals", "US-VT", EDT_45),
            ("attorney_general", "US-VT", VT_14BD),
            ("individuals", "US-CA", PDT_30),
            ("attorney_general", "US-CA", CA_AG),
            ("individuals", "US-TX", CDT_60),
            ("attorney_general", "US-TX", CDT_30),
            ("individuals", "US-NY", EDT_30),
            ("state_agency", "US-FL", EDT_30),
            ("consumer_reporting_agencies", "US-MN", MN_48H),
            ("individuals", "US-TN", CDT_45),
        },
        id="harm-unlikely-not-ruled-out",
    ),
    pytest.param(
        # A cloud host that keeps the data for its customer (role processor), 600 people in each
        # state: it tells the owner. GBL 899-aa(3) (S2659-B, from 21 December 2024): "immediately
        # following discovery", within 30 days. Fla. 501.171(6)(a): 10 days. O.C.G.A.
        # 10-1-912(b): within 24 hours. Ind. 24-4.9-3-3 (the 45 days of 3-3 read for 3-2). Tenn.
        # 47-18-2107(c): 45 days. N.M. 57-12C-8: 45 days. Md. 14-3504(d)(2): 10 days. ORS
        # 646A.604(2): 10 days; and the Attorney General above 250 (646A.604(2)(b)). 93H s 3(a),
        # A.R.S. 18-552(C), Utah 13-44-202(3): the owner, no fixed time.
        facts(
            {
                s: 600
                for s in "US-NY US-FL US-GA US-IN US-TN US-NM US-MD US-OR US-MA US-AZ US-UT".split()
            },
            role="processor",
        ),
        everywhere(
            "controller",
            "US-NY US-FL US-GA US-IN US-TN US-NM US-MD US-OR US-MA US-AZ US-UT".split(),
        )
        | {("attorney_general", "US-OR")},
        {
            ("controller", "US-NY", EDT_30),
            ("controller", "US-FL", EST_10),
            ("controller", "US-GA", GA_24H),
            ("controller", "US-IN", EDT_45),
            ("controller", "US-TN", CDT_45),
            ("controller", "US-NM", MDT_45),
            ("controller", "US-MD", EST_10),
            ("controller", "US-OR", PST_10),
        },
        id="vendor-tells-the-owner",
    ),
    pytest.param(
        # The same multi-recipient states, data encrypted and the key safe: every statute excludes
        # encrypted data whose key was not taken (GBL 899-aa(1)(b); 93H s 1 "encrypted"; A.R.S.
        # 18-551(11); Utah 13-44-102(4)). Nothing is owed.
        facts(
            {"US-NY": 6000, "US-MA": 100, "US-AZ": 2000, "US-UT": 2000, "US-NJ": 100, "US-PR": 100},
            encryption={"encrypted": True, "key_compromised": False},
        ),
        set(),
        set(),
        id="encrypted-key-safe",
    ),
    pytest.param(
        # The same with the key taken: the encrypted data count as unencrypted. New York above
        # 5,000: the CRAs too (899-aa(8)(b)); Utah from 1,000: the CRAs; New Jersey: State Police
        # before the customers; Puerto Rico: DACO within 10 days.
        facts(
            {"US-NY": 6000, "US-MA": 100, "US-AZ": 2000, "US-UT": 2000, "US-NJ": 100, "US-PR": 100},
            encryption={"encrypted": True, "key_compromised": True},
        ),
        everywhere("individuals", "US-NY US-MA US-AZ US-UT US-NJ US-PR".split())
        | everywhere("attorney_general", "US-NY US-MA US-AZ US-UT".split())
        | everywhere("state_agency", "US-NY US-MA US-AZ US-UT US-NJ US-PR".split())
        | everywhere("consumer_reporting_agencies", "US-NY US-MA US-AZ US-UT".split()),
        {
            ("individuals", "US-NY", EDT_30),
            ("individuals", "US-AZ", MST_45),
            ("attorney_general", "US-AZ", MST_45),
            ("state_agency", "US-AZ", MST_45),
            ("consumer_reporting_agencies", "US-AZ", MST_45),
            ("state_agency", "US-PR", AST_10),
        },
        id="encrypted-key-taken",
    ),
    pytest.param(
        # Name and medical information only, 600 people in each of 18 states (10,800 in all).
        # Medical information is personal information in C.R.S. 6-1-716(1)(g)(I)(D); Conn.
        # 36a-701b(a)(2)(A)(viii) (2021); Md. 14-3501(e)(1)(i)(6); RSMo 407.1500.1(9)(e); MCA
        # 30-14-1704(4)(b)(i)(F) (medical record information); N.D.C.C. 51-30-01(4)(a)(7); ORS
        # 646A.602(11)(a)(A)(vi); 73 P.S. 2302 (Act 151 of 2022); R.I.G.L. 11-49.3-3(a)(8)(v); SDCL
        # 22-40-19(4)(d); Tex. 521.002(a)(2)(B); 9 V.S.A. 2430(10)(A)(vii) (health records); RCW
        # 19.255.005(2)(a)(x); Wyo. 6-3-901(b)(xiii) via 40-12-501(a)(vii). Not in Va.
        # 18.2-186.6(A) (32.1-127.1:05 binds only publicly funded entities), N.J.S.A. 56:8-161,
        # O.C.G.A. 10-1-911(6) or M.G.L. 93H s 1: nothing owed there. Regulators as in the rows
        # above; Texas CRAs: more than 10,000 persons notified in all.
        facts(
            {
                s: 600
                for s in "US-CO US-CT US-MD US-MO US-MT US-ND US-OR US-PA US-RI US-SD US-TX US-VT "
                "US-WA US-WY US-VA US-NJ US-GA US-MA".split()
            },
            data=("name", "medical"),
        ),
        everywhere(
            "individuals",
            "US-CO US-CT US-MD US-MO US-MT US-ND US-OR US-PA US-RI US-SD US-TX US-VT US-WA "
            "US-WY".split(),
        )
        | everywhere(
            "attorney_general",
            "US-CO US-CT US-MD US-MT US-ND US-OR US-PA US-RI US-SD US-TX US-VT US-WA".split(),
        )
        | everywhere("consumer_reporting_agencies", "US-PA US-RI US-SD US-TX".split()),
        {
            ("individuals", "US-CO", MDT_30),
            ("attorney_general", "US-CO", MDT_30),
            ("individuals", "US-CT", EDT_60),
            ("attorney_general", "US-CT", EDT_60),
            ("individuals", "US-MD", EDT_45),
            ("attorney_general", "US-MD", EDT_45),
            ("individuals", "US-OR", PDT_45),
            ("attorney_general", "US-OR", PDT_45),
            ("individuals", "US-RI", EDT_45),
            ("individuals", "US-SD", CDT_60),
            # SDCL 22-40-20 (2026g): the AG's disclosure too within sixty days
            ("attorney_general", "US-SD", CDT_60),
            ("individuals", "US-TX", CDT_60),
            ("attorney_general", "US-TX", CDT_30),
            ("individuals", "US-VT", EDT_45),
            ("attorney_general", "US-VT", VT_14BD),
            ("individuals", "US-WA", PDT_30),
            ("attorney_general", "US-WA", PDT_30),
        },
        id="medical-information-eighteen-states",
    ),
    pytest.param(
        # Maine counts its 30 days from "becoming aware of the breach and identifying its scope"
        # (10 M.R.S. 1348(1)): scope identified on 2 March, so 1 April. Wisconsin counts 45 days
        # from when the entity "learns of the acquisition" (134.98(3)(a)): aware on 20 February, so
        # 6 April. Vermont's Attorney General: 14 business days from discovery (2435(b)(3)),
        # whatever the scope; residents 45 days from discovery (2435(b)(1)).
        facts(
            {"US-ME": 20, "US-WI": 20, "US-VT": 20},
            aware_at="2026-02-20T15:00:00Z",
            scope_identified_at=DETERMINED,
        ),
        everywhere("individuals", "US-ME US-WI US-VT".split())
        | everywhere("attorney_general", "US-ME US-VT".split()),
        {
            ("individuals", "US-ME", D_EDT_30),
            ("individuals", "US-WI", "2026-04-07T04:59:59Z"),
            ("individuals", "US-VT", EDT_45),
            ("attorney_general", "US-VT", VT_14BD),
        },
        id="maine-scope-wisconsin-awareness",
    ),
    pytest.param(
        # A misdirected e-mail (an inadvertent disclosure by staff), and the business determines
        # that no harm is reasonably possible (risk "none"), date of that determination not
        # recorded. The no-harm path is itself a notice: 9 V.S.A. 2435(d)(2) (the determination
        # and a detailed explanation to the Attorney General); Fla. 501.171(4)(c) (the written
        # determination to the Department of Legal Affairs within 30 days of it - and (3) still
        # asks the Department's own notice from 500, within 30 days); GBL 899-aa(2)(a) (above 500
        # New Yorkers, the determination to the Attorney General within 10 days); AS 45.48.010(c)
        # (written notification to the Attorney General before relying on it); SDCL 22-40-20
        # ("following an appropriate investigation and notice to the attorney general"). The
        # residents are not told. The notices counted from the determination have no date here.
        facts(
            {"US-VT": 20, "US-FL": 600, "US-NY": 600, "US-AK": 20, "US-SD": 100},
            risk="none",
            cause="misdirected_disclosure",
        ),
        everywhere("attorney_general", "US-VT US-NY US-AK US-SD".split())
        | {("state_agency", "US-FL")},
        {("state_agency", "US-FL", EDT_30)},
        id="no-harm-determination-undated",
    ),
    pytest.param(
        # The same with the determination dated 2 March: Florida 30 days from it (1 April), New
        # York 10 days from it (12 March); Vermont's and Alaska's notices have no fixed time.
        facts(
            {"US-VT": 20, "US-FL": 600, "US-NY": 600, "US-AK": 20, "US-SD": 100},
            risk="none",
            cause="misdirected_disclosure",
            no_harm_determined_at=DETERMINED,
        ),
        everywhere("attorney_general", "US-VT US-NY US-AK US-SD".split())
        | {("state_agency", "US-FL")},
        {
            ("state_agency", "US-FL", EDT_30),
            ("state_agency", "US-FL", D_EDT_30),
            ("attorney_general", "US-NY", "2026-03-13T03:59:59Z"),
        },
        id="no-harm-determination-dated",
    ),
    pytest.param(
        # Consumer-reporting-agency thresholds of 1,000 (and Minnesota's 500, Georgia's 10,000)
        # in 27 states, one above each. K.S.A. 50-7a02(f); KRS 365.732(7); MCL 445.72(8); NRS
        # 603A.220(5); R.C. 1349.19(G); W. Va. 46A-2A-102(f); Minn. 325E.61 subd 2 (within 48
        # hours); S.C. 39-1-90(K) (and the Department of Consumer Affairs); HRS 487N-2(f) (and the
        # Office of Consumer Protection); N.J.S.A. 56:8-163(f); 10 M.R.S. 1348(4); 9 V.S.A.
        # 2435(c); AS 45.48.040; D.C. 28-3852(d) (and the AG from 50); C.R.S. 6-1-716(2)(d);
        # Fla. 501.171(5); Ind. 24-4.9-3-1(b) (45 days, as the residents'); Md. 14-3506 (1,000
        # or more); Wis. 134.98(2)(br) (1,000 or more); N.C.G.S. 75-65(f); RSA 359-C:20(VI)(a);
        # O.C.G.A. 10-1-912(d). Attorneys general whatever the number: Md., Me., Vt., Ind., N.C.,
        # N.H., Mont., Neb.; New Jersey's State Police. Mississippi, Wyoming and Idaho: residents.
        facts(
            {
                **{
                    s: 1001
                    for s in "US-KS US-KY US-MI US-NV US-OH US-WV US-SC US-HI US-NJ US-ME US-VT "
                    "US-AK US-DC US-CO US-FL US-IN US-NC US-NH".split()
                },
                "US-MN": 501,
                "US-MD": 1000,
                "US-WI": 1000,
                "US-GA": 10001,
                **{s: 10 for s in "US-MS US-WY US-ID US-NE US-MT".split()},
            }
        ),
        everywhere(
            "individuals",
            "US-KS US-KY US-MI US-NV US-OH US-WV US-SC US-HI US-NJ US-ME US-VT US-AK US-DC US-CO "
            "US-FL US-IN US-NC US-NH US-MN US-MD US-WI US-GA US-MS US-WY US-ID US-NE US-MT".split(),
        )
        | everywhere(
            "consumer_reporting_agencies",
            "US-KS US-KY US-MI US-NV US-OH US-WV US-SC US-HI US-NJ US-ME US-VT US-AK US-DC US-CO "
            "US-FL US-IN US-NC US-NH US-MN US-MD US-WI US-GA".split(),
        )
        | everywhere(
            "attorney_general",
            "US-ME US-VT US-DC US-CO US-IN US-MD US-NC US-NH US-MT US-NE".split(),
        )
        | everywhere("state_agency", "US-SC US-HI US-NJ US-FL".split()),
        {
            ("individuals", "US-OH", EDT_45),
            ("consumer_reporting_agencies", "US-MN", MN_48H),
            ("individuals", "US-ME", EDT_30),
            ("individuals", "US-VT", EDT_45),
            ("attorney_general", "US-VT", VT_14BD),
            ("individuals", "US-CO", MDT_30),
            ("attorney_general", "US-CO", MDT_30),
            ("individuals", "US-FL", EDT_30),
            ("state_agency", "US-FL", EDT_30),
            ("individuals", "US-IN", EDT_45),
            ("attorney_general", "US-IN", EDT_45),
            ("consumer_reporting_agencies", "US-IN", EDT_45),
            ("individuals", "US-MD", EDT_45),
            ("attorney_general", "US-MD", EDT_45),
            ("individuals", "US-WI", CDT_45),
            # Wis. 134.98(3)(a) (2026g): 45 days for every notice under sub. (2)
            ("consumer_reporting_agencies", "US-WI", CDT_45),
        },
        id="cra-thresholds-twenty-seven-states",
    ),
    pytest.param(
        # Harm found reasonably likely but not significant (risk "risk"): New Mexico (57-12C-6(C),
        # "significant risk of identity theft or fraud") and Rhode Island (11-49.3-4(a)(1),
        # "significant risk of identity theft") owe nothing; Alabama (8-38-5(a), "reasonably
        # likely to cause substantial harm"), Arizona (18-552(J)) and Connecticut (36a-701b(b),
        # "will not likely result in harm") owe their notices.
        facts(
            {"US-NM": 2000, "US-RI": 2000, "US-AL": 2000, "US-AZ": 2000, "US-CT": 10},
            risk="risk",
        ),
        everywhere("individuals", "US-AL US-AZ US-CT".split())
        | everywhere("attorney_general", "US-AL US-AZ US-CT".split())
        | everywhere("consumer_reporting_agencies", "US-AL US-AZ".split())
        | {("state_agency", "US-AZ")},
        {
            ("individuals", "US-AL", CDT_45),
            ("attorney_general", "US-AL", CDT_45),
            ("individuals", "US-AZ", MST_45),
            ("attorney_general", "US-AZ", MST_45),
            ("state_agency", "US-AZ", MST_45),
            ("consumer_reporting_agencies", "US-AZ", MST_45),
            ("individuals", "US-CT", EDT_60),
            ("attorney_general", "US-CT", EDT_60),
        },
        id="significant-risk-states-excused",
    ),
    pytest.param(
        # A payroll processor (role processor), 600 people in 13 states: the owner is told. Ala.
        # 8-38-8: within 10 days of the determination; Fla. 501.171(6)(a): 10 days; Md.
        # 14-3504(d)(2): 10 days; ORS 646A.604(2): 10 days, and the Attorney General above 250;
        # O.C.G.A. 10-1-912(b): 24 hours; Ind. 24-4.9-3-3: 45 days; Tenn. 47-18-2107(c): 45 days;
        # N.M. 57-12C-8: 45 days; GBL 899-aa(3): 30 days. Cal. 1798.82(b), Tex. 521.053(c), RCW
        # 19.255.010(2), 815 ILCS 530/10(b): immediately, no fixed period.
        facts(
            {
                s: 600
                for s in "US-AL US-FL US-MD US-OR US-GA US-IN US-TN US-NM US-NY US-CA US-TX US-WA "
                "US-IL".split()
            },
            role="processor",
        ),
        everywhere(
            "controller",
            "US-AL US-FL US-MD US-OR US-GA US-IN US-TN US-NM US-NY US-CA US-TX US-WA US-IL".split(),
        )
        | {("attorney_general", "US-OR")},
        {
            ("controller", "US-AL", "2026-02-28T05:59:59Z"),
            ("controller", "US-FL", EST_10),
            ("controller", "US-MD", EST_10),
            ("controller", "US-OR", PST_10),
            ("controller", "US-GA", GA_24H),
            ("controller", "US-IN", EDT_45),
            ("controller", "US-TN", CDT_45),
            ("controller", "US-NM", MDT_45),
            ("controller", "US-NY", EDT_30),
        },
        id="processor-thirteen-states-dated",
    ),
    pytest.param(
        # The territories and the District: 10 L.P.R.A. 4052 (DACO within 10 days of detection);
        # D.C. Code 28-3852(b-1) (the Attorney General from 50 residents); 9 GCA 48-30 (Guam) and
        # 14 V.I.C. 2208 (Virgin Islands): the residents only.
        facts({"US-PR": 5, "US-DC": 60, "US-GU": 5, "US-VI": 5}),
        everywhere("individuals", "US-PR US-DC US-GU US-VI".split())
        | {("state_agency", "US-PR"), ("attorney_general", "US-DC")},
        {("state_agency", "US-PR", AST_10)},
        id="territories-and-district",
    ),
]


@pytest.mark.parametrize(("incident", "owed", "dated"), CASES)
def test_independent_case(clocks, incident, owed, dated):
    assert owed_and_dated(clocks(incident)) == (owed, dated)
