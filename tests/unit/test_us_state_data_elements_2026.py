"""Which single kinds of data make "personal information" under each US state's, the District of
Columbia's and the territories' breach laws: the elements where the states differ.

`test_personal_information_definitions.py` holds the first audit of these definitions (the
edges of each list). This table adds, per jurisdiction, the elements that audit did not test:
medical and health insurance information, biometric and genetic data, a date of birth, passport,
military or taxpayer numbers, online credentials with and without the name, and what stands as
"the name". Every row was written down from the definition it cites before the engine was run: a
breach of the name (`N`) with exactly one other kind of data, ten residents, high risk, and
whether the residents' notice is owed. A comment marked "(read)" quotes the statute's text as read
at this review (the official site or a statute transcription); "(summary)" means only a law
firm's or regulator's summary could be read, and the rule's confidence stays medium; rows with
neither follow the definition quoted in the rule's notes from the earlier audit, not re-read.

The facts vocabulary is coarser than the statutes: "account number with its code" is
`financial_account`; a password "that would permit access to an individual's financial account"
is `account_credentials`, the facts not saying which account the credentials open (the rule
book's conservative reading, as for Alaska, Georgia, Maine and North Carolina); a state ID card is
`national_id`; contact details stand for "any other personal identifier". Military ID numbers,
a mother's maiden name, employer ID numbers, electronic signatures and birth or marriage
certificates had no category of their own: `test_us_state_data_elements_2026b.py` tests them.
"""

import pytest

from tests.unit.law_cases import breach, recipients_in

N = "name"
OWED, NOT = True, False
IND, AG, CRA = "individuals", "attorney_general", "consumer_reporting_agencies"
AGENCY = "state_agency"


def _residents_told(out, place):
    return IND in recipients_in(out, place)


# (place, data taken, residents' notice owed)
ROWS = [
    # Alaska, AS 45.48.090(7): name with SSN; driver's licence or state ID; account or card number
    # (with the code where one is needed); passwords, PINs or access codes for financial accounts.
    ("US-AK", [N, "passport"], NOT),
    ("US-AK", [N, "health_insurance"], NOT),
    # Alabama, Ala. Code 8-38-2(6)a: name with 2. "driver's license number, state-issued
    # identification card number, passport number, military identification number, or other
    # unique identification number issued on a government document"; 4. medical history or
    # condition; 5. health insurance policy or subscriber number; no biometric or genetic element.
    ("US-AL", [N, "passport"], OWED),
    ("US-AL", [N, "health_insurance"], OWED),
    ("US-AL", [N, "genetic"], NOT),
    # Arkansas, Ark. Code 4-110-103(7) (read): name with (D) medical information ((5): "any
    # individually identifiable information ... regarding the individual's medical history or
    # medical treatment or diagnosis by a healthcare professional") and (E) biometric data; no
    # passport or health insurance element.
    ("US-AR", [N, "medical"], OWED),
    ("US-AR", [N, "passport"], NOT),
    ("US-AR", [N, "tax_id"], NOT),
    # Arizona, A.R.S. 18-551(11) "specified data element": health insurance ID; "information about
    # an individual's medical or mental health treatment or diagnosis by a health care
    # professional"; passport; taxpayer ID or IRS identity PIN; unique biometric data. No date of
    # birth.
    ("US-AZ", [N, "medical"], OWED),
    ("US-AZ", [N, "biometric"], OWED),
    ("US-AZ", [N, "date_of_birth"], NOT),
    # California, Cal. Civ. Code 1798.82(h)(1): (D) medical information, (E) health insurance
    # information, (F) unique biometric data; no geolocation element.
    ("US-CA", [N, "health_insurance"], OWED),
    ("US-CA", [N, "biometric"], OWED),
    ("US-CA", [N, "location"], NOT),
    # Colorado, C.R.S. 6-1-716(1)(g)(I)(A): medical information, health insurance ID number,
    # biometric data; no genetic element.
    ("US-CO", [N, "medical"], OWED),
    ("US-CO", [N, "biometric"], OWED),
    ("US-CO", [N, "genetic"], NOT),
    # Connecticut, Conn. Gen. Stat. 36a-701b(a): health insurance and biometric information among
    # the name-linked elements; no date of birth.
    ("US-CT", [N, "health_insurance"], OWED),
    ("US-CT", [N, "biometric"], OWED),
    ("US-CT", [N, "date_of_birth"], NOT),
    # District of Columbia, D.C. Code 28-3851(3)(A)(i): health insurance, biometric data; no date of
    # birth; "or any other personal identifier" stands for the name.
    ("US-DC", [N, "health_insurance"], OWED),
    ("US-DC", ["contact", "biometric"], OWED),
    ("US-DC", [N, "date_of_birth"], NOT),
    # Delaware, 6 Del. C. 12B-101(7)a: 4. passport number; 7. health insurance; 8. unique biometric
    # data; 9. individual taxpayer identification number; no geolocation.
    ("US-DE", [N, "passport"], OWED),
    ("US-DE", [N, "biometric"], OWED),
    ("US-DE", [N, "tax_id"], OWED),
    ("US-DE", [N, "location"], NOT),
    # Florida, Fla. Stat. 501.171(1)(g)1.a: (II) passport or military ID number; (V) health
    # insurance policy number; no genetic element.
    ("US-FL", [N, "passport"], OWED),
    ("US-FL", [N, "health_insurance"], OWED),
    ("US-FL", [N, "genetic"], NOT),
    # Georgia, O.C.G.A. 10-1-911(6): (A)-(D) without the name where enough for identity theft; no
    # passport or medical element.
    ("US-GA", ["drivers_license"], OWED),
    ("US-GA", [N, "passport"], NOT),
    # Guam, 9 GCA 48.20: name with SSN, driver's licence or Guam ID, account or card number + code.
    ("US-GU", [N, "medical"], NOT),
    ("US-GU", [N, "tax_id"], NOT),
    # Hawaii, HRS 487N-1 "personal information" (read): name with (1) SSN; (2) driver's licence or
    # Hawaii identification card number; (3) "Account number, credit or debit card number, access
    # code, or password that would permit access to an individual's financial account". The 2025
    # bill SB 1038 that would widen the list was carried over, not enacted.
    ("US-HI", [N, "account_credentials"], OWED),
    ("US-HI", ["account_credentials"], NOT),
    ("US-HI", [N, "passport"], NOT),
    # Iowa, Iowa Code 715C.1(11): name with (d) "unique electronic identifier or routing code, in
    # combination with any required security code, access code, or password that would permit
    # access to an individual's financial account" and (e) unique biometric data; no health
    # insurance element.
    ("US-IA", [N, "account_credentials"], OWED),
    ("US-IA", [N, "biometric"], OWED),
    ("US-IA", [N, "health_insurance"], NOT),
    # Idaho, Idaho Code 28-51-104(5).
    ("US-ID", [N, "passport"], NOT),
    ("US-ID", [N, "health_insurance"], NOT),
    # Illinois, 815 ILCS 530/5 "personal information" (1): medical information, unique biometric
    # data; no taxpayer number.
    ("US-IL", [N, "medical"], OWED),
    ("US-IL", [N, "biometric"], OWED),
    ("US-IL", [N, "tax_id"], NOT),
    # Indiana, IC 24-4.9-2-10: a credit card number with the name; no passport or medical element.
    ("US-IN", [N, "payment_card"], OWED),
    ("US-IN", ["passport"], NOT),
    ("US-IN", [N, "medical"], NOT),
    # Kansas, K.S.A. 50-7a01(g).
    ("US-KS", [N, "payment_card"], OWED),
    ("US-KS", [N, "passport"], NOT),
    # Kentucky, KRS 365.732(1)(c).
    ("US-KY", [N, "payment_card"], OWED),
    ("US-KY", [N, "medical"], NOT),
    # Louisiana, La. R.S. 51:3073(4)(a): state ID card among the elements; no health insurance.
    ("US-LA", [N, "national_id"], OWED),
    ("US-LA", [N, "health_insurance"], NOT),
    # Massachusetts, M.G.L. c. 93H s 1: "financial account number, or credit or debit card number,
    # with or without any required security code".
    ("US-MA", [N, "financial_account"], OWED),
    ("US-MA", [N, "medical"], NOT),
    # Maryland, Md. Code Com. Law 14-3501(e)(1)(i): passport; health insurance information;
    # biometric data.
    ("US-MD", [N, "passport"], OWED),
    ("US-MD", [N, "health_insurance"], OWED),
    ("US-MD", [N, "biometric"], OWED),
    # Maine, 10 M.R.S. 1347(6): account passwords or PINs, and any element without the name where
    # enough for identity theft.
    ("US-ME", ["drivers_license"], OWED),
    ("US-ME", ["account_credentials"], OWED),
    ("US-ME", [N, "passport"], NOT),
    # Michigan, MCL 445.63(r).
    ("US-MI", [N, "passport"], NOT),
    ("US-MI", [N, "medical"], NOT),
    # Minnesota, Minn. Stat. 325E.61 subd. 1(e): the code is combined with an account number, never
    # an element of its own.
    ("US-MN", [N, "national_id"], OWED),
    ("US-MN", [N, "account_credentials"], NOT),
    # Missouri, Mo. Rev. Stat. 407.1500.1(9): medical information; "unique identification number
    # created or collected by a government body"; no genetic element.
    ("US-MO", [N, "medical"], OWED),
    ("US-MO", [N, "tax_id"], OWED),
    ("US-MO", [N, "genetic"], NOT),
    # Mississippi, Miss. Code 75-24-29(2)(b).
    ("US-MS", [N, "financial_account"], OWED),
    ("US-MS", [N, "passport"], NOT),
    # Montana, MCA 30-14-1704(4)(b) (read in the state-agency twin, 2-6-1501, and summaries): (ii)
    # driver's licence, state or tribal ID "or a similar identification number issued by any
    # state" (not a passport); (iv) "medical record information" (33-19-104: physical or mental
    # condition, medical history, claims history, treatment), not a health insurance number.
    ("US-MT", [N, "national_id"], OWED),
    ("US-MT", [N, "passport"], NOT),
    ("US-MT", [N, "health_insurance"], NOT),
    # North Carolina, N.C.G.S. 75-61(10) with 14-113.20(b): employer taxpayer ID, passport,
    # biometric data, fingerprints; no medical element.
    ("US-NC", [N, "biometric"], OWED),
    ("US-NC", [N, "tax_id"], OWED),
    ("US-NC", [N, "health_insurance"], NOT),
    # North Dakota, N.D.C.C. 51-30-01(4)(a) (summary: Hunton, Mintz): date of birth, mother's maiden
    # name, medical information, health insurance information with the name; no passport.
    ("US-ND", [N, "medical"], OWED),
    ("US-ND", ["date_of_birth"], NOT),
    ("US-ND", [N, "passport"], NOT),
    # Nebraska, Neb. Rev. Stat. 87-802(5).
    ("US-NE", [N, "account_credentials"], OWED),
    ("US-NE", [N, "passport"], NOT),
    ("US-NE", [N, "health_insurance"], NOT),
    # New Hampshire, RSA 359-C:19, IV: "other government identification number".
    ("US-NH", [N, "tax_id"], OWED),
    ("US-NH", [N, "biometric"], NOT),
    # New Jersey, N.J.S.A. 56:8-161.
    ("US-NJ", [N, "biometric"], NOT),
    ("US-NJ", [N, "passport"], NOT),
    # New Mexico, NMSA 57-12C-2(C).
    ("US-NM", [N, "tax_id"], OWED),
    ("US-NM", [N, "health_insurance"], NOT),
    # Nevada, NRS 603A.040(1) (read): "(d) A medical identification number or a health insurance
    # identification number"; no passport or biometric element.
    ("US-NV", [N, "medical"], OWED),
    ("US-NV", [N, "passport"], NOT),
    # New York, Gen. Bus. Law 899-aa(1)(a) (read): "'Personal information' shall mean any
    # information concerning a natural person which, because of name, number, personal mark, or
    # other identifier, can be used to identify such natural person"; (b)(i) private information is
    # personal information "consisting of any information in combination with" (1) SSN ... (5)
    # biometric information. The name is one identifier among others: an e-mail address or
    # telephone number linked to an SSN is private information, as in the District of Columbia.
    ("US-NY", ["contact", "ssn"], OWED),
    ("US-NY", ["contact", "biometric"], OWED),
    ("US-NY", [N, "biometric"], OWED),
    ("US-NY", ["contact"], NOT),
    ("US-NY", [N, "tax_id"], NOT),
    # Ohio, R.C. 1349.19(A)(7).
    ("US-OH", [N, "passport"], NOT),
    ("US-OH", [N, "medical"], NOT),
    # Oklahoma, 24 O.S. 162 as amended by SB 626 of 2025, from 1 January 2026 (summary: RMA's alert
    # quoting it): name with "a unique electronic identifier or routing code in combination with any
    # required security code, access code, or password that would permit access to an individual's
    # financial account" (Iowa's words) and unique biometric data; no medical element.
    ("US-OK", [N, "account_credentials"], OWED),
    ("US-OK", ["account_credentials"], NOT),
    ("US-OK", [N, "medical"], NOT),
    ("US-OK", [N, "passport"], NOT),
    # Oregon, ORS 646A.602(12)(a)(A): biometric data; health insurance policy number.
    ("US-OR", [N, "biometric"], OWED),
    ("US-OR", [N, "health_insurance"], OWED),
    # Pennsylvania, 73 P.S. 2302: (iv) medical information; no taxpayer number.
    ("US-PA", [N, "medical"], OWED),
    ("US-PA", [N, "tax_id"], NOT),
    # Puerto Rico, 10 L.P.R.A. 4051(a) (summary: AICPA's transcription, DACO Reglamento 7376 as
    # quoted by the IAPP): name with (a) SSN; (b) driver's licence, voter ID "or other official
    # identification"; (c) bank or financial account numbers "with or without passwords"; (d) user
    # names and passwords or access codes; (e) "medical information protected by the HIPAA"; (f) tax
    # information; (g) work-related evaluations. Reading: HIPAA's protected health information
    # (45 CFR 160.103) covers payment for health care - a health insurance policy or subscriber
    # number - and, expressly, genetic information.
    ("US-PR", [N, "medical"], OWED),
    ("US-PR", [N, "health_insurance"], OWED),
    ("US-PR", [N, "genetic"], OWED),
    ("US-PR", [N, "location"], NOT),
    # Rhode Island, R.I. Gen. Laws 11-49.3-3(a)(8): (iv) "medical or health insurance information";
    # no passport or biometric element.
    ("US-RI", [N, "health_insurance"], OWED),
    ("US-RI", [N, "passport"], NOT),
    ("US-RI", [N, "biometric"], NOT),
    # South Carolina, S.C. Code 39-1-90(D)(3) (read in 16-13-510(D), which it mirrors, and the
    # AICPA transcription): name with (d) "other numbers or information which may be used to access
    # a person's financial accounts or numbers or information issued by a governmental or
    # regulatory entity that uniquely will identify an individual". A password that opens a
    # financial account is such information.
    ("US-SC", [N, "account_credentials"], OWED),
    ("US-SC", ["account_credentials"], NOT),
    ("US-SC", [N, "biometric"], NOT),
    # South Dakota, SDCL 22-40-19(4) (read): name with (d) "Health information as defined in 45 CFR
    # 160.103": "any information, including genetic information, ... that ... relates to the past,
    # present, or future physical or mental health or condition of an individual; the provision of
    # health care to an individual; or the past, present, or future payment for the provision of
    # health care" - a health insurance policy or subscriber number included.
    ("US-SD", [N, "medical"], OWED),
    ("US-SD", [N, "health_insurance"], OWED),
    ("US-SD", [N, "genetic"], OWED),
    ("US-SD", ["health_insurance"], NOT),
    # Tennessee, Tenn. Code 47-18-2107(a)(3)(A): driver licence only, no state ID card.
    ("US-TN", [N, "national_id"], NOT),
    ("US-TN", [N, "medical"], NOT),
    # Texas, Tex. Bus. & Com. Code 521.002(a)(2) (read): biometric data and the date of birth are
    # "personal identifying information" ((a)(1)), not "sensitive personal information": the
    # breach notice of 521.053 covers only the latter.
    ("US-TX", [N, "national_id"], OWED),
    ("US-TX", [N, "biometric"], NOT),
    ("US-TX", [N, "date_of_birth"], NOT),
    # Utah, Utah Code 13-44-102(4).
    ("US-UT", [N, "passport"], NOT),
    ("US-UT", [N, "biometric"], NOT),
    # Virginia, Va. Code 18.2-186.6(A): name with SSN; driver's licence or state ID; account + code;
    # military ID; passport. The medical-information notice of 32.1-127.1:05 (read) binds only
    # public bodies and "other organizations ... supported wholly or principally by public funds"
    # (not modelled); the payroll notice of 18.2-186.6(M) is a notice to the Attorney General only.
    ("US-VA", [N, "passport"], OWED),
    ("US-VA", [N, "medical"], NOT),
    ("US-VA", [N, "tax_id"], NOT),
    # US Virgin Islands, 14 V.I.C. 2208.
    ("US-VI", [N, "national_id"], NOT),
    ("US-VI", [N, "passport"], NOT),
    # Vermont, 9 V.S.A. 2430(10)(A): (v) unique biometric data; (vii) health records, diagnosis or
    # treatment; health insurance policy number; no geolocation.
    ("US-VT", [N, "biometric"], OWED),
    ("US-VT", [N, "health_insurance"], OWED),
    ("US-VT", [N, "medical"], OWED),
    ("US-VT", [N, "location"], NOT),
    # Washington, RCW 19.255.005(2)(a)(i): biometric data; health insurance policy or ID number; no
    # taxpayer number.
    ("US-WA", [N, "biometric"], OWED),
    ("US-WA", [N, "health_insurance"], OWED),
    ("US-WA", [N, "tax_id"], NOT),
    # Wisconsin, Wis. Stat. 134.98(1)(b).
    ("US-WI", [N, "passport"], NOT),
    ("US-WI", [N, "health_insurance"], NOT),
    # West Virginia, W. Va. Code 46A-2A-101(6).
    ("US-WV", [N, "payment_card"], OWED),
    ("US-WV", [N, "medical"], NOT),
    # Wyoming, Wyo. Stat. 40-12-501(a)(vii) with 6-3-901(b)(iii)-(xiv) (read in a statute
    # transcription and summaries): medical information, health insurance information, unique
    # biometric data; (i) address and (ii) telephone number are not among (iii)-(xiv); no genetic
    # element.
    ("US-WY", [N, "medical"], OWED),
    ("US-WY", [N, "health_insurance"], OWED),
    ("US-WY", [N, "biometric"], OWED),
    ("US-WY", ["contact", "ssn"], NOT),
    ("US-WY", [N, "genetic"], NOT),
]


@pytest.mark.parametrize(("place", "data", "owed"), ROWS)
def test_single_element_breach(clocks, place, data, owed):
    out = clocks(breach({place: 10}, data=data))
    assert _residents_told(out, place) is owed


# An element added by an amendment counts from the day it came into force: (place, data, discovery,
# residents' notice owed).
AMENDMENT_DAYS = [
    # Oklahoma SB 626 of 2025 (24 O.S. 162), in force 1 January 2026.
    ("US-OK", [N, "account_credentials"], "2025-12-31T12:00:00-06:00", NOT),
    ("US-OK", [N, "account_credentials"], "2026-01-01T12:00:00-06:00", OWED),
]


@pytest.mark.parametrize(("place", "data", "discovered", "owed"), AMENDMENT_DAYS)
def test_element_counts_from_the_amendment(clocks, place, data, discovered, owed):
    out = clocks(breach({place: 10}, data=data, discovered=discovered))
    assert _residents_told(out, place) is owed


# The notices that follow the residents' notice share its definition: a breach of the element
# alone, above the regulator's threshold, owes them too. (place, residents, data, recipients owed)
FOLLOWING = [
    # SDCL 22-40-20: the attorney general when more than 250 residents are affected.
    ("US-SD", 300, [N, "health_insurance"], {IND, AG}),
    # N.Y. Gen. Bus. Law 899-aa(8)(a): the Attorney General, Department of State and Division of
    # State Police (with DFS where it applies); (8)(b) the consumer reporting agencies above 5,000.
    ("US-NY", 6000, ["contact", "ssn"], {IND, AG, CRA}),
    # HRS 487N-2(f): the Office of Consumer Protection (a state agency) and the consumer reporting
    # agencies when more than 1,000 persons are notified at one time.
    ("US-HI", 1500, [N, "account_credentials"], {IND, AGENCY, CRA}),
]


@pytest.mark.parametrize(("place", "residents", "data", "owed"), FOLLOWING)
def test_following_notices_share_the_definition(clocks, place, residents, data, owed):
    out = clocks(breach({place: residents}, data=data))
    assert owed <= recipients_in(out, place)


SAFE_KEY = {"encrypted": True, "key_compromised": False}
LOST_KEY = {"encrypted": True, "key_compromised": True}

# The encryption safe harbour applies to the new elements like the old: (place, data, encryption,
# residents' notice owed).
ENCRYPTED = [
    # SDCL 22-40-19(1): "unencrypted computerized data or encrypted computerized data and the
    # encryption key".
    ("US-SD", [N, "health_insurance"], SAFE_KEY, NOT),
    ("US-SD", [N, "health_insurance"], LOST_KEY, OWED),
    # N.Y. Gen. Bus. Law 899-aa(1)(b)(i): "not encrypted, or is encrypted with an encryption key
    # that has also been accessed or acquired".
    ("US-NY", ["contact", "ssn"], SAFE_KEY, NOT),
    ("US-NY", ["contact", "ssn"], LOST_KEY, OWED),
    # HRS 487N-1 ("when either the name or the data elements are not encrypted") and 487N-1
    # "security breach": encrypted records with the key.
    ("US-HI", [N, "account_credentials"], SAFE_KEY, NOT),
    ("US-HI", [N, "account_credentials"], LOST_KEY, OWED),
]


@pytest.mark.parametrize(("place", "data", "enc", "owed"), ENCRYPTED)
def test_encryption_of_the_element(clocks, place, data, enc, owed):
    out = clocks(breach({place: 10}, data=data, encryption=enc))
    assert _residents_told(out, place) is owed
