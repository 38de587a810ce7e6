"""Duties outside the US and the EU-wide regimes, on the shipped rule book: processor duties to
the controller, linked duties (Japan), follow-up reports (Brazil, India), Canada's provinces,
China and Australia's ransomware-payment report. Dates counted by hand in the comments."""

import pytest

from tests.unit.law_cases import ESTABLISHMENT_SCOPED

DISCOVERED = "2026-06-01T08:00:00Z"  # Mon 1 June 2026: 17:00 JST, 05:00 BRT, 18:00 AEST


def run(clocks, **facts):
    return clocks(
        {
            "events": {"discovered_at": DISCOVERED, **facts.pop("events", {})},
            "data": facts.pop("data", ["name", "contact"]),
            "risk_of_harm": facts.pop("risk_of_harm", "high"),
            **facts,
        }
    )


@pytest.mark.parametrize(
    ("country", "code", "authority", "controller_rule"),
    [
        ("GB", "GB-UKGDPR-33-2-PROC", "The controller", "GB-UKGDPR-33-ICO"),
        ("ZA", "ZA-POPIA-21-OP", "The responsible party", "ZA-POPIA-IR"),
        ("SG", "SG-PDPA-26C-DI", "The organisation", "SG-PDPA-PDPC"),
        ("CH", "CH-FADP-24-PROC", "The controller", "CH-FADP-FDPIC"),
        ("TH", "TH-PDPA-40-PROC", "The data controller", "TH-PDPA-OFFICE"),
        ("KE", "KE-DPA-PROC", "The controller", "KE-DPA-ODPC"),
        ("JP", "JP-APPI-26-ENTRUSTEE", "The entrusting business operator", "JP-APPI-PPC"),
    ],
)
def test_processor_owes_its_controller(clocks, country, code, authority, controller_rule):
    est = [country] if country in ESTABLISHMENT_SCOPED else []  # POPIA s 3(1)(b)
    out = run(
        clocks, organisation={"role": "processor", "established_in": est}, affected={country: 10}
    )
    ob = out.owed[code]
    assert ob["recipient"] == "controller"
    assert ob["authority"].startswith(authority)
    assert ob["jurisdiction"] == country
    # the controller's own notice is not listed as owed by the processor
    assert controller_rule not in out.owed
    controller = run(clocks, organisation={"established_in": est}, affected={country: 10})
    assert "towards its controller" in controller.excluded[code]["why"]


def test_kenya_processor_48_hours(clocks):
    out = run(clocks, organisation={"role": "processor"}, affected={"KE": 10})
    # 48 h elapsed from aware_at (= discovery)
    assert out.due("KE-DPA-PROC") == "2026-06-03T08:00:00Z"


@pytest.mark.parametrize(
    ("people", "data", "cause", "owed"),
    [
        # category 4: more than 1,000 people
        (1001, ["name", "contact"], "misdirected_disclosure", {"JP-APPI-PPC"}),
        (1000, ["name", "contact"], "misdirected_disclosure", set()),
        # category 2: data whose misuse may cause property damage, from one person
        (3, ["name", "payment_card"], "misdirected_disclosure", {"JP-APPI-PPC-SENSITIVE"}),
        # category 3: wrongful purpose (unauthorised access)
        (3, ["name"], "external_attack", {"JP-APPI-PPC-WRONGFUL"}),
    ],
)
def test_japan_individual_notice_and_preliminary_report_follow_the_ppc_report(
    clocks, people, data, cause, owed
):
    # a Japanese operator: the APPI binds it for everyone (a foreign one counts people in Japan)
    out = run(
        clocks,
        data=data,
        cause=cause,
        affected={"JP": people},
        organisation={"established_in": ["JP"]},
    )
    final = {c for c in ("JP-APPI-PPC", "JP-APPI-PPC-SENSITIVE", "JP-APPI-PPC-WRONGFUL")}
    assert final & set(out.owed) == owed
    linked = ("JP-APPI-IND", "JP-APPI-PPC-PRELIM")
    for code in linked:
        if owed:
            assert code in out.owed, code
            assert any("same conditions" in w for w in out.owed[code]["why"])
        else:
            assert "owed only where a duty under JP-APPI-PPC" in out.excluded[code]["why"]


def test_japan_dates(clocks):
    out = run(clocks, data=["name", "payment_card"], cause="external_attack", affected={"JP": 5})
    # aware Mon 1 June 17:00 JST; preliminary: 5 days -> Sat 6 June 23:59:59 JST
    assert out.due("JP-APPI-PPC-PRELIM") == "2026-06-06T14:59:59Z"
    assert out.owed["JP-APPI-PPC-PRELIM"]["stage"] == "preliminary_report"
    # one final report: wrongful purpose (Art 7(iii)) makes it 60 days -> Fri 31 July 23:59:59
    # JST, and the 30-day report of the card category is displaced (Enforcement Rules Art 8(2))
    assert out.due("JP-APPI-PPC-WRONGFUL") == "2026-07-31T14:59:59Z"
    assert out.excluded["JP-APPI-PPC-SENSITIVE"]["displaced_by"] == "JP-APPI-PPC-WRONGFUL"


def test_brazil_supplementary_report_20_business_days(clocks):
    # a relevant risk (Res. CD/ANPD 15/2024 art. 5: may significantly affect the data subjects)
    out = run(clocks, risk_of_harm="high", affected={"BR": 20})
    # aware Mon 1 June 05:00 BRT; 3 business days: Tue 2, Wed 3, Thu 4 June (Corpus Christi is
    # not a national holiday) -> Thu 4 June 23:59:59 BRT = 5 June 02:59:59 UTC
    assert out.due("BR-LGPD-ANPD") == "2026-06-05T02:59:59Z"
    supp = out.owed["BR-LGPD-ANPD-SUPP"]
    # from that latest possible communication, 20 business days: Fri 5 June (1), 8-12 (6),
    # 15-19 (11), 22-26 (16), 29, 30 June, 1 July (19), Thu 2 July (20)
    assert (supp["deadline_kind"], supp["due_at"]) == ("latest_possible", "2026-07-03T02:59:59Z")
    sent = run(
        clocks,
        risk_of_harm="high",
        affected={"BR": 20},
        notices_sent={"BR-LGPD-ANPD": "2026-06-02T15:00:00Z"},
    )
    # sent Tue 2 June 12:00 BRT: Wed 3 (1) ... 20th business day Tue 30 June 23:59:59 BRT
    assert sent.due("BR-LGPD-ANPD-SUPP") == "2026-07-01T02:59:59Z"


@pytest.mark.parametrize(
    ("as_of", "owed"),
    [("2026-12-06", False), ("2027-05-13", False), ("2027-05-14", True)],
)
def test_india_dpdp_intimation_and_72_hour_report_from_commencement(clocks, as_of, owed):
    out = run(clocks, affected={"IN": 10}, rules_as_of=as_of)
    for code in ("IN-DPDP-BOARD-INTIMATION", "IN-DPDP-BOARD"):
        assert (code in out.owed) is owed, code
    if owed:
        assert out.owed["IN-DPDP-BOARD-INTIMATION"]["deadline_kind"] == "no_fixed_deadline"
        # 72 h elapsed from awareness
        assert out.due("IN-DPDP-BOARD") == "2026-06-04T08:00:00Z"
    else:
        assert "2027-05-14" in out.excluded["IN-DPDP-BOARD-INTIMATION"]["why"]


def test_india_cert_in_six_hours(clocks):
    out = run(clocks, organisation={"established_in": ["IN"]}, affected={"IN": 1})
    assert out.due("IN-CERTIN-6H") == "2026-06-01T14:00:00Z"


def test_china_ciio_one_hour_and_individuals(clocks):
    # CAC Measures art 4: only a relatively major incident is reported (the guide: personal
    # information of 1,000,000 people or more); a CIIO reports to its protection department and
    # the police within 1 hour, not to the provincial CAC office within 4.
    out = run(
        clocks,
        organisation={"established_in": ["CN"], "subject_to": ["cn_ciio"]},
        affected={"CN": 1000000},
    )
    assert out.due("CN-CAC-CIIO") == "2026-06-01T09:00:00Z"
    assert out.excluded["CN-CAC-INCIDENT"]["displaced_by"] == "CN-CAC-CIIO"
    assert "CN-PIPL-57-IND" in out.owed
    small = run(
        clocks,
        organisation={"established_in": ["CN"], "subject_to": ["cn_ciio"]},
        affected={"CN": 10},
    )
    assert "CN-CAC-CIIO" in small.excluded and "CN-CAC-INCIDENT" in small.excluded
    assert "CN-PIPL-57" in small.owed
    none = run(clocks, risk_of_harm="none", affected={"CN": 10})
    assert "CN-PIPL-57-IND" in none.excluded


@pytest.mark.parametrize(
    ("subject_to", "paid", "owed"),
    [
        (["au_turnover_over_3m"], "2026-06-01T10:00:00Z", True),
        (["au_soci_responsible_entity"], "2026-06-01T10:00:00Z", True),
        ([], "2026-06-01T10:00:00Z", False),  # small business: not a reporting entity
    ],
)
def test_australia_ransomware_payment_report(clocks, subject_to, paid, owed):
    events = {"ransom_paid_at": paid} if paid else {}
    out = run(
        clocks,
        events=events,
        organisation={"established_in": ["AU"], "subject_to": subject_to},
        affected={"AU": 10},
    )
    assert ("AU-CSA-RANSOM" in out.owed) is owed
    if owed:
        # 72 h elapsed after the payment
        assert out.due("AU-CSA-RANSOM") == "2026-06-04T10:00:00Z"
        assert out.owed["AU-CSA-RANSOM"]["authority"] == "Australian Signals Directorate (ASD)"


@pytest.mark.parametrize(
    ("risk", "owed"),
    [("high", {"CA-AB-PIPA-OIPC", "CA-AB-PIPA-IND"}), ("risk", set())],
)
def test_alberta_real_risk_of_significant_harm(clocks, risk, owed):
    out = run(clocks, risk_of_harm=risk, affected={"CA-AB": 40})
    assert {"CA-AB-PIPA-OIPC", "CA-AB-PIPA-IND"} & set(out.owed) == owed
    if owed:
        assert out.owed["CA-AB-PIPA-OIPC"]["deadline_kind"] == "no_fixed_deadline"
        assert out.owed["CA-AB-PIPA-OIPC"]["jurisdiction"] == "CA-AB"
    # PIPEDA is also in play for a resident of a province (federal rules cover Canada)
    assert ("CA-PIPEDA-OPC" in out.owed) is bool(owed)


def test_british_columbia_pipa_has_no_breach_duty_in_force(clocks):
    out = run(clocks, affected={"CA-BC": 40})
    why = out.excluded["CA-BC-PIPA-OIPC"]["why"]
    assert "proposed not in force" in why


@pytest.mark.parametrize(("risk", "notices"), [("high", True), ("risk", False)])
def test_quebec_law_25(clocks, risk, notices):
    out = run(clocks, risk_of_harm=risk, affected={"CA-QC": 40})
    assert ("CA-QC-LAW25-CAI" in out.owed) is notices
    assert ("CA-QC-LAW25-IND" in out.owed) is notices
    # the register of confidentiality incidents is kept whatever the risk
    assert "CA-QC-LAW25-REGISTER" in out.owed


def test_australia_no_ransom_payment_no_running_clock(clocks):
    out = run(
        clocks,
        organisation={"established_in": ["AU"], "subject_to": ["au_turnover_over_3m"]},
        affected={"AU": 10},
    )
    # requires_facts event:ransom_paid_at: not applicable, or at most waiting for the payment
    ob = out.owed.get("AU-CSA-RANSOM")
    assert ob is None or (ob["due_at"], ob["waiting_for"]) == (None, "ransom_paid_at")
