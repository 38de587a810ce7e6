"""The single data elements the first 2026 table (`test_us_state_data_elements_2026.py`) could not
test because the facts had no category for them: military identification numbers
(`military_id`), a mother's maiden name (`mothers_maiden_name`), an identification number an
employer assigns (`employee_id`), an electronic or digital signature (`electronic_signature`), a
birth or marriage certificate (`vital_record`), and Virginia's payroll notice to the Attorney
General (a taxpayer identification number with the income tax withheld, `tax_withholding`).

Every row was written down from the definition it cites before the engine was run: a breach of the
name (`N`) with exactly one other kind of data, ten residents, high risk, and whether the
residents' notice is owed. "(read)" marks a text read at this review in a statute transcription;
"(summary)" a law firm's or regulator's summary quoting it; a "Reading:" says where the facts are
coarser than the statute. Negative rows name a state whose list does not have the element.

Reading, as for `financial_account`: an element the statute counts only "in combination with any
required security code, access code, or password" (North Dakota's and South Dakota's employer ID
numbers) is encoded without the code, which the facts do not record (conservative).
"""

import pytest

from tests.unit.law_cases import breach, recipients_in

N = "name"
OWED, NOT = True, False
IND, AG = "individuals", "attorney_general"

SAFE_KEY = {"encrypted": True, "key_compromised": False}


def _residents_told(out, place):
    return IND in recipients_in(out, place)


# (place, data taken, residents' notice owed)
ROWS = [
    # --- military identification numbers (`military_id`)
    # Alabama, Ala. Code 8-38-2(6)a.2: "driver's license number, state-issued identification card
    # number, passport number, military identification number, or other unique identification
    # number issued on a government document".
    ("US-AL", [N, "military_id"], OWED),
    # California, Cal. Civ. Code 1798.82(h)(1)(B): "... passport number, military identification
    # number, or other unique identification number issued on a government document commonly used
    # to verify the identity of a specific individual".
    ("US-CA", [N, "military_id"], OWED),
    # Colorado, C.R.S. 6-1-716(1)(g)(I)(A): "student, military, or passport identification number".
    ("US-CO", [N, "military_id"], OWED),
    # Connecticut, Conn. Gen. Stat. 36a-701b(a): "passport number, military identification number or
    # other identification number issued by the government that is used to verify identity".
    ("US-CT", [N, "military_id"], OWED),
    # District of Columbia, D.C. Code 28-3851(3)(A)(i)(I): "passport number, driver's license
    # number, District of Columbia identification card number, military identification number, or
    # other unique identification number issued on a government document".
    ("US-DC", [N, "military_id"], OWED),
    # Delaware, 6 Del. C. 12B-101(7)a.3: "Driver's license number or state or federal identification
    # card number". Reading: a military identification card is a federal identification card.
    ("US-DE", [N, "military_id"], OWED),
    # Florida, Fla. Stat. 501.171(1)(g)1.a.(II): "a driver license or identification card number,
    # passport number, military identification number, or other similar number issued on a
    # government document used to verify identity".
    ("US-FL", [N, "military_id"], OWED),
    # Iowa, Iowa Code 715C.1(11)(b): "Driver's license number or other unique identification number
    # created or collected by a government body".
    ("US-IA", [N, "military_id"], OWED),
    # Maryland, Md. Code Com. Law 14-3501(e)(1)(i)2: "a passport number, or other identification
    # number issued by the federal government".
    ("US-MD", [N, "military_id"], OWED),
    # Oregon, ORS 646A.602(12)(a)(A)(iv): "passport number or other identification number issued by
    # the United States".
    ("US-OR", [N, "military_id"], OWED),
    # South Dakota, SDCL 22-40-19(4)(b) (read): "Driver license number or other unique
    # identification number created or collected by a government body".
    ("US-SD", [N, "military_id"], OWED),
    # Texas, Tex. Bus. & Com. Code 521.002(a)(2)(A)(ii): "driver's license number or
    # government-issued identification number".
    ("US-TX", [N, "military_id"], OWED),
    # Virginia, Va. Code 18.2-186.6(A) "personal information": 6. "Military identification number".
    ("US-VA", [N, "military_id"], OWED),
    # Vermont, 9 V.S.A. 2430(10)(A)(ii): "... passport number, military identification card number,
    # or other identification number that originates from a U.S. government source".
    ("US-VT", [N, "military_id"], OWED),
    # Washington, RCW 19.255.005(2)(a)(i): "Student, military, or passport identification number".
    ("US-WA", [N, "military_id"], OWED),
    # Wyoming, Wyo. Stat. 40-12-501(a)(vii) with 6-3-901(b)(vii) (read): "Federal or state
    # government issued identification card".
    ("US-WY", [N, "military_id"], OWED),
    # Without the name the element is nothing in a name-based definition (Alabama, above).
    ("US-AL", ["military_id"], NOT),
    # Negative: Arizona, A.R.S. 18-551(11) lists a passport number but no military number or other
    # government number; Louisiana, La. R.S. 51:3073(4)(a) a passport number only; North Carolina,
    # N.C.G.S. 14-113.20(b) "Drivers license, State identification card, or passport numbers";
    # New York, Gen. Bus. Law 899-aa(1)(b)(i) (read) a driver's licence or non-driver ID only.
    ("US-AZ", [N, "military_id"], NOT),
    ("US-LA", [N, "military_id"], NOT),
    ("US-NC", [N, "military_id"], NOT),
    ("US-NY", [N, "military_id"], NOT),
    # --- a mother's maiden name (`mothers_maiden_name`)
    # North Dakota, N.D.C.C. 51-30-01 "personal information" (read in a statute transcription):
    # name with "(6) The maiden name of the individual's mother".
    ("US-ND", [N, "mothers_maiden_name"], OWED),
    ("US-ND", ["mothers_maiden_name"], NOT),
    # Negative: North Carolina, N.C.G.S. 75-61(10): personal information "does not include ...
    # parent's legal surname prior to marriage ... unless this information would permit access to a
    # person's financial account or resources" (the facts do not say it would); South Dakota
    # (22-40-19(4), read) and Wyoming (6-3-901(b), read) do not list it.
    ("US-NC", [N, "mothers_maiden_name"], NOT),
    ("US-SD", [N, "mothers_maiden_name"], NOT),
    ("US-WY", [N, "mothers_maiden_name"], NOT),
    # --- an identification number assigned by an employer (`employee_id`)
    # North Dakota, N.D.C.C. 51-30-01 "personal information" (read in transcriptions of the 2009
    # text): "An identification number assigned to the individual by the individual's employer";
    # "in combination with any required security code, access code, or password" in the current
    # text (summary), not recorded by the facts: owed either way.
    ("US-ND", [N, "employee_id"], OWED),
    # South Dakota, SDCL 22-40-19(4)(e) (read): "An identification number assigned to a person by
    # the person's employer in combination with any required security code, access code, password,
    # or biometric data generated from measurements or analysis of human body characteristics for
    # authentication purposes".
    ("US-SD", [N, "employee_id"], OWED),
    ("US-SD", [N, "employee_id", "biometric"], OWED),
    ("US-SD", ["employee_id"], NOT),
    # Negative: North Carolina's "employer taxpayer identification numbers" (14-113.20(b)(1)) are
    # the employer's own tax number (`tax_id`), not a number the employer gives a worker; Wyoming
    # and Virginia list no employer number.
    ("US-NC", [N, "employee_id"], NOT),
    ("US-WY", [N, "employee_id"], NOT),
    ("US-VA", [N, "employee_id"], NOT),
    # --- an electronic or digital signature (`electronic_signature`)
    # North Dakota, N.D.C.C. 51-30-01 "personal information" (read): "The individual's digitized or
    # other electronic signature".
    ("US-ND", [N, "electronic_signature"], OWED),
    # North Carolina, N.C.G.S. 75-61(10) with 14-113.20(b): "Digital signatures".
    ("US-NC", [N, "electronic_signature"], OWED),
    ("US-NC", ["electronic_signature"], NOT),
    # Negative: South Dakota's list (22-40-19(4)(a)-(e), read) has no signature; nor have Wyoming's
    # (6-3-901(b), read) or Virginia's (18.2-186.6(A)).
    ("US-SD", [N, "electronic_signature"], NOT),
    ("US-WY", [N, "electronic_signature"], NOT),
    ("US-VA", [N, "electronic_signature"], NOT),
    # --- a birth or marriage certificate (`vital_record`)
    # Wyoming, Wyo. Stat. 40-12-501(a)(vii) with 6-3-901(b)(x) (read): "A birth or marriage
    # certificate".
    ("US-WY", [N, "vital_record"], OWED),
    ("US-WY", ["vital_record"], NOT),
    # Negative: North Dakota (51-30-01, read) and Virginia (18.2-186.6(A)) do not list it.
    ("US-ND", [N, "vital_record"], NOT),
    ("US-VA", [N, "vital_record"], NOT),
]


@pytest.mark.parametrize(("place", "data", "owed"), ROWS)
def test_single_element_breach(clocks, place, data, owed):
    out = clocks(breach({place: 10}, data=data))
    assert _residents_told(out, place) is owed


# Virginia's payroll notice, Va. Code 18.2-186.6(M) (summary: Hunton, Winston & Strawn, DataGuidance
# and Practical Law quoting it): "An employer or payroll service provider that owns or licenses
# computerized data relating to income tax withheld shall notify the Office of the Attorney General
# without unreasonable delay after the discovery or notification of unauthorized access and
# acquisition of unencrypted and unredacted computerized data containing a taxpayer identification
# number in combination with the income tax withheld for that taxpayer that compromises the
# confidentiality of such data and that creates a reasonable belief that an unencrypted and
# unredacted version of such information was accessed and acquired by an unauthorized person, and
# causes, or the employer or payroll provider reasonably believes has caused or will cause, identity
# theft or other fraud." The notice goes to the Attorney General only, with the employer's name and
# federal employer identification number; no name of the taxpayer is needed.
# (data taken, risk, encryption, Attorney General owed, residents owed)
PAYROLL = [
    (["tax_id", "tax_withholding"], "high", None, OWED, NOT),
    (["name", "tax_id", "tax_withholding"], "high", None, OWED, NOT),
    # Name and SSN with the withholding: the residents' notice of (B) as well.
    (["name", "ssn", "tax_withholding"], "high", None, OWED, OWED),
    # Either part alone is not enough.
    (["tax_id"], "high", None, NOT, NOT),
    (["tax_withholding"], "high", None, NOT, NOT),
    # "causes, or ... reasonably believes has caused or will cause, identity theft or other fraud".
    (["tax_id", "tax_withholding"], "unlikely", None, NOT, NOT),
    # "unencrypted and unredacted computerized data".
    (["tax_id", "tax_withholding"], "high", SAFE_KEY, NOT, NOT),
]


@pytest.mark.parametrize(("data", "risk", "enc", "ag", "ind"), PAYROLL)
def test_virginia_payroll_notice(clocks, data, risk, enc, ag, ind):
    out = clocks(breach({"US-VA": 10}, data=data, risk=risk, encryption=enc))
    told = recipients_in(out, "US-VA")
    assert (AG in told) is ag
    assert (IND in told) is ind


def test_virginia_payroll_notice_is_its_own_rule(clocks):
    # 18.2-186.6(M) applies "regardless of" the residents' notice: its own rule, due without
    # unreasonable delay, to the Attorney General.
    out = clocks(breach({"US-VA": 10}, data=["tax_id", "tax_withholding"]))
    payroll = [o for o in out.owed.values() if o["jurisdiction"] == "US-VA"]
    assert [o["recipient"] for o in payroll] == [AG]
    assert "18.2-186.6(M)" in payroll[0]["citation"]


# Other states do not count the withholding: (place, data, residents' notice owed)
WITHHOLDING_ELSEWHERE = [
    # Wyoming lists an "individual taxpayer identification number" (6-3-901(b)(xiv), read) with the
    # name; the withholding adds nothing.
    ("US-WY", [N, "tax_id", "tax_withholding"], OWED),
    ("US-WY", [N, "tax_withholding"], NOT),
]


@pytest.mark.parametrize(("place", "data", "owed"), WITHHOLDING_ELSEWHERE)
def test_withholding_elsewhere(clocks, place, data, owed):
    out = clocks(breach({place: 10}, data=data))
    assert _residents_told(out, place) is owed
