"""Which data elements trigger each US state's (and territory's) breach law: the statute's
definition of "personal information", row by row.

Each row was written down from the definition section it cites before the engine was run: the
data taken (facts vocabulary) and whether the residents' notice is owed. Rows sit on the edges
of each definition - an element that needs the name, with and without it; an element that
stands alone; an element the statute does not list. Where the facts vocabulary is coarser than
the statute (a state ID card is `national_id`; "account number with its code" is
`financial_account` / `payment_card`, the code not being recorded), the row follows the rule
book's conservative reading, said in the comment.

The structure of each duty (recipients, thresholds) is `test_duty_structure.py`; here only
the individuals' notice is checked, ten residents, high risk, so thresholds and harm tests
play no part.
"""

from datetime import date

import pytest

from tests.unit.law_cases import breach


def _facts(place, data):
    return breach({place: 10}, data=data)


def _residents_told(out, place):
    return any(
        o["recipient"] == "individuals" and o["jurisdiction"] == place for o in out.owed.values()
    )


N = "name"
OWED, NOT = True, False

# (place, data taken, residents' notice owed)
ROWS = [
    # Alaska, AS 45.48.090(7): the individual's name with (i) SSN, (ii) driver's licence or state
    # identification card number, (iii)-(iv) account/card number, (v) passwords, PINs or access
    # codes for financial accounts. Nothing stands alone; no medical element.
    ("US-AK", [N, "national_id"], OWED),
    ("US-AK", [N, "account_credentials"], OWED),
    ("US-AK", ["account_credentials"], NOT),
    ("US-AK", [N, "medical"], NOT),
    # Alabama, Ala. Code 8-38-2(6): first name or initial and last name with 1. SSN or tax ID;
    # 2. driver's licence, state-issued ID, passport, military or other government ID number;
    # 3. financial account + code; 4. medical; 5. health insurance; 6. user name or e-mail with
    # password - every element, credentials included, needs the name.
    ("US-AL", [N, "national_id"], OWED),
    ("US-AL", [N, "tax_id"], OWED),
    ("US-AL", [N, "account_credentials"], OWED),
    ("US-AL", ["account_credentials"], NOT),
    ("US-AL", [N, "biometric"], NOT),
    # Arizona, A.R.S. 18-551(7), (14): name with a specified data element (incl. "an individual's
    # health insurance identification number", passport, taxpayer ID, biometric data); or a user
    # name or e-mail with password alone.
    ("US-AZ", [N, "health_insurance"], OWED),
    ("US-AZ", [N, "tax_id"], OWED),
    ("US-AZ", ["account_credentials"], OWED),
    ("US-AZ", ["ssn"], NOT),
    ("US-AZ", [N, "genetic"], NOT),
    # Arkansas, Ark. Code 4-110-103(7): name with SSN; driver's licence or state identification
    # card number; account/card + code; medical information; biometric data. No credentials.
    ("US-AR", [N, "national_id"], OWED),
    ("US-AR", [N, "biometric"], OWED),
    ("US-AR", [N, "account_credentials"], NOT),
    ("US-AR", [N, "health_insurance"], NOT),
    # California, Cal. Civ. Code 1798.82(h)(1)(B): "driver's license number, California
    # identification card number, tax identification number, passport number, military
    # identification number, or other unique identification number issued on a government
    # document"; (G) genetic data; (2) user name or e-mail with password alone.
    ("US-CA", [N, "tax_id"], OWED),
    ("US-CA", [N, "genetic"], OWED),
    ("US-CA", ["account_credentials"], OWED),
    ("US-CA", ["tax_id"], NOT),
    ("US-CA", [N, "date_of_birth"], NOT),
    # Colorado, C.R.S. 6-1-716(1)(g)(I): (A) name with SSN; student, military or passport ID;
    # driver's licence or ID card; medical; health insurance ID; biometric data; (B) user name or
    # e-mail with password; (C) account or card number with its code - (B), (C) without a name.
    ("US-CO", ["financial_account"], OWED),
    ("US-CO", ["payment_card"], OWED),
    ("US-CO", ["account_credentials"], OWED),
    ("US-CO", [N, "passport"], OWED),
    ("US-CO", ["ssn"], NOT),
    ("US-CO", [N, "tax_id"], NOT),
    # Connecticut, Conn. Gen. Stat. 36a-701b(a): (A) name with SSN, taxpayer ID, driver's licence or
    # state ID, passport or other government ID, card or account number, medical, health
    # insurance, biometric information, precise geolocation data (2023 SB 1058, from 1 October
    # 2023); (B) user name or e-mail with password alone.
    ("US-CT", [N, "location"], OWED),
    ("US-CT", [N, "tax_id"], OWED),
    ("US-CT", ["account_credentials"], OWED),
    ("US-CT", ["location"], NOT),
    ("US-CT", [N, "genetic"], NOT),
    # Delaware, 6 Del. C. 12B-101(7)a: the name with 1.-9., among them 5. a user name or e-mail with
    # password and 6. medical history or a DNA profile.
    ("US-DE", [N, "account_credentials"], OWED),
    ("US-DE", ["account_credentials"], NOT),
    ("US-DE", [N, "genetic"], OWED),
    ("US-DE", [N, "date_of_birth"], NOT),
    # Florida, Fla. Stat. 501.171(1)(g)1: a. name with (I)-(V) and, from 1 July 2024, (VI) biometric
    # data and (VII) any information regarding geolocation; b. user name or e-mail with password.
    ("US-FL", [N, "biometric"], OWED),
    ("US-FL", [N, "location"], OWED),
    ("US-FL", ["account_credentials"], OWED),
    ("US-FL", [N, "tax_id"], NOT),
    # District of Columbia, D.C. Code 28-3851(3): first name, first initial and last name "or any
    # other personal identifier" (contact details are one) with SSN, ITIN, passport, driver's
    # licence, DC ID, military or other government ID; account number; medical; genetic
    # information and DNA profile; health insurance; biometric data; or a user name or e-mail with
    # password alone.
    ("US-DC", ["contact", "ssn"], OWED),
    ("US-DC", ["contact"], NOT),
    ("US-DC", ["ssn"], NOT),
    ("US-DC", [N, "genetic"], OWED),
    ("US-DC", [N, "tax_id"], OWED),
    ("US-DC", ["account_credentials"], OWED),
    # Georgia, O.C.G.A. 10-1-911(6): name with SSN, driver's licence or state ID, account number +
    # code, account passwords or PINs; or any of them without the name where sufficient to commit
    # identity theft. Not medical.
    ("US-GA", ["ssn"], OWED),
    ("US-GA", [N, "medical"], NOT),
    # Iowa, Iowa Code 715C.1(11): name with SSN; "driver's license number or other unique
    # identification number created or collected by a government body"; financial account + code;
    # routing code + code; unique biometric data. A passport or tax ID number is such a number.
    ("US-IA", [N, "passport"], OWED),
    ("US-IA", [N, "tax_id"], OWED),
    ("US-IA", [N, "medical"], NOT),
    ("US-IA", ["account_credentials"], NOT),
    # Maryland, Md. Code Com. Law 14-3501(e)(1)(i) 1.-2.: SSN, ITIN, passport or other federal ID
    # number; driver's licence or State identification card number; 4. health information;
    # (ii) user name or e-mail with password alone.
    ("US-MD", [N, "national_id"], OWED),
    ("US-MD", [N, "tax_id"], OWED),
    ("US-MD", [N, "medical"], OWED),
    ("US-MD", ["account_credentials"], OWED),
    # ... and genetic information, added by Ch. 502 of 2022 (HB 962) from 1 October 2022 (law-firm
    # summaries; the official text read stopped before that element).
    ("US-MD", [N, "genetic"], OWED),
    ("US-MD", ["ssn"], NOT),
    # Missouri, Mo. Rev. Stat. 407.1500.1(9): name with SSN; driver's licence or other unique
    # identification number created or collected by a government body; account + code; medical
    # information; health insurance information.
    ("US-MO", [N, "passport"], OWED),
    ("US-MO", [N, "health_insurance"], OWED),
    ("US-MO", [N, "biometric"], NOT),
    # Mississippi, Miss. Code 75-24-29(2)(b)(ii): "driver's license number, state identification
    # card number or tribal identification card number".
    ("US-MS", [N, "national_id"], OWED),
    ("US-MS", [N, "medical"], NOT),
    ("US-MS", ["national_id"], NOT),
    # Nevada, NRS 603A.040(1): name with (a) SSN; (b) driver's licence, driver authorization card
    # or identification card number; (d) medical or health insurance identification number;
    # (e) user name, unique identifier or e-mail with password - the name is needed for all.
    ("US-NV", [N, "account_credentials"], OWED),
    ("US-NV", ["account_credentials"], NOT),
    ("US-NV", [N, "health_insurance"], OWED),
    ("US-NV", [N, "biometric"], NOT),
    # New Hampshire, RSA 359-C:19, IV: name with SSN; "driver's license number or other government
    # identification number"; account/card + code.
    ("US-NH", [N, "passport"], OWED),
    ("US-NH", [N, "medical"], NOT),
    # New Mexico, NMSA 57-12C-2(C): name with SSN; driver's licence; government-issued
    # identification number; account/card + code; biometric data.
    ("US-NM", [N, "passport"], OWED),
    ("US-NM", [N, "biometric"], OWED),
    ("US-NM", [N, "medical"], NOT),
    # New Jersey, N.J.S.A. 56:8-161: first name or initial and last name linked with (1) SSN,
    # (2) driver's licence or State ID card, (3) account or card number + code, (4) user name,
    # e-mail or other account holder identifying information with password.
    ("US-NJ", [N, "account_credentials"], OWED),
    ("US-NJ", ["account_credentials"], NOT),
    ("US-NJ", [N, "medical"], NOT),
    # New York, Gen. Bus. Law 899-aa(1)(b): personal information with SSN; "driver's license number
    # or non-driver identification card number"; account number; biometric information; medical
    # and health insurance information (from 21 March 2025); or user name / e-mail + password.
    ("US-NY", [N, "national_id"], OWED),
    ("US-NY", [N, "health_insurance"], OWED),
    ("US-NY", ["account_credentials"], OWED),
    ("US-NY", [N, "passport"], NOT),
    # North Carolina, N.C.G.S. 75-61(10) with 14-113.20(b): the name with identifying information;
    # e-mail names, Internet account names and passwords only if they permit access to financial
    # resources - never without the name.
    ("US-NC", [N, "account_credentials"], OWED),
    ("US-NC", ["account_credentials"], NOT),
    ("US-NC", [N, "passport"], OWED),
    ("US-NC", [N, "medical"], NOT),
    # Oregon, ORS 646A.602(12)(a): (A) name with SSN, driver's licence or state ID, passport or
    # other identification number issued by the United States, account + code, biometric data,
    # health insurance, medical information; (B) user name or e-mail with password; (C) any of
    # the data elements without the name if it would enable a person to assume the identity.
    ("US-OR", ["ssn"], OWED),
    ("US-OR", ["payment_card"], OWED),
    ("US-OR", [N, "tax_id"], OWED),
    ("US-OR", ["account_credentials"], OWED),
    ("US-OR", [N, "genetic"], NOT),
    # Pennsylvania, 73 P.S. 2302 "personal information" (1): the name "in combination with and
    # linked to" (i)-(vi), the user name or e-mail with password being (vi).
    ("US-PA", [N, "account_credentials"], OWED),
    ("US-PA", ["account_credentials"], NOT),
    ("US-PA", [N, "health_insurance"], OWED),
    ("US-PA", [N, "biometric"], NOT),
    # Puerto Rico, 10 L.P.R.A. 4051: name or initial and surname with SSN; driver's licence, voter
    # ID or other official identification; bank account numbers; user names and passwords or
    # access codes to information systems; HIPAA medical information; tax information.
    ("US-PR", [N, "account_credentials"], OWED),
    ("US-PR", ["account_credentials"], NOT),
    ("US-PR", [N, "tax_id"], OWED),
    ("US-PR", [N, "biometric"], NOT),
    # Rhode Island, R.I. Gen. Laws 11-49.3-3(a)(8): name with ... (vi) e-mail address with a code
    # or password for a personal, medical, insurance or financial account.
    ("US-RI", [N, "account_credentials"], OWED),
    ("US-RI", ["account_credentials"], NOT),
    ("US-RI", [N, "medical"], OWED),
    # South Carolina, S.C. Code 39-1-90(D)(3)(d): "numbers or information issued by a governmental
    # or regulatory entity that uniquely will identify an individual".
    ("US-SC", [N, "passport"], OWED),
    ("US-SC", [N, "tax_id"], OWED),
    ("US-SC", [N, "medical"], NOT),
    # South Dakota, SDCL 22-40-19(4): name with SSN; driver licence or other unique government ID;
    # account + code; health information; employer ID with code, password or biometric data;
    # (5) protected information without a name: user name or e-mail + password, account number
    # + code. Biometric data counts only with an employer ID number.
    ("US-SD", ["account_credentials"], OWED),
    ("US-SD", ["financial_account"], OWED),
    ("US-SD", [N, "passport"], OWED),
    ("US-SD", [N, "biometric"], NOT),
    ("US-SD", ["ssn"], NOT),
    # Texas, Tex. Bus. & Com. Code 521.002(a)(2): (A) name with SSN; driver's licence or
    # government-issued identification number; account + code; (B) information that identifies an
    # individual and relates to health, health care or payment for it - no name needed.
    ("US-TX", ["medical"], OWED),
    ("US-TX", ["health_insurance"], OWED),
    ("US-TX", [N, "passport"], OWED),
    ("US-TX", ["ssn"], NOT),
    ("US-TX", [N, "account_credentials"], NOT),
    # Vermont, 9 V.S.A. 2430(10)(A)(ii): "individual taxpayer identification number, passport
    # number, military identification card number, or other identification number that
    # originates from a government identification document"; (8) login credentials alone.
    ("US-VT", [N, "tax_id"], OWED),
    ("US-VT", [N, "genetic"], OWED),
    ("US-VT", ["account_credentials"], OWED),
    ("US-VT", ["tax_id"], NOT),
    # US Virgin Islands, 14 V.I.C. 2208: name with SSN, driver's licence number, account or card
    # number + code - nothing else.
    ("US-VI", [N, "drivers_license"], OWED),
    ("US-VI", [N, "medical"], NOT),
    ("US-VI", ["ssn"], NOT),
    # Washington, RCW 19.255.005(2)(a): (i) name with SSN, driver's licence, account + code, full
    # date of birth, student/military/passport ID, health insurance, medical, biometric; (ii) user
    # name or e-mail + password; (iii) any element without the name if it would enable identity
    # theft.
    ("US-WA", ["ssn"], OWED),
    ("US-WA", ["passport"], OWED),
    ("US-WA", [N, "date_of_birth"], OWED),
    ("US-WA", ["date_of_birth"], NOT),
    ("US-WA", [N, "genetic"], NOT),
    # Wyoming, Wyo. Stat. 40-12-501(a)(vii) with 6-3-901(b)(iii)-(xiv): the name with SSN, driver's
    # licence, account + code, tribal or government-issued ID card, user name or e-mail +
    # password, medical, health insurance, biometric data, ITIN - every element needs the name.
    ("US-WY", [N, "national_id"], OWED),
    ("US-WY", [N, "account_credentials"], OWED),
    ("US-WY", ["account_credentials"], NOT),
    ("US-WY", [N, "tax_id"], OWED),
    # Definitions this audit checked and left as they were.
    # Guam, 9 GCA 48.20: name linked to SSN; driver's licence or Guam ID card number; financial
    # account or card number + code.
    ("US-GU", [N, "national_id"], OWED),
    ("US-GU", [N, "passport"], NOT),
    # Hawaii, HRS 487N-1: name with SSN; driver's licence or Hawaii ID card number; account or card
    # number, access code or password.
    ("US-HI", [N, "national_id"], OWED),
    ("US-HI", [N, "medical"], NOT),
    # Idaho, Idaho Code 28-51-104(5): name with SSN; driver's licence or Idaho ID card; account or
    # card number + code.
    ("US-ID", [N, "drivers_license"], OWED),
    ("US-ID", [N, "biometric"], NOT),
    # Illinois, 815 ILCS 530/5: (1) name with SSN; driver's licence or state ID; account or card
    # number; medical information; health insurance information; unique biometric data; (2) user
    # name or e-mail with password alone.
    ("US-IL", [N, "health_insurance"], OWED),
    ("US-IL", ["account_credentials"], OWED),
    ("US-IL", [N, "passport"], NOT),
    # Indiana, IC 24-4.9-2-10: an unencrypted SSN alone; or the name with a driver's licence or
    # state ID, a credit card, or a financial account or debit card number + code.
    ("US-IN", ["ssn"], OWED),
    ("US-IN", ["drivers_license"], NOT),
    ("US-IN", [N, "drivers_license"], OWED),
    # Kansas, K.S.A. 50-7a01(g): name linked to SSN; driver's licence or state ID; account or card
    # number.
    ("US-KS", [N, "national_id"], OWED),
    ("US-KS", [N, "medical"], NOT),
    # Kentucky, KRS 365.732(1)(c): name with SSN; driver's licence number; account or card number +
    # code - no state ID card.
    ("US-KY", [N, "drivers_license"], OWED),
    ("US-KY", [N, "national_id"], NOT),
    # Louisiana, La. R.S. 51:3073(4)(a): name with SSN; driver's licence or state ID; account or
    # card number + code; passport number; biometric data.
    ("US-LA", [N, "passport"], OWED),
    ("US-LA", [N, "biometric"], OWED),
    ("US-LA", [N, "medical"], NOT),
    # Maine, 10 M.R.S. 1347(6): name with SSN, driver's licence or state ID, account number, account
    # passwords or PINs; or any of them without the name if enough for identity theft.
    ("US-ME", ["ssn"], OWED),
    ("US-ME", [N, "medical"], NOT),
    # Massachusetts, M.G.L. c. 93H s 1: name with SSN; driver's licence or state-issued ID;
    # financial account or card number.
    ("US-MA", [N, "payment_card"], OWED),
    ("US-MA", [N, "passport"], NOT),
    # Michigan, MCL 445.63(r): name linked to SSN; driver's licence or state personal ID card;
    # demand deposit, financial account or card number + code.
    ("US-MI", [N, "national_id"], OWED),
    ("US-MI", ["account_credentials"], NOT),
    # Minnesota, Minn. Stat. 325E.61 subd. 1(e): name with SSN; driver's licence or Minnesota ID
    # card; account or card number + code.
    ("US-MN", [N, "financial_account"], OWED),
    ("US-MN", [N, "medical"], NOT),
    # Montana, MCA 30-14-1704(4)(b): name with SSN; driver's licence, state or tribal ID; account
    # or card number + code; medical record information; taxpayer ID; IRS identity protection PIN.
    ("US-MT", [N, "tax_id"], OWED),
    ("US-MT", [N, "medical"], OWED),
    ("US-MT", [N, "biometric"], NOT),
    # North Dakota, N.D.C.C. 51-30-01(4): name with SSN; driver's licence or nondriver photo ID;
    # account or card number + code; date of birth; mother's maiden name; medical information;
    # health insurance information; employer ID + code; electronic signature.
    ("US-ND", [N, "date_of_birth"], OWED),
    ("US-ND", [N, "health_insurance"], OWED),
    ("US-ND", [N, "biometric"], NOT),
    # Nebraska, Neb. Rev. Stat. 87-802(5): (a) name with SSN; driver's licence or state ID; account
    # or card number + code; electronic identifier or routing code + code; unique biometric data;
    # (b) user name or e-mail with password alone.
    ("US-NE", [N, "biometric"], OWED),
    ("US-NE", ["account_credentials"], OWED),
    ("US-NE", [N, "medical"], NOT),
    # Ohio, R.C. 1349.19(A)(7): name linked to SSN; driver's licence or state ID; account or card
    # number + code.
    ("US-OH", [N, "ssn"], OWED),
    ("US-OH", ["ssn"], NOT),
    # Tennessee, Tenn. Code 47-18-2107(a)(3): name with SSN; driver licence number; account or card
    # number + code.
    ("US-TN", [N, "drivers_license"], OWED),
    ("US-TN", [N, "passport"], NOT),
    # Utah, Utah Code 13-44-102(4): name with SSN; financial account or card number + code; driver
    # licence or state ID card number.
    ("US-UT", [N, "national_id"], OWED),
    ("US-UT", [N, "medical"], NOT),
    # Virginia, Va. Code 18.2-186.6(A): name linked to SSN; driver's licence or state ID; account or
    # card number + code; military ID number; passport number.
    ("US-VA", [N, "passport"], OWED),
    ("US-VA", [N, "biometric"], NOT),
    # Wisconsin, Wis. Stat. 134.98(1)(b): name with SSN; driver's licence or state ID; financial
    # account number + code; DNA profile; unique biometric data.
    ("US-WI", [N, "genetic"], OWED),
    ("US-WI", [N, "biometric"], OWED),
    ("US-WI", [N, "medical"], NOT),
    # West Virginia, W. Va. Code 46A-2A-101(6): name linked to SSN; driver's licence or state ID;
    # account or card number + code.
    ("US-WV", [N, "national_id"], OWED),
    ("US-WV", [N, "passport"], NOT),
]


@pytest.mark.parametrize(("place", "data", "owed"), ROWS)
def test_personal_information_definition(clocks, place, data, owed):
    out = clocks(_facts(place, data))
    assert _residents_told(out, place) is owed


def _facts_on(place, data, discovered):
    facts = _facts(place, data)
    facts["events"] = {"discovered_at": discovered}
    return facts


# (place, data taken, discovery in the state's zone, residents' notice owed) - the day before and
# the day an amendment adding the element came into force; the rule version in force on the day
# decides.
AMENDMENT_DAYS = [
    # New York 899-aa(1)(b)(v)-(vi): medical and health insurance information from 21 March 2025.
    ("US-NY", [N, "medical"], "2025-03-20T12:00:00-04:00", NOT),
    ("US-NY", [N, "medical"], "2025-03-21T12:00:00-04:00", OWED),
    # Florida 501.171(1)(g)1.a(VI)-(VII) (2023 SB 262 s 25): biometric data and geolocation from
    # 1 July 2024.
    ("US-FL", [N, "biometric"], "2024-06-30T12:00:00-04:00", NOT),
    ("US-FL", [N, "biometric"], "2024-07-01T12:00:00-04:00", OWED),
    ("US-FL", [N, "location"], "2024-07-01T12:00:00-04:00", OWED),
    # Connecticut 36a-701b(a) (2023 SB 1058 s 4): precise geolocation data from 1 October 2023.
    ("US-CT", [N, "location"], "2023-09-30T12:00:00-04:00", NOT),
    ("US-CT", [N, "location"], "2023-10-01T12:00:00-04:00", OWED),
    # Pennsylvania 73 P.S. 2302 (Act 151 of 2022): medical, health insurance and online credentials
    # from 2 May 2023.
    ("US-PA", [N, "account_credentials"], "2023-05-01T12:00:00-04:00", NOT),
    ("US-PA", [N, "account_credentials"], "2023-05-02T12:00:00-04:00", OWED),
    ("US-PA", [N, "health_insurance"], "2023-05-02T12:00:00-04:00", OWED),
    # Oklahoma 24 O.S. 162(6) (SB 626 of 2025): unique biometric data from 1 January 2026.
    ("US-OK", [N, "biometric"], "2025-12-31T12:00:00-06:00", NOT),
    ("US-OK", [N, "biometric"], "2026-01-01T12:00:00-06:00", OWED),
]


@pytest.mark.parametrize(("place", "data", "discovered", "owed"), AMENDMENT_DAYS)
def test_elements_count_from_the_amendment(clocks, place, data, discovered, owed):
    out = clocks(_facts_on(place, data, discovered))
    assert _residents_told(out, place) is owed


# Rules of a state's breach law that do not follow its definition of personal information: Idaho's
# public-agency notice (any incident, Idaho Code 28-51-105(1)) and New York's copies of a HIPAA
# covered entity's HHS notice (899-aa(9): medical and health insurance information), and Virginia's
# payroll notice (18.2-186.6(M): a taxpayer identification number with the income tax withheld).
OWN_DEFINITION = {"US-ID-AG-PUBLIC", "US-NY-AG-HIPAA", "US-NY-AG-HIPAA-LOG", "US-VA-PAYROLL-AG"}


def _overlap(a, b):
    start = max(a.effective_from or date.min, b.effective_from or date.min)
    end = min(a.effective_to or date.max, b.effective_to or date.max)
    return start <= end


def test_every_duty_of_a_state_breach_law_shares_its_definition(shipped):
    # One definition per statute: the attorney general's, the consumer reporting agencies' and the
    # vendor's notices are owed for the same data as the residents' notice, version by version.
    residents = {}
    for rule in shipped.rules:
        state = len(rule.code) == len("US-XX-IND")  # not the federal US-FISMA-IND
        if state and rule.code.startswith("US-") and rule.code.endswith("-IND"):
            residents.setdefault(rule.regime_code, []).append(rule)
    assert len(residents) >= 50
    differing = [
        (rule.code, rule.version, ind.version)
        for rule in shipped.rules
        if rule.regime_code in residents and rule.code not in OWN_DEFINITION
        for ind in residents[rule.regime_code]
        if _overlap(rule, ind) and rule.data_condition != ind.data_condition
    ]
    assert differing == []
