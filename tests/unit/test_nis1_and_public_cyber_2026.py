"""NIS1 where no NIS2 law is in force, and public-sector cyber and privacy reporting, 6 Dec 2026.

Directive (EU) 2016/1148 (NIS1) is repealed by NIS2 (Art 44) only as the member states bring their
NIS2 laws into force; until then the national NIS1 law keeps binding operators of essential
services (OES) and digital service providers (DSP). The rule book's NIS2 entries say which states
had no NIS2 law in force on 6 December 2026: ES, FR, IE, LU, NL and, under the EEA Agreement, IS,
LI and NO. Rows were written from the sources named in each rule before the engine was run:

* OES (`nis1_operator_essential_service`, one key for every state): designated by the state in
  which it is established (NIS1 Art 5(1)), so the duty is owed in each state of establishment:
  Spain RDL 12/2018 art 19 (CSIRT de referencia, no fixed period); France Loi 2018-133 art 7
  (ANSSI, as soon as known); Ireland S.I. 360/2018 (NCSC / CSIRT-IE, 72 hours); Luxembourg, loi
  du 28 mai 2019 and the ILR rules (ILR: preliminary notice 24 hours after discovery, full notice
  15 days after the preliminary one); Netherlands Wbni arts 10-11 (NCSC and the competent
  authority, "onverwijld"); Iceland Act 78/2019 art 8 and Regulation 866/2020 art 25 (CERT-IS as
  soon as possible and within 6 hours); Norway digitalsikkerhetsloven § 8 and the regulation, in
  force 1 Oct 2025 (NSM within 24 hours).
* DSP (`nis1_digital_service_provider`): under the jurisdiction of the state of its main
  establishment (NIS1 Art 18(1)); without undue delay (Art 16(3)).
* Union entities (`eu_institution`): Regulation (EU, Euratom) 2023/2841 Art 21 - CERT-EU early
  warning 24 h, notification 72 h, final report one month after the notification.
* Italy, Legge 90/2024 art 1 (`it_l90_entity`): ACN - report within 24 hours of knowing,
  complete notification within 72 hours.
* Quebec public bodies (`public_body`): Access Act (A-2.1) s 63.8 - the Commission d'acces a
  l'information and the persons concerned, promptly, for a confidentiality incident presenting a
  risk of serious injury; the private-sector Act (P-39.1) does not apply to a public body.

Times: discovered Tue 1 Dec 2026 08:00 UTC, known to be significant 10:00 UTC.
"""

from datetime import date

import pytest

from jurisdictions.engine.serialization import default_rulebook_path, read_rulebook_file
from tests.unit.law_cases import breach

DAY = "2026-12-01"
OSE = "nis1_operator_essential_service"
DSP = "nis1_digital_service_provider"


def cyber_case(est, subject_to, main=None, affected=None, risk="none", data=()):
    facts = breach(
        affected or {est[0]: 1000},
        subject_to=subject_to,
        est=est,
        risk=risk,
        data=data or ("name", "ssn"),
        discovered=f"{DAY}T08:00:00Z",
    )
    facts["events"]["classified_major_at"] = f"{DAY}T10:00:00Z"
    if main:
        facts["organisation"]["main_establishment"] = main
    return facts


# (state, rule, authority starts with, due_at or None (no fixed period), citation contains)
OSE_ROWS = [
    ("ES", "ES-NIS1-OSE", "CSIRT de referencia", None, "12/2018"),
    ("FR", "FR-NIS1-OSE", "Agence nationale", None, "2018-133"),
    ("IE", "IE-NIS1-OSE", "National Cyber Security Centre", "2026-12-04T10:00:00Z", "360"),
    ("LU", "LU-NIS1-OSE", "Institut luxembourgeois", "2026-12-02T10:00:00Z", "28 mai 2019"),
    # 15 days counted in calendar days to the end of the last day in Luxembourg (book convention)
    ("LU", "LU-NIS1-OSE-FULL", "Institut luxembourgeois", "2026-12-17T22:59:59Z", "28 mai 2019"),
    ("NL", "NL-NIS1-OSE", "Nationaal Cyber Security Centrum", None, "Wbni"),
    ("IS", "IS-NIS1-OSE", "CERT-IS", "2026-12-01T16:00:00Z", "78/2019"),
    ("NO", "NO-NIS1-OSE", "Nasjonal sikkerhetsmyndighet", "2026-12-02T10:00:00Z", "digital"),
]


@pytest.mark.parametrize(("state", "code", "authority", "due", "citation"), OSE_ROWS)
def test_nis1_operator_of_essential_services(clocks, state, code, authority, due, citation):
    out = clocks(cyber_case((state,), (OSE,)))
    assert code in out.owed, (code, out.excluded.get(code))
    ob = out.owed[code]
    assert ob["jurisdiction"] == state
    assert ob["recipient"] == "csirt_or_competent_authority"
    assert ob["authority"].startswith(authority), ob["authority"]
    assert citation in ob["citation"], ob["citation"]
    assert ob["due_at"] == due
    # NIS2 is not in force there: its stages stay not applicable
    assert "EU-NIS2-23-EW" not in out.owed


NIS1_OSE_CODES = sorted({row[1] for row in OSE_ROWS})


def test_nis1_owed_only_where_established(clocks):
    """An OES established in Spain owes Spain's notice, not Ireland's or Norway's."""
    out = clocks(cyber_case(("ES",), (OSE,)))
    assert "ES-NIS1-OSE" in out.owed
    for code in NIS1_OSE_CODES:
        if not code.startswith("ES-"):
            assert code not in out.owed, code


def test_no_nis1_notice_where_the_nis2_law_is_in_force(clocks):
    """Germany's NIS2 law (BSIG, from 6 Dec 2025) replaced its NIS1 law: a German OES stated as
    such owes no NIS1 notice in the book (the NIS2 notices apply if it is a NIS2 entity)."""
    out = clocks(cyber_case(("DE",), (OSE, "nis2_essential_entity")))
    for code in NIS1_OSE_CODES:
        assert code not in out.owed, code
    assert "EU-NIS2-23-EW" in out.owed


# (main establishment, authority starts with)
DSP_ROWS = [
    ("IE", "National Cyber Security Centre"),
    ("NL", "Nationaal Cyber Security Centrum"),
    ("ES", "INCIBE-CERT"),
    ("LU", "Institut luxembourgeois"),
    ("FR", "Agence nationale"),
    ("NO", "Nasjonal sikkerhetsmyndighet"),
    ("IS", "CERT-IS"),
]


@pytest.mark.parametrize(("main", "authority"), DSP_ROWS)
def test_nis1_digital_service_provider(clocks, main, authority):
    out = clocks(cyber_case((main,), (DSP,), main=main))
    assert "EU-NIS1-DSP" in out.owed, out.excluded.get("EU-NIS1-DSP")
    ob = out.owed["EU-NIS1-DSP"]
    assert ob["jurisdiction"] == main
    assert ob["authority"].startswith(authority), ob["authority"]


def test_nis1_dsp_not_where_nis2_applies(clocks):
    out = clocks(cyber_case(("DE",), (DSP,), main="DE"))
    assert "EU-NIS1-DSP" not in out.owed


def test_union_entity_reports_to_cert_eu(clocks):
    out = clocks(cyber_case(("BE",), ("eu_institution",)))
    assert out.owed["EU-IICS-21-EW"]["due_at"] == "2026-12-02T10:00:00Z"
    assert out.owed["EU-IICS-21-NOTIF"]["due_at"] == "2026-12-04T10:00:00Z"
    assert out.owed["EU-IICS-21-FINAL"]["due_at"] == "2027-01-04T10:00:00Z"
    for code in ("EU-IICS-21-EW", "EU-IICS-21-NOTIF", "EU-IICS-21-FINAL"):
        assert out.owed[code]["authority"].startswith("CERT-EU")


def test_italian_public_administration_reports_to_acn(clocks):
    out = clocks(cyber_case(("IT",), ("it_l90_entity",)))
    assert out.owed["IT-L90-1-SEGNALAZIONE"]["due_at"] == "2026-12-02T08:00:00Z"
    assert out.owed["IT-L90-1-NOTIFICA"]["due_at"] == "2026-12-04T08:00:00Z"
    assert out.owed["IT-L90-1-SEGNALAZIONE"]["authority"].startswith("Agenzia per la")


def test_quebec_public_body_confidentiality_incident(clocks):
    out = clocks(cyber_case(("CA-QC",), ("public_body",), affected={"CA-QC": 500}, risk="high"))
    assert "CA-QC-A21-CAI" in out.owed, out.excluded.get("CA-QC-A21-CAI")
    assert "CA-QC-A21-IND" in out.owed
    assert out.owed["CA-QC-A21-CAI"]["authority"].startswith("Commission d'accès")
    # the private-sector Act does not apply to a public body
    assert "CA-QC-LAW25-CAI" not in out.owed
    assert "CA-QC-LAW25-IND" not in out.owed


def test_quebec_public_body_no_serious_injury(clocks):
    out = clocks(cyber_case(("CA-QC",), ("public_body",), affected={"CA-QC": 500}, risk="risk"))
    assert "CA-QC-A21-CAI" not in out.owed
    assert "CA-QC-A21-IND" not in out.owed


def test_quebec_enterprise_still_under_the_private_sector_act(clocks):
    out = clocks(cyber_case(("CA-QC",), (), affected={"CA-QC": 500}, risk="high"))
    assert "CA-QC-LAW25-CAI" in out.owed
    assert "CA-QC-A21-CAI" not in out.owed


def test_nis1_rules_end_when_the_nis2_law_starts():
    """Guard: a state's NIS1 duty must stop where its NIS2 law comes into force. When the entry of
    EU-NIS2-23-EW for a state is dated in force, that state's NIS1 rule must carry an effective_to
    before that date, and its EU-NIS1-DSP entry must go."""
    rules = read_rulebook_file(default_rulebook_path()).rules
    nis2 = next(r for r in rules if r.code == "EU-NIS2-23-EW").authorities
    for rule in rules:
        if "-NIS1-" not in rule.code:
            continue
        if rule.code == "EU-NIS1-DSP":
            for state in rule.authorities:
                entry = nis2.get(state)
                assert entry is None or not entry.in_force_on(date.max), state
            continue
        entry = nis2.get(rule.jurisdiction)
        if entry is None or not entry.in_force_on(date.max):
            continue
        start = entry.effective_from
        assert rule.effective_to and start and rule.effective_to < start, rule.code
