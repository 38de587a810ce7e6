"""Precedence, holds and commencement on the shipped rule book: the worked examples of the
issue, with the dates counted by hand (days end at 23:59:59 in the authority's zone; hours are
elapsed time; US DST 2026 starts on Sun 8 March)."""

import pytest

DORA_NIS2 = {
    "events": {
        "discovered_at": "2026-06-01T08:00:00+02:00",
        "classified_major_at": "2026-06-01T10:00:00+02:00",
    },
    "organisation": {"main_establishment": "DE", "established_in": ["DE"]},
    "data": [],
}


def _with(subject_to):
    return {**DORA_NIS2, "organisation": {**DORA_NIS2["organisation"], "subject_to": subject_to}}


def test_dora_displaces_nis2_for_a_german_credit_institution(clocks):
    out = clocks(_with(["dora:credit_institution", "nis2_essential_entity"]))
    dora = {c for c in out.owed if c.startswith("EU-DORA-")}
    assert {"EU-DORA-19-NCA", "EU-DORA-19-INTERMEDIATE", "EU-DORA-19-FINAL"} <= dora
    assert not [c for c in out.owed if "NIS2" in c]
    nis2 = {c: e for c, e in out.excluded.items() if "displaced_by" in e}
    assert set(nis2) == {
        "EU-NIS2-23-EW",
        "EU-NIS2-23-CSIRT",
        "EU-NIS2-23-FINAL",
        "EU-NIS2-23-RECIPIENTS",
    }
    # (the trust-service-provider notice is not owed by a bank in the first place)
    assert "displaced_by" not in out.excluded["EU-NIS2-23-TSP"]
    for entry in nis2.values():
        assert entry["displaced_by"] == "EU-DORA-19-NCA"
        why = entry["why"]
        # both citations and the basis
        assert "Regulation (EU) 2022/2554 Art 19" in why and "2022/2555 Art 4(1)" in why, why
        assert "lex specialis" in why
    assert nis2["EU-NIS2-23-EW"]["why"].endswith(
        "this duty (Directive (EU) 2022/2555 Art 23(4)(a)) is not owed"
    )
    conflicts = out.doc["conflicts"]
    assert [c["key"] for c in conflicts] == [
        "displacement:EU-DORA-19-NCA>EU-NIS2-23-CSIRT",
        "displacement:EU-DORA-19-NCA>EU-NIS2-23-EW",
        "displacement:EU-DORA-19-NCA>EU-NIS2-23-FINAL",
        "displacement:EU-DORA-19-NCA>EU-NIS2-23-RECIPIENTS",
    ]
    assert conflicts[0]["rules"] == ["EU-DORA-19-NCA", "EU-NIS2-23-CSIRT"]
    assert {c["kind"] for c in conflicts} == {"displacement"}
    assert {c["basis"] for c in conflicts} == {"lex_specialis"}


def test_without_dora_flags_nis2_is_listed(clocks):
    out = clocks(_with(["nis2_essential_entity"]))
    # 24 h early warning from classification 10:00 CEST = 08:00Z: 2 June 08:00Z
    assert out.due("EU-NIS2-23-EW") == "2026-06-02T08:00:00Z"
    assert out.due("EU-NIS2-23-CSIRT") == "2026-06-04T08:00:00Z"
    assert not [c for c in out.owed if c.startswith("EU-DORA-")]
    assert out.doc["conflicts"] == []
    assert not [e for e in out.excluded.values() if "displaced_by" in e]


TEXAS_GERMANY = {
    # Monday 2 March 2026, 09:00 UTC (Texas still on CST, -06:00)
    "events": {"discovered_at": "2026-03-02T09:00:00Z"},
    "organisation": {"main_establishment": "DE", "established_in": ["DE"]},
    "data": ["name", "ssn"],
    "risk_of_harm": "high",
    "affected": {"DE": 1000, "US-TX": 600},
}
HOLD = {
    "requested_at": "2026-03-03T10:00:00Z",
    "lifted_at": None,
    "written": True,
    "agency": "FBI Dallas field office",
}


def test_texas_hold_waits_while_the_german_72_hours_run(clocks):
    plain = clocks(TEXAS_GERMANY)
    # 72 h after 2 March 09:00Z
    assert plain.due("DE-GDPR-33-SA") == "2026-03-05T09:00:00Z"
    # 60th day after Mon 2 March = Fri 1 May 23:59:59 CDT (-05:00)
    assert plain.due("US-TX-IND") == "2026-05-02T04:59:59Z"
    # 30th day = Wed 1 April 23:59:59 CDT
    assert plain.due("US-TX-AG") == "2026-04-02T04:59:59Z"
    assert plain.doc["conflicts"] == []

    held = clocks({**TEXAS_GERMANY, "law_enforcement_hold": HOLD})
    tx = held.owed["US-TX-IND"]
    assert (tx["due_at"], tx["waiting_for"]) == (None, "law_enforcement_hold")
    assert any(
        w.startswith("held: FBI Dallas field office asked in writing on 2026-03-03 10:00:00 UTC")
        and "521.053(d)" in w
        for w in tx["why"]
    ), tx["why"]
    # The German authority's deadline is exactly what it was without the hold.
    assert held.owed["DE-GDPR-33-SA"]["due_at"] == plain.due("DE-GDPR-33-SA")
    assert held.owed["US-TX-AG"]["due_at"] == plain.due("US-TX-AG")
    keys = [c["key"] for c in held.doc["conflicts"]]
    assert "hold_not_allowed:DE-GDPR-33-SA" in keys
    assert "hold_not_allowed:US-TX-AG" in keys  # 521.053(i) is not subject to (d)
    assert "hold_not_allowed:US-TX-IND" not in keys
    gdpr = next(c for c in held.doc["conflicts"] if c["key"] == "hold_not_allowed:DE-GDPR-33-SA")
    assert gdpr["rules"] == ["DE-GDPR-33-SA"]
    assert "2026-03-05 09:00:00 UTC still runs" in gdpr["why"]


def test_texas_notice_is_timed_from_the_lift(clocks):
    lifted = {**HOLD, "lifted_at": "2026-04-20T15:00:00Z"}
    out = clocks({**TEXAS_GERMANY, "law_enforcement_hold": lifted})
    tx = out.owed["US-TX-IND"]
    assert tx["clock_start"] == {
        "event": "law_enforcement_hold.lifted_at",
        "at": "2026-04-20T15:00:00Z",
    }
    # 521.053(d): "as soon as" the agency clears it - no fixed period after the lift
    assert (tx["due_at"], tx["deadline_kind"], tx["waiting_for"]) == (
        None,
        "no_fixed_deadline",
        None,
    )
    assert any("hold was lifted on 2026-04-20 15:00:00 UTC" in w for w in tx["why"])
    assert out.owed["DE-GDPR-33-SA"]["due_at"] == "2026-03-05T09:00:00Z"


def test_oral_hold_also_holds_texas(clocks):
    oral = {**HOLD, "written": False}
    out = clocks({**TEXAS_GERMANY, "law_enforcement_hold": oral})
    assert out.owed["US-TX-IND"]["waiting_for"] == "law_enforcement_hold"
    assert not [c for c in out.doc["conflicts"] if c["kind"] == "hold_not_written"]


@pytest.mark.parametrize(
    ("delay", "due"),
    [
        # no delay: four business days after Mon 2 March 14:00 EST = Fri 6 March 17:30 EST
        (None, "2026-03-06T22:30:00Z"),
        # AG period ends Thu 26 March 12:00 EDT
        (
            {"determined_at": "2026-03-04T12:00:00-05:00", "ends_at": "2026-03-26T12:00:00-04:00"},
            "2026-03-26T16:00:00Z",
        ),
        # no end recorded: the 30th day after Fri 6 March = Sun 5 April, ending 23:59:59 EDT
        ({"determined_at": "2026-03-04T12:00:00-05:00"}, "2026-04-06T03:59:59Z"),
        # not notified to the Commission in writing: no delay
        (
            {"determined_at": "2026-03-04T12:00:00-05:00", "notified_in_writing": False},
            "2026-03-06T22:30:00Z",
        ),
    ],
)
def test_sec_national_security_delay(clocks, delay, due):
    facts = {
        "events": {
            "discovered_at": "2026-02-27T09:00:00-05:00",
            "materiality_determined_at": "2026-03-02T14:00:00-05:00",
        },
        "organisation": {"subject_to": ["sec_registrant"]},
        "data": [],
    }
    if delay:
        facts["national_security_delay"] = delay
    assert clocks(facts).due("US-SEC-8K-105") == due


def _cra(day, **extra):
    return {
        "events": {"discovered_at": f"{day}T09:00:00+02:00", **extra.pop("events", {})},
        "organisation": {
            "main_establishment": "DE",
            "established_in": ["DE"],
            "subject_to": ["cra_manufacturer"],
        },
        "data": [],
        **extra,
    }


CRA_VULN = ("EU-CRA-14-2-EW", "EU-CRA-14-2-NOTIF", "EU-CRA-14-2-FINAL", "EU-CRA-14-8-USERS-VULN")
CRA_INC = ("EU-CRA-14-4-EW", "EU-CRA-14-4-NOTIF", "EU-CRA-14-4-FINAL", "EU-CRA-14-8-USERS-INC")


def test_cra_exploited_vulnerability_after_11_september_2026(clocks):
    out = clocks(
        _cra("2026-10-05", events={"exploited_vulnerability_at": "2026-10-05T09:00:00+02:00"})
    )
    # 24 h and 72 h of elapsed time from 07:00Z on Mon 5 October
    assert out.due("EU-CRA-14-2-EW") == "2026-10-06T07:00:00Z"
    assert out.due("EU-CRA-14-2-NOTIF") == "2026-10-08T07:00:00Z"
    ew = out.owed["EU-CRA-14-2-EW"]
    assert ew["jurisdiction"] == "DE"  # the member state of the main establishment
    assert ew["authority"] == (
        "Bundesamt für Sicherheit in der Informationstechnik (BSI) - CSIRT designated as "
        "coordinator; and ENISA"
    )
    assert out.owed["EU-CRA-14-2-NOTIF"]["authority"] == ew["authority"]
    final = out.owed["EU-CRA-14-2-FINAL"]
    assert (final["due_at"], final["waiting_for"]) == (None, "corrective_measure_available_at")
    assert out.owed["EU-CRA-14-8-USERS-VULN"]["deadline_kind"] == "no_fixed_deadline"
    # No severe incident recorded: its clocks are not owed, and say why.
    for code in CRA_INC:
        assert code not in out.owed
        assert "severe incident affecting the security" in out.excluded[code]["why"]


def test_cra_final_report_14_days_after_the_corrective_measure(clocks):
    out = clocks(
        _cra(
            "2026-10-05",
            events={
                "exploited_vulnerability_at": "2026-10-05T09:00:00+02:00",
                # Tue 13 October 2026 -> 14th day is Tue 27 October, ending 23:59:59 CET (+01:00)
                "corrective_measure_available_at": "2026-10-13T16:00:00+02:00",
            },
        )
    )
    assert out.due("EU-CRA-14-2-FINAL") == "2026-10-27T22:59:59Z"


def test_cra_before_11_september_2026_is_not_in_force(clocks):
    out = clocks(
        _cra("2026-08-20", events={"exploited_vulnerability_at": "2026-08-20T09:00:00+02:00"})
    )
    assert not [c for c in out.owed if c.startswith("EU-CRA-")]
    for code in CRA_VULN + CRA_INC:
        entry = out.excluded[code]
        assert entry["in_force_from"] == "2026-09-11"
        assert entry["why"].startswith("not in force until 2026-09-11"), entry["why"]


def test_cra_severe_incident_clocks_start_at_awareness(clocks):
    out = clocks(_cra("2026-10-05", product_security_incident=True))
    assert out.due("EU-CRA-14-4-EW") == "2026-10-06T07:00:00Z"
    assert out.due("EU-CRA-14-4-NOTIF") == "2026-10-08T07:00:00Z"
    # one month after the notification's latest possible time, 8 October 09:00 CEST: 8 November
    # 09:00 Brussels time, now CET (+01:00) = 08:00Z
    final = out.owed["EU-CRA-14-4-FINAL"]
    assert (final["due_at"], final["deadline_kind"]) == ("2026-11-08T08:00:00Z", "latest_possible")
    for code in CRA_VULN:
        assert code not in out.owed
        assert "actively exploited vulnerability" in out.excluded[code]["why"]


def test_cra_is_not_listed_for_other_organisations(clocks):
    facts = _cra("2026-10-05", product_security_incident=True)
    facts["organisation"] = {"main_establishment": "DE"}
    out = clocks(facts)
    assert not [c for c in out.owed if c.startswith("EU-CRA-")]
    for code, entry in out.excluded.items():
        if code.startswith("EU-CRA-"):
            assert entry["why"].startswith(
                "applies only to: Manufacturer of a product with digital elements (CRA)"
            )


def test_cra_not_yet_in_force_is_not_listed_for_other_organisations(clocks):
    facts = _cra("2026-08-20", product_security_incident=True)
    facts["organisation"] = {"main_establishment": "DE"}
    facts["affected"] = {"DE": 10}
    out = clocks(facts)
    assert not [c for c in list(out.owed) + list(out.excluded) if c.startswith("EU-CRA-")]


@pytest.mark.parametrize(
    ("place", "subject_to", "pipeda_owed"),
    [
        ("CA-QC", ["intra_provincial:qc"], False),
        ("CA-AB", ["intra_provincial:ab"], False),
        ("CA-BC", ["intra_provincial:bc"], False),
        # the province must be named
        ("CA-AB", ["intra_provincial"], True),
        ("CA-QC", [], True),
    ],
)
def test_pipeda_gives_way_to_substantially_similar_provincial_law(
    clocks, place, subject_to, pipeda_owed
):
    out = clocks(
        {
            "events": {"discovered_at": "2026-05-04T15:00:00Z"},
            "organisation": {"main_establishment": place, "subject_to": subject_to},
            "data": ["name", "ssn"],
            "risk_of_harm": "high",
            "affected": {place: 200},
        }
    )
    for code in ("CA-PIPEDA-OPC", "CA-PIPEDA-IND"):
        assert (code in out.owed) is pipeda_owed, code
        if not pipeda_owed:
            entry = out.excluded[code]
            assert entry["displaced_by"] == "CA-PIPEDA-OPC"
            assert "substantially similar law" in entry["why"] and "SOR/2004-219" in entry["why"]


@pytest.mark.parametrize(
    ("subject_to", "gdpr_owed"),
    [(["ecomms_provider:service_data"], False), (["ecomms_provider"], True), ([], True)],
)
def test_eprivacy_displaces_gdpr_for_breaches_of_service_data(clocks, subject_to, gdpr_owed):
    out = clocks(
        {
            "events": {"discovered_at": "2026-06-01T08:00:00Z"},
            "organisation": {"main_establishment": "DE", "subject_to": subject_to},
            "data": ["name", "contact", "location"],
            "risk_of_harm": "high",
            "affected": {"DE": 5000},
        }
    )
    for code in ("DE-GDPR-33-SA", "EU-GDPR-34-DS"):
        assert (code in out.owed) is gdpr_owed, code
    if not gdpr_owed:
        assert out.excluded["DE-GDPR-33-SA"]["displaced_by"] == "EU-EPRIVACY-611-SA"
        assert out.excluded["EU-GDPR-34-DS"]["displaced_by"] == "EU-EPRIVACY-611-SUBSCRIBERS"
        assert "Art 95" in out.excluded["DE-GDPR-33-SA"]["why"]
        # ePrivacy notices are owed instead: 24 h to the authority
        assert out.due("EU-EPRIVACY-611-SA") == "2026-06-02T08:00:00Z"
        assert "EU-EPRIVACY-611-SUBSCRIBERS" in out.owed
