"""National cyber-incident duties beside the EU regimes, in force on 6 December 2026.

Rows were written from the texts named below before the engine was run:

* Italy, Perimetro di sicurezza nazionale cibernetica (`it_psnc_entity`): DPCM 14 aprile 2021,
  n. 81, art. 3(1) and (4) (G.U. n. 138 of 11 June 2021, official text read): from 1 January 2022
  a body in the perimeter notifies the CSIRT Italia of an incident on one of its ICT assets listed
  in annex A "entro sei ore" for a table 1 incident and "entro un'ora" for a table 2 incident (the
  graver ones), counted from when it came to know of it. Table 2 is stated as the incident graded
  major (classified_major_at).
* Germany, TKG § 168 as amended by the NIS2UmsuCG (art. 26): a public telecoms network operator
  or publicly available telecoms service provider (`ecomms_provider`) reports a significant
  security incident to the Bundesnetzagentur and the BSI - early first report within 24 hours of
  knowing, report within 72 hours, final report one month after the report.
* France, CPCE art. D98-5 III (ARCEP's statement of the duty): an electronic communications
  operator informs the Minister of the Interior, and the ANSSI when the incident is of computer
  origin, as soon as it knows of a security incident with a significant impact on its networks or
  services; no fixed period.
* France, code de la défense L. 1332-6-2 (`fr_oiv`): an operator of vital importance informs the
  Prime Minister (ANSSI) without delay of incidents affecting its vital information systems; no
  fixed period.

Times: discovered Tue 1 Dec 2026 08:00 UTC, known to be significant 10:00 UTC.
"""

import pytest

from tests.unit.law_cases import breach

DAY = "2026-12-01"


def case(est, subject_to, major=True):
    facts = breach(
        {est[0]: 1000},
        subject_to=subject_to,
        est=est,
        risk="none",
        data=("name",),
        discovered=f"{DAY}T08:00:00Z",
    )
    if major:
        facts["events"]["classified_major_at"] = f"{DAY}T10:00:00Z"
    return facts


# (case id, establishment, subject_to, major, rule, authority starts with, due_at, citation has)
# fmt: off
ROWS = [
    ("psnc-table1", "IT", "it_psnc_entity", False, "IT-PSNC-3-T1", "Agenzia per la",
     "2026-12-01T14:00:00Z", "81"),
    ("psnc-table2", "IT", "it_psnc_entity", True, "IT-PSNC-3-T2", "Agenzia per la",
     "2026-12-01T09:00:00Z", "81"),
    ("tkg-ew", "DE", "ecomms_provider", True, "DE-TKG-168-EW", "Bundesnetzagentur",
     "2026-12-02T10:00:00Z", "168"),
    ("tkg-notif", "DE", "ecomms_provider", True, "DE-TKG-168-NOTIF", "Bundesnetzagentur",
     "2026-12-04T10:00:00Z", "168"),
    ("tkg-final", "DE", "ecomms_provider", True, "DE-TKG-168-FINAL", "Bundesnetzagentur",
     "2027-01-04T10:00:00Z", "168"),
    ("cpce", "FR", "ecomms_provider", True, "FR-CPCE-D98-5", "Ministre de l'Intérieur", None,
     "D98-5"),
    ("oiv", "FR", "fr_oiv", False, "FR-LPM-OIV", "Premier ministre", None, "L1332-6-2"),
]
# fmt: on


@pytest.mark.parametrize(
    ("est", "subject_to", "major", "code", "authority", "due", "citation"),
    [row[1:] for row in ROWS],
    ids=[row[0] for row in ROWS],
)
def test_national_cyber_duty_owed(clocks, est, subject_to, major, code, authority, due, citation):
    out = clocks(case((est,), (subject_to,), major=major))
    assert code in out.owed, (code, out.excluded.get(code))
    ob = out.owed[code]
    assert ob["jurisdiction"] == est
    assert ob["authority"].startswith(authority), ob["authority"]
    assert citation in ob["citation"], ob["citation"]
    assert ob["due_at"] == due


def test_psnc_table2_replaces_table1(clocks):
    """One notice per incident: a table 2 incident is notified within the hour, not also in six."""
    out = clocks(case(("IT",), ("it_psnc_entity",), major=True))
    assert "IT-PSNC-3-T1" not in out.owed
    out = clocks(case(("IT",), ("it_psnc_entity",), major=False))
    assert "IT-PSNC-3-T2" not in out.owed


# (establishment, subject_to, rules that must not be owed)
NOT_OWED = [
    ("FR", "it_psnc_entity", ("IT-PSNC-3-T1", "IT-PSNC-3-T2")),
    ("IT", "ecomms_provider", ("DE-TKG-168-EW", "FR-CPCE-D98-5")),
    ("DE", "fr_oiv", ("FR-LPM-OIV",)),
    ("DE", "it_l90_entity", ("IT-PSNC-3-T1",)),
]


@pytest.mark.parametrize(("est", "subject_to", "codes"), NOT_OWED)
def test_national_duty_only_where_established(clocks, est, subject_to, codes):
    out = clocks(case((est,), (subject_to,)))
    for code in codes:
        assert code not in out.owed, code


NATIONAL_CODES = sorted({row[4] for row in ROWS})


def test_plain_company_owes_none_of_them(clocks):
    for est in ("IT", "DE", "FR"):
        out = clocks(case((est,), ()))
        for code in NATIONAL_CODES:
            assert code not in out.owed, (est, code)
