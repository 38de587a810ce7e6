"""Rule evidence: "high" confidence needs a primary source, a version cites the law of its own
period, one regime per law - warned by import_rules and the rule console, absent from the
shipped book."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
import yaml
from django.core.management import call_command

from jurisdictions.engine.serialization import read_rulebook_file
from jurisdictions.rule_hygiene import citation_period_problem, is_primary, rule_problems

SHIPPED = Path(__file__).resolve().parents[2] / "jurisdictions" / "rulebook" / "rulebook.yaml"


@pytest.mark.parametrize(
    ("source", "primary"),
    [
        ("https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml", True),
        ("https://oag.ca.gov/ecrime/databreach/reporting", True),  # the regulator
        ("https://www.ecfr.gov/current/title-16/part-318", True),
        ("https://eur-lex.europa.eu/eli/reg/2016/679/oj", True),
        ("https://legisquebec.gouv.qc.ca/en/document/cs/P-39.1", True),
        ("https://www.ppc.go.jp/en/legal/", True),
        ("https://ico.org.uk/for-organisations/report-a-breach/", True),
        ("Data Protection (Jersey) Law 2018 Arts 20-21", True),  # the instrument, by name
        ("https://laws.gnb.ca/en/version/cs/P-7.05?code=se:49", True),  # a named host's subdomain
        ("https://www.ontario.ca/laws/statute/04p03", True),
        ("https://www.handbook.fca.org.uk/handbook/SUP/15/3.html", True),
        ("https://notontario.ca.example.com/laws", False),  # a name inside another host
        ("https://self-law.org/code/ky/61-933", False),  # a private copy of a statute
        ("https://www.dwt.com/blogs/privacy--security-law-blog/2023/06/texas", False),
        ("https://lawserver.com/law/state/indiana/in-code/indiana_code_24-4-9-3-3", False),
        ("https://www.mondaq.com/unitedstates/data-protection/1693242/", False),
        ("background knowledge; KRS 365.732 not read when compiled", False),
        ("github Ansvar-Systems/US-law-mcp data/seed/states/dc.json", False),
    ],
)
def test_what_counts_as_a_primary_source(source, primary):
    assert is_primary(source) is primary


@pytest.mark.parametrize(
    ("citation", "ends", "problem"),
    [
        (
            "Cal. Civ. Code 1798.82 (as amended by SB 446, eff. 2026-01-01)",
            date(2025, 12, 31),
            True,
        ),
        ("Cal. Civ. Code 1798.82 (as amended by SB 446, eff. 2026-01-01)", None, False),
        ("Cal. Civ. Code 1798.82(f) (before SB 446)", date(2025, 12, 31), False),
        ("PECR reg 5A as amended (in force 20 Aug 2025, SI 2025/904)", date(2025, 8, 19), True),
        ("16 CFR 318.5(c) (as amended, eff. 29 Jul 2024)", date(2024, 7, 29), False),
        ("73 P.S. 2301 (as amended by Act 33 of 2024, eff. 2024-09-26)", date(2030, 1, 1), False),
    ],
)
def test_a_citation_fits_its_versions_period(citation, ends, problem):
    assert bool(citation_period_problem(citation, ends)) is problem


def test_the_shipped_book_has_no_evidence_problems():
    book = read_rulebook_file(SHIPPED)
    found = {(r.code, r.version): rule_problems(r) for r in book.rules if rule_problems(r)}
    assert found == {}
    california = {r.version: r.citation for r in book.rules if r.code == "US-CA-AG"}
    assert "before SB 446" in california[1] and "SB 446" in california[2]


def test_the_shipped_book_has_one_regime_per_law():
    book = read_rulebook_file(SHIPPED)
    idaho = {r.regime_code for r in book.rules if r.jurisdiction == "US-ID"}
    assert idaho == {"us-id-breach"}


def test_import_warns_about_a_high_confidence_rule_without_a_primary_source(rulebook, tmp_path):
    path = tmp_path / "rules.yaml"
    call_command("export_rules", "-o", str(path), stderr=io.StringIO())
    document = yaml.safe_load(path.read_text())
    rule = document["rules"][0]
    rule.update(confidence="high", sources=["https://www.example-law-firm.com/blog/breach-chart"])
    rule.update(citation="Some Act s.1 (as amended, eff. 2031-01-01)", effective_to="2030-12-31")
    path.write_text(yaml.safe_dump(document))
    err = io.StringIO()
    call_command(
        "import_rules", str(path), "--dry-run", "--quiet", stdout=io.StringIO(), stderr=err
    )
    warnings = err.getvalue()
    assert f"warning: {rule['code']}" in warnings
    assert "no source is a primary one" in warnings
    assert "amendment in force from 2031-01-01" in warnings


def test_the_rule_console_warns_when_a_saved_version_lacks_a_primary_source(
    client, rules_admin, rulebook
):
    from django.urls import reverse

    from jurisdictions.models import RuleVersion
    from tests.jurisdictions.test_admin import _form_data

    client.force_login(rules_admin)
    version = RuleVersion.objects.get(rule__code="US-TX-AG", publication="published")
    data = _form_data(version, confidence="high", sources="https://www.example.com/blog/chart")
    url = reverse("admin:jurisdictions_ruleversion_change", args=[version.pk])
    response = client.post(url, {**data, "_continue": "1"}, follow=True)
    shown = [str(m) for m in response.context["messages"]]
    assert any("no source is a primary one" in m for m in shown), shown


def test_the_rule_book_filter_offers_states_and_provinces(client, counsel, rulebook):
    client.force_login(counsel)
    page = client.get("/rules/").content.decode()
    assert 'value="US-CA"' in page and "California (US-CA)" in page
    assert 'class="rules-filter-button"' in page
    california = client.get("/rules/", {"jurisdiction": "US-CA"}).content.decode()
    assert "US-CA-AG" in california and "US-TX-AG" not in california
