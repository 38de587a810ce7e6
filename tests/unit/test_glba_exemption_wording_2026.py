"""State GLBA exemptions read on their wording, and the Law Enforcement Directive's displacement
of the GDPR notices confined to the EU/EEA: rows written from the texts before the book was
changed (follow-up to the review of 6 December 2026).

* Exemptions worded on the federal regulator's breach procedures ("maintains procedures for a
  breach ... pursuant to the rules ... of its primary or functional [state or] federal regulator
  and notifies affected residents in accordance with them"; Del. 12B-103(b), D.C. 28-3852(g),
  SDCL 22-40-26, M.G.L. 93H s 5, Conn. 36a-701b(g) - "functional regulator" of 15 U.S.C.
  6809(2), which does not name the FTC -, Idaho 28-51-106, K.S.A. 50-7a03, Neb. 87-804, Utah
  13-44-202(5), Ala. 8-38-11, and Ark. 4-110-106's "at least as thorough disclosure
  requirements"): a non-bank under the FTC Safeguards Rule has no federal procedure for telling
  residents (16 CFR 314.4(j) is a notice to the FTC), so the residents' notice stays; an
  SEC-registered broker-dealer must tell its customers under Regulation S-P (17 CFR
  248.30(a)(4)) and a national bank under the Interagency Guidance (12 CFR 30 App. B Supp. A),
  so both are exempt.
* Maryland 14-3507(b) is disjunctive ("notification procedures, the protection or security of
  personal information, or the destruction of personal information" under the regulator's rules):
  a non-bank complying with the Safeguards Rule is deemed in compliance (control row).
* Directive (EU) 2016/680 and the GDPR's Art 2(2)(d) bind EU/EEA states only. Gibraltar left the
  EU on 31 December 2020 and keeps its own GDPR copy; its law-enforcement regime (Data Protection
  Act 2004 Part III) was not read, so for a Gibraltar police body the Gibraltar GDPR notice
  stays listed rather than disappearing. ePrivacy's Art 95 displacement and the EUDPR's likewise.
"""

from fnmatch import fnmatchcase
from functools import partial

import pytest

from tests.unit.law_cases import incident_facts

DISCOVERED = "2026-09-15T14:00:00Z"
facts = partial(incident_facts, discovered=DISCOVERED)

NONBANK = ("ftc_safeguards_financial_institution",)
BROKER = ("sec_reg_sp_covered_institution",)
BANK = ("banking_organization",)

# (state, rules the exemption covers that a Safeguards non-bank still owes at 2,000 residents)
REGULATOR_WORDED = [
    ("US-DE", {"US-DE-IND", "US-DE-AG"}),
    ("US-DC", {"US-DC-IND", "US-DC-AG", "US-DC-CRA"}),
    ("US-SD", {"US-SD-IND", "US-SD-AG"}),
    ("US-MA", {"US-MA-IND"}),
    ("US-CT", {"US-CT-IND"}),
    ("US-ID", {"US-ID-IND"}),
    ("US-KS", {"US-KS-IND"}),
    ("US-NE", {"US-NE-IND"}),
    ("US-UT", {"US-UT-IND", "US-UT-AG"}),
    ("US-AR", {"US-AR-IND", "US-AR-AG"}),
    ("US-AL", {"US-AL-IND"}),
]

ROWS = []
for state, nonbank_owes in REGULATOR_WORDED:
    ind = f"{state}-IND"
    ROWS += [
        pytest.param(state, NONBANK, nonbank_owes, set(), id=f"{state}-safeguards-nonbank"),
        pytest.param(state, BROKER, set(), {ind}, id=f"{state}-sec-broker-dealer"),
        pytest.param(state, BANK, set(), {ind}, id=f"{state}-national-bank"),
    ]
ROWS += [
    pytest.param("US-MD", NONBANK, set(), {"US-MD-IND"}, id="US-MD-safeguards-nonbank"),
    pytest.param("US-MD", BROKER, set(), {"US-MD-IND"}, id="US-MD-sec-broker-dealer"),
    pytest.param("US-MD", BANK, set(), {"US-MD-IND"}, id="US-MD-national-bank"),
]


@pytest.mark.parametrize("place, subj, owed, not_owed", ROWS)
def test_glba_exemption_wording(clocks, place, subj, owed, not_owed):
    out = clocks(facts({place: 2000}, subj=subj))
    codes = set(out.owed)
    assert owed <= codes, sorted(owed - codes)
    assert not (not_owed & codes), sorted(not_owed & codes)


# --- Gibraltar and the EU-only displacements ---------------------------------------------------

EEA = {
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE",
    "IS", "IT", "LI", "LT", "LU", "LV", "MT", "NL", "NO", "PL", "PT", "RO", "SE", "SI", "SK",
}  # fmt: skip

EU_ONLY = ("led_competent_authority", "eu_institution", "ecomms_provider:service_data")


def test_eu_displacements_reach_only_eea_rules(shipped):
    # The class: a displacement grounded on an EU act (LED, EUDPR, ePrivacy) takes away only
    # rules of EU/EEA states or of the EU itself - never GB-, GI-, JE-, GG-, IM- or CH- rules.
    codes = {r.code: r.jurisdiction for r in shipped.rules}
    for rule in shipped.rules:
        if rule.jurisdiction != "EU":
            continue
        for entry in rule.displaces:
            if not set(entry.when_subject_to) & set(EU_ONLY):
                continue
            for pattern in entry.rules:
                hit = {
                    c
                    for c, j in codes.items()
                    if fnmatchcase(c, pattern) and j.split("-")[0] not in EEA | {"EU"}
                }
                assert not hit, (rule.code, pattern, sorted(hit))


GI_ROWS = [
    pytest.param(
        # A Gibraltar police body: the EU's LED does not bind Gibraltar, so the Gibraltar GDPR
        # notice is not displaced by it (Part III of the DPA 2004 not modelled).
        facts({"GI": 500}, main="GI", est=("GI",), subj=("led_competent_authority",)),
        {"GI-GDPR-33-SA"},
        set(),
        id="gibraltar-police",
    ),
    pytest.param(
        # Control: an Irish police body - LED Art 30 in place of GDPR Art 33.
        facts({"IE": 500}, main="IE", est=("IE",), subj=("led_competent_authority",)),
        {"EU-LED-30-SA"},
        {"IE-GDPR-33-SA"},
        id="irish-police-control",
    ),
    pytest.param(
        # A Gibraltar telecoms provider, service data: Regulation 611/2013 and GDPR Art 95 are
        # EU law; the Gibraltar GDPR notice stays listed.
        facts({"GI": 500}, main="GI", est=("GI",), subj=("ecomms_provider:service_data",)),
        {"GI-GDPR-33-SA"},
        set(),
        id="gibraltar-telecoms",
    ),
]


@pytest.mark.parametrize("fx, owed, not_owed", GI_ROWS)
def test_gibraltar_rows(clocks, fx, owed, not_owed):
    codes = set(clocks(fx).owed)
    assert owed <= codes, sorted(codes)
    assert not (not_owed & codes), sorted(codes)
