"""Review of the rule-book changes of 6 December 2026: rows written from the primary text
before the book was corrected.

* 38 U.S.C. 5726(b): the Secretary of Veterans Affairs reports a data breach of sensitive
  personal information to the Committees on Veterans' Affairs. The federal-agency displacement
  of the state statutes (US-FISMA-CISA, pattern ``US-??-*``) must not take a federal rule away
  because its code happens to start with a two-letter segment.
* Ohio Rev. Code 1349.19(F)(1): the deemed compliance is for a financial institution, trust
  company or credit union "required by federal law ... to notify its customers" of a breach. A
  non-bank under the FTC Safeguards Rule owes the FTC a notice (16 CFR 314.4(j)) but no federal
  law requires it to tell its customers, so Ohio's residents' and agencies' notices stay.
* Wyo. Stat. 40-12-502(g): deemed compliance for a financial institution or federal credit union
  that maintains notification procedures under 15 U.S.C. 6801(b)(3) "and 12 C.F.R. Part 364
  Appendix B or Part 748 Appendix B" and notifies under them: an FTC Safeguards non-bank or an
  SEC-registered broker-dealer has no such procedures, so Wyoming's residents' notice stays.
  Banks and credit unions keep the exemption (control rows).
"""

from fnmatch import fnmatchcase
from functools import partial

import pytest

from tests.unit.law_cases import incident_facts

DISCOVERED = "2026-09-15T14:00:00Z"
facts = partial(incident_facts, discovered=DISCOVERED)


def owed_codes(out):
    return set(out.owed)


def test_veterans_affairs_committees_are_told(clocks):
    # 38 U.S.C. 5726(b): besides FISMA's notices, the Committees on Veterans' Affairs.
    out = clocks(
        facts(
            {"US-KY": 20000},
            subj=("us_federal_agency", "us_veterans_affairs"),
            classified_major_at="2026-09-16T14:00:00Z",
        )
    )
    cited = {o["citation"] for o in out.owed.values()}
    assert any("38 U.S.C. 5726" in c for c in cited), sorted(out.owed)
    assert {"US-FISMA-CISA", "US-FISMA-CONGRESS", "US-FISMA-IND"} <= owed_codes(out)


def test_federal_agency_displacement_takes_no_federal_rule(shipped):
    # The class: a pattern meant for state and territorial rules must match none of the
    # federal rules (jurisdiction US).
    federal = {r.code for r in shipped.rules if r.jurisdiction == "US"}
    for rule in shipped.rules:
        if "us_federal_agency" not in rule.requires_subject_to:
            continue
        for entry in rule.displaces:
            for pattern in entry.rules:
                hit = {c for c in federal if fnmatchcase(c, pattern) and c != rule.code}
                assert not hit, (rule.code, pattern, sorted(hit))


ROWS = [
    # (place, people, regimes, owed there, not owed there)
    pytest.param(
        "US-OH",
        2000,
        ("ftc_safeguards_financial_institution",),
        {"US-OH-IND", "US-OH-CRA"},
        set(),
        id="ohio-ftc-safeguards-nonbank",
    ),
    pytest.param(
        "US-OH",
        2000,
        ("banking_organization",),
        set(),
        {"US-OH-IND", "US-OH-CRA"},
        id="ohio-bank-control",
    ),
    pytest.param(
        "US-WY",
        2000,
        ("ftc_safeguards_financial_institution",),
        {"US-WY-IND"},
        set(),
        id="wyoming-ftc-safeguards-nonbank",
    ),
    pytest.param(
        "US-WY",
        2000,
        ("sec_reg_sp_covered_institution",),
        {"US-WY-IND"},
        set(),
        id="wyoming-broker-dealer",
    ),
    pytest.param(
        "US-WY",
        2000,
        ("banking_organization",),
        set(),
        {"US-WY-IND"},
        id="wyoming-bank-control",
    ),
    pytest.param(
        "US-WY",
        2000,
        ("ncua_federally_insured_credit_union",),
        set(),
        {"US-WY-IND"},
        id="wyoming-credit-union-control",
    ),
]


@pytest.mark.parametrize("place, people, subj, owed, not_owed", ROWS)
def test_glba_exemption_rows(clocks, place, people, subj, owed, not_owed):
    out = clocks(facts({place: people}, subj=subj))
    codes = owed_codes(out)
    assert owed <= codes, sorted(codes)
    assert not (not_owed & codes), sorted(codes)
