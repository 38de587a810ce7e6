"""EU-wide duties on the shipped rule book name the member state and its authority (NIS2, DORA,
ePrivacy, GDPR processor duty; Germany's Land data protection authorities). Dates counted by
hand: 24 h / 72 h are elapsed time; 4 h from classification at 10:00 UTC is 14:00 UTC."""

import pytest

EVENTS = {"discovered_at": "2026-06-01T08:00:00Z", "classified_major_at": "2026-06-01T10:00:00Z"}


def run(clocks, organisation, affected=None, **extra):
    return clocks(
        {
            "events": EVENTS,
            "data": ["name", "contact"],
            "risk_of_harm": "high",
            "organisation": organisation,
            "affected": affected or {"DE": 100},
            **extra,
        }
    )


@pytest.mark.parametrize(
    ("main", "subject_to", "authority"),
    [
        ("DE-BE", [], "Berliner Beauftragte für Datenschutz und Informationsfreiheit (BlnBDI)"),
        ("DE-BY", [], "Bayerisches Landesamt für Datenschutzaufsicht (BayLDA)"),
        (
            "DE-HH",
            [],
            "Hamburgischer Beauftragter für Datenschutz und Informationsfreiheit (HmbBfDI)",
        ),
        (
            "DE-NW",
            [],
            "Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen "
            "(LDI NRW)",
        ),
        (
            "DE-BE",
            ["ecomms_provider"],
            "Bundesbeauftragte für den Datenschutz und die Informationsfreiheit (BfDI)",
        ),
        ("DE", [], "Competent Land data protection authority of the establishment (BDSG § 40)"),
    ],
)
def test_german_gdpr_authority_from_the_land(clocks, main, subject_to, authority):
    out = run(clocks, {"main_establishment": main, "subject_to": subject_to})
    sa = out.owed["DE-GDPR-33-SA"]
    assert (sa["jurisdiction"], sa["authority"]) == ("DE", authority)
    assert sa["due_at"] == "2026-06-04T08:00:00Z"  # 72 h after aware_at (= discovery)


def test_every_german_land_has_its_authority(shipped):
    (rule,) = [r for r in shipped.rules if r.code == "DE-GDPR-33-SA"]
    lands = {k for k in rule.authorities if k.startswith("DE-")}
    assert len(lands) == 16
    assert all(rule.authorities[k].contact for k in lands)


@pytest.mark.parametrize(
    ("main", "subject_to", "jurisdiction", "authority", "due"),
    [
        (
            "DE-BE",
            ["dora:credit_institution"],
            "DE",
            "Bundesanstalt für Finanzdienstleistungsaufsicht (BaFin)",
            "2026-06-01T14:00:00Z",
        ),
        (
            "DE",
            ["dora:credit_institution", "ssm_significant_institution"],
            "DE",
            "European Central Bank (ECB) - Single Supervisory Mechanism",
            "2026-06-01T14:00:00Z",
        ),
        # Mon 1 June 2026 is an Irish bank holiday and a payment institution has the RTS Art 5(4)
        # relief: noon of the next working day, 12:00 IST = 11:00 UTC on Tue 2 June
        ("IE", ["dora"], "IE", "Central Bank of Ireland", "2026-06-02T11:00:00Z"),
        # Sweden is outside the euro area: no SSM entry, the national authority stands
        (
            "SE",
            ["dora", "ssm_significant_institution"],
            "SE",
            "Finansinspektionen",
            "2026-06-01T14:00:00Z",
        ),
    ],
)
def test_dora_names_the_competent_authority(clocks, main, subject_to, jurisdiction, authority, due):
    out = run(clocks, {"main_establishment": main, "subject_to": subject_to})
    for code in ("EU-DORA-19-NCA", "EU-DORA-19-INTERMEDIATE", "EU-DORA-19-FINAL"):
        ob = out.owed[code]
        assert (ob["jurisdiction"], ob["authority"]) == (jurisdiction, authority), code
        assert ob["contact"]
    assert out.owed["EU-DORA-19-NCA"]["due_at"] == due


def test_dora_german_bank_cites_the_designating_law(clocks):
    ob = run(clocks, {"main_establishment": "DE", "subject_to": ["dora:credit_institution"]})
    assert "FinmadiG" in ob.owed["EU-DORA-19-NCA"]["transposition"]["citation"]


@pytest.mark.parametrize(
    ("main", "authority", "citation", "since"),
    [
        (
            "DE",
            "Bundesamt für Sicherheit in der Informationstechnik (BSI)",
            "BSIG § 32",
            "2025-12-06",
        ),
        ("BE", "Centre for Cybersecurity Belgium (CCB)", "Loi du 26 avril 2024", "2024-10-18"),
        (
            "CZ",
            "Národní úřad pro kybernetickou a informační bezpečnost (NÚKIB)",
            "264/2025",
            "2025-11-01",
        ),
        (
            "FI",
            "Traficom National Cyber Security Centre Finland (NCSC-FI)",
            "124/2025",
            "2025-04-08",
        ),
    ],
)
def test_nis2_names_member_state_authority_and_transposition(
    clocks, main, authority, citation, since
):
    out = run(clocks, {"main_establishment": main, "subject_to": ["nis2"]}, affected={main: 1})
    for code in ("EU-NIS2-23-EW", "EU-NIS2-23-CSIRT", "EU-NIS2-23-FINAL"):
        ob = out.owed[code]
        assert ob["jurisdiction"] == main
        assert ob["authority"].startswith(authority)
        assert citation in ob["transposition"]["citation"]
        assert ob["transposition"]["status"] == "in_force"
        assert ob["transposition"]["effective_from"] == since
    assert out.owed["EU-NIS2-23-EW"]["due_at"] == "2026-06-02T10:00:00Z"
    assert out.owed["EU-NIS2-23-CSIRT"]["due_at"] == "2026-06-04T10:00:00Z"


def test_nis2_irish_essential_entity_transposition_pending(clocks):
    """Ireland: the National Cyber Security Bill is not enacted - the duty is not applicable,
    naming the NCSC, the bill, its status and the reading (no horizontal direct effect)."""
    out = run(clocks, {"main_establishment": "IE", "subject_to": ["nis2:essential"]}, {"IE": 5})
    for code in ("EU-NIS2-23-EW", "EU-NIS2-23-CSIRT"):
        ex = out.excluded[code]
        assert ex["jurisdiction"] == "IE"
        assert "National Cyber Security Centre (NCSC)" in ex["why"]
        assert "National Cyber Security Bill" in ex["why"]
        assert "not adopted (proposal only)" in ex["why"]
        assert "no horizontal direct effect" in ex["why"]
        assert "S.I. 360/2018" in ex["why"]
    assert "EU-NIS2-23-FINAL" in out.excluded


def test_nis2_italy_reporting_only_from_2026(clocks):
    out = run(
        clocks,
        {"main_establishment": "IT", "subject_to": ["nis2"]},
        {"IT": 5},
        rules_as_of="2025-12-01",
    )
    assert "in force from 2026-01-01" in out.excluded["EU-NIS2-23-EW"]["why"]
    later = run(clocks, {"main_establishment": "IT", "subject_to": ["nis2"]}, {"IT": 5})
    assert later.owed["EU-NIS2-23-EW"]["jurisdiction"] == "IT"


def test_nis2_trust_service_provider_24_hours(clocks):
    out = run(
        clocks,
        {"main_establishment": "BE", "subject_to": ["nis2:trust_service_provider"]},
        {"BE": 1},
    )
    tsp = out.owed["EU-NIS2-23-TSP"]
    assert (tsp["jurisdiction"], tsp["due_at"]) == ("BE", "2026-06-02T10:00:00Z")
    plain = run(clocks, {"main_establishment": "BE", "subject_to": ["nis2"]}, {"BE": 1})
    assert "EU-NIS2-23-TSP" in plain.excluded


@pytest.mark.parametrize(
    ("main", "authority"),
    [
        ("IE", "Data Protection Commission (DPC)"),
        ("FR", "Commission nationale de l'informatique et des libertés (CNIL)"),
        ("NL", "Autoriteit Persoonsgegevens (AP)"),
        ("DE", "Bundesbeauftragte für den Datenschutz und die Informationsfreiheit (BfDI)"),
    ],
)
def test_eprivacy_names_the_national_authority(clocks, main, authority):
    out = run(clocks, {"main_establishment": main, "subject_to": ["ecomms_provider"]}, {main: 10})
    ob = out.owed["EU-EPRIVACY-611-SA"]
    assert (ob["jurisdiction"], ob["authority"]) == (main, authority)
    # 24 h from aware_at (= discovery 08:00 UTC)
    assert ob["due_at"] == "2026-06-02T08:00:00Z"
    assert ob["transposition"]["citation"]


@pytest.mark.parametrize(
    ("organisation", "jurisdiction", "words"),
    [
        ({"role": "processor", "main_establishment": "IE"}, "IE", "Data Protection Commission"),
        ({"role": "processor", "main_establishment": "DE-BE"}, "DE", "Berliner Beauftragte"),
        # no EU establishment, EU residents affected: the duty stays, at EU level
        ({"role": "processor", "main_establishment": "US"}, "EU", "The controller"),
    ],
)
def test_gdpr_processor_duty_names_member_state(clocks, organisation, jurisdiction, words):
    out = run(clocks, organisation, {"DE": 10})
    ob = out.owed["EU-GDPR-33-2-PROC"]
    assert ob["jurisdiction"] == jurisdiction
    assert words in ob["authority"]
    assert ob["recipient"] == "controller"


def test_every_eea_state_has_an_entry_under_each_eu_wide_regime(shipped):
    eea = {j.code for j in shipped.jurisdictions if j.eea}
    assert len(eea) == 30
    for code in (
        "EU-NIS2-23-EW",
        "EU-NIS2-23-CSIRT",
        "EU-NIS2-23-FINAL",
        "EU-NIS2-23-TSP",
        "EU-DORA-19-NCA",
        "EU-DORA-19-INTERMEDIATE",
        "EU-DORA-19-FINAL",
        "EU-EPRIVACY-611-SA",
        "EU-GDPR-33-2-PROC",
    ):
        (rule,) = [r for r in shipped.rules if r.code == code]
        assert rule.scope == "main_establishment", code
        assert eea <= set(rule.authorities), (code, eea - set(rule.authorities))
    for state in eea:
        (sa,) = [r for r in shipped.rules if r.code == f"{state}-GDPR-33-SA"]
        assert sa.contact, state


def test_eprivacy_second_notification_and_subscribers(clocks):
    out = run(clocks, {"main_establishment": "IE", "subject_to": ["ecomms_provider"]}, {"IE": 10})
    second = out.owed["EU-EPRIVACY-611-SECOND"]
    # initial notice at the latest Tue 2 June 09:00 IST (24 h); 3 days -> Fri 5 June 23:59:59 IST
    assert (second["jurisdiction"], second["due_at"]) == ("IE", "2026-06-05T22:59:59Z")
    assert second["stage"] == "second_notification"
    assert "EU-EPRIVACY-611-SUBSCRIBERS" in out.owed
    encrypted = run(
        clocks,
        {"main_establishment": "IE", "subject_to": ["ecomms_provider"]},
        {"IE": 10},
        encryption={"encrypted": True, "key_compromised": False},
    )
    assert "EU-EPRIVACY-611-SUBSCRIBERS" in encrypted.excluded
