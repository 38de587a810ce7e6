"""Three breach regimes the rule book did not have: Korea's Network Act report of an infringement
incident (art 48-3), Japan's My Number Act report and notice of a leak of specific personal
information (art 29-4 and the PPC rules made under it) and Australia's My Health Records Act 2012
s 75. Each row was written down from the text it cites before the engine was run.

Discovery is Monday 2 March 2026, 16:00 UTC (3 March, 01:00 in Tokyo and Seoul; 3 March, 03:00 in
Sydney), as in test_duty_structure.py. Hours are elapsed hours; days end at 23:59:59 in the
authority's zone. Japan's My Number is the `national_id` data category for residents of Japan.
"""

import pytest

from tests.unit.law_cases import breach

KR_NET = {"KR-NETACT-48-3", "KR-NETACT-48-3-SUPPLEMENT"}
MN_PPC = {"JP-MYNUMBER-PPC", "JP-MYNUMBER-PPC-SYSTEM", "JP-MYNUMBER-PPC-WRONGFUL"}
MN_LINKED = {"JP-MYNUMBER-PPC-PRELIM", "JP-MYNUMBER-IND"}
MHR = {"AU-MHRA-75-SO", "AU-MHRA-75-OAIC"}
NEW_RULES = KR_NET | MN_PPC | MN_LINKED | MHR

ICSP = "kr_information_communications_service_provider"
MN_SYSTEM = "jp_my_number_utilization_system"
MHR_PARTICIPANT = "au_mhr_participant"
MY_NUMBER = ("name", "national_id")


def _facts(affected, *, subject_to=(), data=("name", "contact"), cause="external_attack", **kw):
    return breach(affected, data=data, subject_to=subject_to, cause=cause, **kw)


# (affected, subject_to, data, cause, encryption, new duties owed)
ROWS = [
    # --- Korea, Network Act art 48-3(1): an information and communications service provider
    # (art 2(1)(3)) reports an infringement incident (art 2(1)(7): an attack on an information
    # network by hacking, computer viruses, logic or mail bombs, denial of service...) to the
    # Minister of Science and ICT or KISA; art 48-3(4) with Enforcement Decree art 58-2 (from
    # 14 August 2024): first report within 24 hours of learning of it, supplementary report within
    # 24 hours of confirming further facts. Whatever the data, whoever is affected.
    ({"KR": 10}, [ICSP], ("name", "contact"), "external_attack", None, KR_NET),
    ({"US-CA": 10}, [ICSP], ("name", "contact"), "ransomware", None, KR_NET),
    # ... not an infringement incident (a misdirected e-mail, a lost laptop): no report.
    ({"KR": 10}, [ICSP], ("name", "contact"), "misdirected_disclosure", None, set()),
    ({"KR": 10}, [ICSP], ("name", "contact"), "loss_or_theft", None, set()),
    # ... not a service provider under the Act: nothing under art 48-3.
    ({"KR": 10}, [], ("name", "contact"), "external_attack", None, set()),
    # --- Japan, My Number Act art 29-4(1) and PPC Rules (No. 5 of 2015, as amended) art 2: a leak
    # of specific personal information (personal information containing a My Number) is reported
    # to the PPC where (i) it is held in the Information Provision Network System or the systems of
    # an Individual Number utilisation entity or of a public body's related affairs, (ii) it was
    # possibly done for a wrongful purpose (60 days), (iv) more than 100 principals. Data under
    # advanced encryption is excluded throughout ("以下同じ"). Art 29-4(2): notice to the principal
    # where a report is owed; the preliminary report promptly.
    ({"JP": 101}, [], MY_NUMBER, "misdirected_disclosure", None, {"JP-MYNUMBER-PPC"} | MN_LINKED),
    ({"JP": 100}, [], MY_NUMBER, "misdirected_disclosure", None, set()),
    ({"JP": 1}, [], MY_NUMBER, "external_attack", None, {"JP-MYNUMBER-PPC-WRONGFUL"} | MN_LINKED),
    ({"JP": 1}, [], MY_NUMBER, "insider_misuse", None, {"JP-MYNUMBER-PPC-WRONGFUL"} | MN_LINKED),
    (
        {"JP": 1},
        [MN_SYSTEM],
        MY_NUMBER,
        "system_failure",
        None,
        {"JP-MYNUMBER-PPC-SYSTEM"} | MN_LINKED,
    ),
    # ... a private employer's payroll system is not an art 2(i) system (PPC FAQ A4-2): one person's
    # My Number sent to the wrong address by accident is not reportable.
    ({"JP": 1}, [], MY_NUMBER, "misdirected_disclosure", None, set()),
    # ... lost or stolen: the PPC guidelines give a theft of documents or media as an example of a
    # leak possibly for a wrongful purpose, and the facts do not tell a theft from a plain loss, so
    # the report is listed (strike it for a loss with no sign of theft).
    ({"JP": 1}, [], MY_NUMBER, "loss_or_theft", None, {"JP-MYNUMBER-PPC-WRONGFUL"} | MN_LINKED),
    # ... no My Number in the data: the Act says nothing (the APPI may).
    ({"JP": 5000}, [], ("name", "contact"), "external_attack", None, set()),
    # ... advanced encryption with the key safe: excluded from every category.
    ({"JP": 5000}, [], MY_NUMBER, "external_attack", {"encrypted": True}, set()),
    # --- Australia, My Health Records Act 2012 s 75(1)-(2): a registered healthcare provider
    # organisation, repository operator, portal operator or contracted service provider that
    # becomes aware that a contravention, event or circumstance compromising (or that may
    # compromise) My Health Record information or the system has or may have occurred must notify,
    # as soon as practicable, (c) the System Operator if it is a State or Territory authority or
    # instrumentality, (d) otherwise both the System Operator and the Information Commissioner.
    ({"AU": 3}, [MHR_PARTICIPANT], ("name", "medical"), "external_attack", None, MHR),
    ({"AU": 3}, [MHR_PARTICIPANT], ("name", "medical"), "misdirected_disclosure", None, MHR),
    (
        {"AU": 3},
        [MHR_PARTICIPANT, "public_body"],
        ("name", "medical"),
        "external_attack",
        None,
        {"AU-MHRA-75-SO"},
    ),
    # ... not a registered participant: s 75 does not apply (the NDB scheme may).
    ({"AU": 3}, [], ("name", "medical"), "external_attack", None, set()),
]


@pytest.mark.parametrize(("affected", "subject_to", "data", "cause", "enc", "owed"), ROWS)
def test_who_must_be_told(clocks, affected, subject_to, data, cause, enc, owed):
    out = clocks(_facts(affected, subject_to=subject_to, data=data, cause=cause, encryption=enc))
    assert set(out.owed) & NEW_RULES == owed


# (rule, facts kwargs, due_at) - counted by hand.
DEADLINES = [
    # Enforcement Decree art 58-2: 24 hours after learning of the incident.
    ("KR-NETACT-48-3", {"affected": {"KR": 1}, "subject_to": [ICSP]}, "2026-03-03T16:00:00Z"),
    # The supplementary report runs from confirming further facts, which the facts do not record.
    ("KR-NETACT-48-3-SUPPLEMENT", {"affected": {"KR": 1}, "subject_to": [ICSP]}, None),
    # PPC Rules art 3(1) "promptly" (the guidance's 3-5 days, as for the APPI): 5 days from 3 March
    # in Tokyo = 8 March, 23:59:59 JST.
    (
        "JP-MYNUMBER-PPC-PRELIM",
        {"affected": {"JP": 101}, "data": MY_NUMBER, "cause": "misdirected_disclosure"},
        "2026-03-08T14:59:59Z",
    ),
    # Art 3(2): 30 days (2 April, 23:59:59 JST), 60 days for the wrongful-purpose case (2 May).
    (
        "JP-MYNUMBER-PPC",
        {"affected": {"JP": 101}, "data": MY_NUMBER, "cause": "misdirected_disclosure"},
        "2026-04-02T14:59:59Z",
    ),
    (
        "JP-MYNUMBER-PPC-WRONGFUL",
        {"affected": {"JP": 1}, "data": MY_NUMBER, "cause": "external_attack"},
        "2026-05-02T14:59:59Z",
    ),
    # Art 29-4(2): the principal "promptly" - no fixed period.
    (
        "JP-MYNUMBER-IND",
        {"affected": {"JP": 1}, "data": MY_NUMBER, "cause": "external_attack"},
        None,
    ),
    # s 75(2): "as soon as practicable" - no fixed period.
    ("AU-MHRA-75-SO", {"affected": {"AU": 1}, "subject_to": [MHR_PARTICIPANT]}, None),
    ("AU-MHRA-75-OAIC", {"affected": {"AU": 1}, "subject_to": [MHR_PARTICIPANT]}, None),
]


@pytest.mark.parametrize(("rule", "kw", "due"), DEADLINES)
def test_deadlines(clocks, rule, kw, due):
    out = clocks(_facts(**kw))
    assert out.due(rule) == due


def test_korea_before_the_24_hour_amendment(clocks):
    # Before 14 August 2024 art 48-3(1) said "immediately" (즉시), with no fixed period: the
    # report is owed, with no deadline, and the supplementary report did not exist.
    out = clocks(_facts({"KR": 1}, subject_to=[ICSP], discovered="2024-08-01T03:00:00Z"))
    assert "KR-NETACT-48-3" in out.owed
    assert out.due("KR-NETACT-48-3") is None
    assert "KR-NETACT-48-3-SUPPLEMENT" not in out.owed


@pytest.mark.parametrize("key", [ICSP, MN_SYSTEM, MHR_PARTICIPANT])
def test_status_keys_have_labels(key):
    from incidents.fact_choices import SUBJECT_TO

    assert key in dict(SUBJECT_TO)
