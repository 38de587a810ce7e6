"""US state, District and territory breach laws: the secondary recipients at the edges of their
thresholds - the consumer reporting agencies (CRAs) and the attorney general or state regulator -
and what is counted (the state's residents, or everyone notified).

`test_independent_cases_2026e_us_states.py` already puts one breach on each side of most
attorney-general thresholds (Texas 249/250, Washington 500/501, Colorado and Florida 499/500,
Oregon, North and South Dakota 250/251, Illinois, Delaware, Iowa, California, Pennsylvania and
Rhode Island 500/501, the District 49/50, Alabama, Arkansas, Missouri, New Mexico, South Carolina,
Hawaii and Arizona 1,000/1,001, Oklahoma and Utah 499/500) and the CRA thresholds one person
*above* them in 27 states; `test_independent_cases_2026d2.py` puts 20 states exactly *on* their
CRA line. This table adds what they leave out: the CRA line in Colorado, Florida, North Carolina
and Oregon, the "1,000 or more" states one person short (Maryland, Wisconsin, Utah), the exact
edges of the thresholds counted over the whole breach (Texas 10,000, North Dakota 250, Arkansas
1,000), the places that never owe a CRA notice however large the breach, South Dakota's CRA notice
at any number, two GLBA carve-outs of the CRA notice, and Arkansas' vendor.

Every row was written down from the statute its comment cites before the engine was run. "Read"
marks a provision whose words were read at this review (an official code site, or a statute
transcription where no official page could be had); the others follow the wording quoted in the
rule's notes from the earlier audit, not re-read. One breach of name and Social Security number,
high risk, discovered on Monday 2 March 2026 at 16:00 UTC (`law_cases.breach`); only the
recipients owed in the place looked at are compared. Mississippi (Miss. Code 75-24-29: residents
only, no regulator or CRA notice) carries the people of other states where a row needs a large
total without adding notices elsewhere that matter.

Reading of "more than N persons at one time" (the usual CRA wording): the persons notified under
the section, i.e. the state's residents - except where the statute counts the people the breach
affects wherever they live (README: Texas 521.053(h), North Dakota 51-30-02; and, at this review,
Arkansas 4-110-105(b)(2)).
"""

import pytest

from tests.unit.law_cases import breach, recipients_in

IND, AG, CRA = "individuals", "attorney_general", "consumer_reporting_agencies"
AGENCY, CTRL = "state_agency", "controller"

SAFEGUARDS = ("glba_financial_institution", "ftc_safeguards_financial_institution")

# (place looked at, people affected by place, options for `breach`, recipients owed in the place)
ROWS = [
    # ---------------------------------------------------------------- CRA: "more than 1,000"
    # One person short of the CRA threshold in the states `test_independent_cases_2026d2.py`
    # ("cra-thresholds-on-the-line") does not try; the row one above is in the 2026e table.
    # C.R.S. 6-1-716(2)(f): Attorney General from 500 Colorado residents; (2)(d): CRAs above
    # 1,000 Colorado residents.
    ("US-CO", {"US-CO": 1000}, {}, {IND, AG}),
    # Fla. Stat. 501.171(3): Department of Legal Affairs from 500 individuals in this state;
    # 501.171(5): CRAs above 1,000 individuals at a single time.
    ("US-FL", {"US-FL": 1000}, {}, {IND, AGENCY}),
    # N.C.G.S. 75-65(e1): the Consumer Protection Division whenever notice is given; (f) (read in
    # a quotation of the enacted text): CRAs "to more than 1,000 persons at one time".
    ("US-NC", {"US-NC": 1000}, {}, {IND, AG}),
    # Both sides for Oregon, which no table tried. ORS 646A.604(1)(b): Attorney General above 250
    # consumers; 646A.604(6): CRAs above 1,000 consumers.
    ("US-OR", {"US-OR": 1000}, {}, {IND, AG}),
    ("US-OR", {"US-OR": 1001}, {}, {IND, AG, CRA}),
    # ------------------------------------------------------ CRA thresholds other than ">1,000"
    # Md. Com. Law 14-3506(a): "1,000 or more individuals" (999: not yet); 14-3504(h): the
    # Attorney General before the individuals, any number.
    ("US-MD", {"US-MD": 999}, {}, {IND, AG}),
    # Wis. Stat. 134.98(2)(br): "1,000 or more individuals" as the result of a single incident.
    ("US-WI", {"US-WI": 999}, {}, {IND}),
    # Utah Code 13-44-202: the Attorney General and the Utah Cyber Center from 500 Utah
    # residents, the CRAs from 1,000 (999: not yet).
    ("US-UT", {"US-UT": 999}, {}, {IND, AG, AGENCY}),
    # --------------------------------------------- thresholds counted over the whole breach
    # Tex. Bus. & Com. Code 521.053(h): "more than 10,000 persons" notified at one time under the
    # section, which reaches "any individual" (README): 100 Texans among 10,000 people notified in
    # all is not more than 10,000; 10,001 is. The Attorney General needs 250 Texans (521.053(i)).
    ("US-TX", {"US-TX": 100, "US-MS": 9900}, {}, {IND}),
    ("US-TX", {"US-TX": 100, "US-MS": 9901}, {}, {IND, CRA}),
    # N.D.C.C. 51-30-02: "any breach ... which exceeds two hundred fifty individuals" (README:
    # counted over the breach): 10 North Dakotans among 250 people, then among 251.
    ("US-ND", {"US-ND": 10, "US-MS": 240}, {}, {IND}),
    ("US-ND", {"US-ND": 10, "US-MS": 241}, {}, {IND, AG}),
    # Ark. Code 4-110-105(b)(2) (Act 1030 of 2019; read in a statute transcription): "If a breach
    # of the security of a system affects the personal information of more than one thousand
    # (1,000) individuals", the Attorney General is told. Like North Dakota's, the count is of
    # individuals, not residents (the subsection's residents' notice, (a)(1), says "resident of
    # Arkansas"; this one does not): 10 Arkansans among 1,001 people.
    ("US-AR", {"US-AR": 10, "US-MS": 990}, {}, {IND}),
    ("US-AR", {"US-AR": 10, "US-MS": 991}, {}, {IND, AG}),
    # ------------------------------------------------ no CRA notice however large the breach
    # Cal. Civ. Code 1798.82(f): a sample copy to the Attorney General above 500 residents; no
    # CRA notice in 1798.82.
    ("US-CA", {"US-CA": 5000}, {}, {IND, AG}),
    # Conn. Gen. Stat. 36a-701b(b): the Attorney General not later than the residents; no CRA
    # notice.
    ("US-CT", {"US-CT": 5000}, {}, {IND, AG}),
    # 6 Del. C. 12B-102(d): the Attorney General above 500 residents; no CRA notice.
    ("US-DE", {"US-DE": 5000}, {}, {IND, AG}),
    # 815 ILCS 530/10(e): the Attorney General above 500 Illinois residents; 530/10 has no CRA
    # notice for a data collector (530/12(d)'s CRA notice binds State agencies).
    ("US-IL", {"US-IL": 5000}, {}, {IND, AG}),
    # Iowa Code 715C.2(8): the consumer protection division above 500 residents; no CRA notice.
    ("US-IA", {"US-IA": 5000}, {}, {IND, AG}),
    # La. R.S. 51:3074 and LAC 16:III.701: the Attorney General, any number; no CRA notice.
    ("US-LA", {"US-LA": 5000}, {}, {IND, AG}),
    # Miss. Code 75-24-29: the residents only.
    ("US-MS", {"US-MS": 5000}, {}, {IND}),
    # MCA 30-14-1704(8): a copy to the Attorney General's Office of Consumer Protection; the
    # CRA coordination of 30-14-1704(7) arises only when the notice points people to a CRA
    # (not a notice of its own).
    ("US-MT", {"US-MT": 5000}, {}, {IND, AG}),
    # Neb. Rev. Stat. 87-803(2): the Attorney General not later than the residents; no CRA notice.
    ("US-NE", {"US-NE": 5000}, {}, {IND, AG}),
    # N.D.C.C. 51-30-02: the Attorney General above 250; no CRA notice.
    ("US-ND", {"US-ND": 5000}, {}, {IND, AG}),
    # 24 O.S. 163 (SB 626 of 2025, from 1 January 2026): the Attorney General from 500 residents;
    # no CRA notice in 161-166.
    ("US-OK", {"US-OK": 5000}, {}, {IND, AG}),
    # RCW 19.255.010(7): the Attorney General above 500 Washington residents; no CRA notice.
    ("US-WA", {"US-WA": 5000}, {}, {IND, AG}),
    # Wyo. Stat. 40-12-502: the residents only.
    ("US-WY", {"US-WY": 5000}, {}, {IND}),
    # Idaho Code 28-51-105: the residents; the Attorney General only for a public agency.
    ("US-ID", {"US-ID": 5000}, {}, {IND}),
    # Ark. Code 4-110-105: the Attorney General above 1,000 individuals; no CRA notice.
    ("US-AR", {"US-AR": 5000}, {}, {IND, AG}),
    # 9 GCA 48-30 (Guam) and 14 V.I.C. 2208 (Virgin Islands): the residents only.
    ("US-GU", {"US-GU": 5000}, {}, {IND}),
    ("US-VI", {"US-VI": 5000}, {}, {IND}),
    # 10 L.P.R.A. 4052 (Law 111-2005 art 4): DACO within 10 days, any number; no CRA notice.
    ("US-PR", {"US-PR": 5000}, {}, {IND, AGENCY}),
    # ----------------------------------------------------------- notices owed at any number
    # SDCL 22-40-24: "In addition to the notice required under this chapter", all CRAs, any
    # number; 22-40-20: the Attorney General only above 250 residents.
    ("US-SD", {"US-SD": 1}, {}, {IND, CRA}),
    # --------------------------------------------------- CRA notices and GLBA institutions
    # AS 45.48.040(c) (read): the CRA section "does not apply to an information collector who is
    # subject to the Gramm-Leach-Bliley Financial Modernization Act" - a non-bank under the FTC
    # Safeguards Rule still tells the residents.
    ("US-AK", {"US-AK": 1001}, {"subject_to": SAFEGUARDS}, {IND}),
    # MCL 445.72(8): the CRA subsection does not apply if "the person or agency is subject to 15
    # USC 6801 to 6809" (Title V of GLBA) - status, so every GLBA institution, the non-bank
    # under the FTC Safeguards Rule included; its residents' notice stays (the deemed compliance
    # of 445.72(10) is for institutions under the banking agencies' interagency guidance).
    ("US-MI", {"US-MI": 1001}, {"subject_to": SAFEGUARDS}, {IND}),
    # --------------------------------------------------------------- vendors (role processor)
    # Ark. Code 4-110-105(b)(1)-(2) (read in a statute transcription): the Attorney General notice
    # of (b)(2) binds "the person or business required to make a disclosure of the security
    # breach under subdivision (b)(1)" - the vendor, which maintains data it does not own and
    # tells the owner. Reading: literal; the owner's notice (US-AR-AG) is kept as well.
    ("US-AR", {"US-AR": 1000}, {"role": "processor"}, {CTRL}),
    ("US-AR", {"US-AR": 1001}, {"role": "processor"}, {CTRL, AG}),
]


def _row_id(place, affected, options, owed):
    counts = "+".join(f"{k}:{v}" for k, v in affected.items())
    return "-".join([place, counts, *(str(options.get(k)) for k in ("role",) if k in options)]) + (
        "-glba" if "subject_to" in options else ""
    )


@pytest.mark.parametrize(
    ("place", "affected", "options", "owed"),
    ROWS,
    ids=[_row_id(*r) for r in ROWS],
)
def test_secondary_recipients_at_the_threshold(clocks, place, affected, options, owed):
    out = clocks(breach(affected, **options))
    assert recipients_in(out, place) == owed
