"""Retention periods as a law-firm chart: what each rule demands, and what the case keeps."""

from __future__ import annotations

from datetime import date

import pytest

from retention.periods import (
    DocumentationPeriod,
    PeriodError,
    add_years,
    in_play,
    parse_period,
    retained_until,
    retention_for,
)

FL = DocumentationPeriod(
    "US-FL-IND", 5, "the written no-harm determination", "Fla. Stat. 501.171(4)(c)"
)
HIPAA = DocumentationPeriod("US-HIPAA-408-HHS", 6, "breach documentation", "45 CFR 164.530(j)(2)")
GDPR = DocumentationPeriod("DE-GDPR-33-SA", None, "the breach register", "GDPR Art 33(5)")


@pytest.mark.parametrize(
    "periods, policy, years, last_line",
    [
        ([FL], None, 5, "kept 5 years after the case is closed"),
        ([FL, HIPAA], None, 6, "kept 6 years after the case is closed"),
        ([FL], 3, 5, "the law's 5 years outlast the policy's 3: kept 5"),
        ([FL], 10, 10, "kept 10 years after the case is closed"),
        ([GDPR], None, None, "no retention period applies: the case is kept until one is set"),
        ([GDPR], 2, 2, "kept 2 years after the case is closed"),
        ([], None, None, "no retention period applies: the case is kept until one is set"),
    ],
)
def test_longest_period_wins(periods, policy, years, last_line):
    retention = retention_for(periods, policy)
    assert retention.years == years
    assert retention.why[-1] == last_line


def test_every_rule_is_named_in_the_reasons():
    why = " ".join(retention_for([GDPR, FL], None).why)
    assert (
        "Fla. Stat. 501.171(4)(c)" in why and "GDPR Art 33(5)" in why and "no fixed period" in why
    )


@pytest.mark.parametrize(
    "closed, years, until",
    [
        (date(2020, 3, 1), 5, date(2025, 3, 1)),
        (date(2020, 2, 29), 5, date(2025, 2, 28)),  # leap day into a common year
        (date(2020, 2, 29), 4, date(2024, 2, 29)),
        (date(2020, 12, 31), 6, date(2026, 12, 31)),
        (None, 5, None),  # an open case is never due
        (date(2020, 1, 1), None, None),  # no period: never due
    ],
)
def test_retained_until(closed, years, until):
    assert retained_until(closed, years) == until


def test_add_years_keeps_the_day():
    assert add_years(date(2024, 7, 15), 1) == date(2025, 7, 15)


@pytest.mark.parametrize(
    "jurisdiction, places, reached",
    [
        ("US-FL", ["US-FL"], True),
        ("US", ["US-FL"], True),
        ("US-FL", ["US-FLX"], False),
        ("US-FL", ["US-NY", "DE"], False),
        ("EU", ["DE"], False),  # EU-wide rules carry no period of their own here
    ],
)
def test_in_play(jurisdiction, places, reached):
    assert in_play(jurisdiction, places) is reached


@pytest.mark.parametrize(
    "extra, field",
    [
        ({"documentation_period": 5}, "(value)"),
        ({"documentation_period": {"years": 0, "records": "x", "citation": "y"}}, "years"),
        ({"documentation_period": {"years": True, "records": "x", "citation": "y"}}, "years"),
        ({"documentation_period": {"years": 5, "citation": "y"}}, "records"),
        ({"documentation_period": {"years": 5, "records": "x", "citation": " "}}, "citation"),
        (
            {"documentation_period": {"years": 5, "records": "x", "citation": "y", "from": 1}},
            "from",
        ),
    ],
)
def test_bad_periods_name_the_field(extra, field):
    with pytest.raises(PeriodError) as exc:
        parse_period("US-XX-IND", extra)
    assert exc.value.field == field and "US-XX-IND" in str(exc.value)


def test_no_period_recorded():
    assert parse_period("US-XX-IND", {}) is None
    assert parse_period("US-XX-IND", None) is None


def test_shipped_rule_book_periods_parse_and_cite_their_law():
    from pathlib import Path

    import yaml

    book = yaml.safe_load(
        (Path(__file__).resolve().parents[2] / "jurisdictions/rulebook/rulebook.yaml").read_text()
    )
    periods = {
        r["code"]: parse_period(r["code"], r.get("extra"))
        for r in book["rules"]
        if (r.get("extra") or {}).get("documentation_period")
    }
    assert periods["US-FL-IND"].years == 5
    assert periods["US-FL-IND"].citation == "Fla. Stat. 501.171(4)(c)"
    assert periods["US-NY-IND"].citation == "N.Y. Gen. Bus. Law 899-aa(2)(a)"
    assert periods["US-HIPAA-408-HHS"].years == 6
    assert periods["US-NYDFS-500-17A"].years == 5
    for rule in book["rules"]:
        if rule["code"] in periods:
            assert rule.get("last_reviewed") == "2026-12-06", rule["code"]
