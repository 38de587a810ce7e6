"""Engine behaviour on small hand-made rule books: contract clauses, counted populations,
subject-to matching, relief calendars - the mechanics, independent of any statute."""

from datetime import date

import pytest

from jurisdictions.engine.rules import Jurisdiction, Rule, Threshold
from jurisdictions.engine.serialization import RulebookData

US = Jurisdiction("US", "United States", timezone="America/New_York", holiday_country="US")
CA = Jurisdiction("US-CA", "California", "US", "America/Los_Angeles", "US", "CA")
TX = Jurisdiction("US-TX", "Texas", "US", "America/Chicago", "US", "TX")
VT = Jurisdiction(
    "US-VT",
    "Vermont",
    "US",
    "America/New_York",
    "US",
    "VT",
    extra_closures=(date(2026, 6, 1),),
)


def rule(code, **kw):
    base = dict(
        code=code,
        jurisdiction="US",
        regime="Test",
        regime_code="test",
        recipient="individuals",
        authority="Someone",
        citation="Test s.1",
        clock_start="discovered_at",
        timing_standard="test",
    )
    base.update(kw)
    return Rule(**base)


def book(*rules):
    return RulebookData("2026-11-27", (US, CA, TX, VT), tuple(rules))


CLAUSE = rule(
    "DPA-ACME-9.2",
    kind="contract",
    counterparty="Acme Bank plc (customer DPA s.9.2)",
    contact="security@acme.example",
    recipient="controller",
    scope="organisation",
    systems_any=("checkout", "payments"),
    deadline_amount=24,
    deadline_unit="hours",
    data_condition=None,
)
INSURER = rule(
    "CYBER-POLICY-7",
    kind="contract",
    counterparty="Example Mutual (cyber policy 7)",
    recipient="internal",
    scope="organisation",
    customers_any=("Globex",),
    deadline_amount=2,
    deadline_unit="calendar_days",
    data_condition=None,
)


@pytest.mark.parametrize(
    ("systems", "customers", "owed", "why"),
    [
        (["checkout"], [], {"DPA-ACME-9.2"}, None),
        (
            ["crm"],
            [],
            set(),
            "contract clause covers systems checkout, payments; none of them is affected",
        ),
        ([], ["Globex"], {"CYBER-POLICY-7"}, None),
    ],
)
def test_contract_clauses_match_systems_and_customers(clocks, systems, customers, owed, why):
    out = clocks(
        {
            "events": {"discovered_at": "2026-05-04T09:00:00-04:00"},
            "systems": systems,
            "customers": customers,
        },
        book=book(CLAUSE, INSURER),
    )
    assert set(out.owed) == owed
    if "DPA-ACME-9.2" in owed:
        clause = out.owed["DPA-ACME-9.2"]
        assert clause["due_at"] == "2026-05-05T13:00:00Z"
        assert (clause["kind"], clause["contact"]) == ("contract", "security@acme.example")
        assert clause["counterparty"] == "Acme Bank plc (customer DPA s.9.2)"
        assert "affected systems include checkout" in clause["why"]
    if why:
        assert out.excluded["DPA-ACME-9.2"]["why"] == why


@pytest.mark.parametrize(
    ("affected", "applies", "why"),
    [
        (
            {"US-CA": 300, "US-TX": 300},
            False,
            "largest number in one subdivision: 300 residents of California affected, "
            "not more than 500",
        ),
        (
            {"US-CA": 501, "US-TX": 1},
            True,
            "largest number in one subdivision: 501 residents of California affected, "
            "more than 500",
        ),
    ],
)
def test_per_subdivision_threshold(clocks, affected, applies, why):
    media = rule(
        "MEDIA",
        scope="organisation",
        recipient="media",
        threshold=Threshold(">", 500, "per_subdivision"),
    )
    out = clocks(
        {
            "events": {"discovered_at": "2026-05-04T09:00:00-04:00"},
            "data": ["name"],
            "affected": affected,
        },
        book=book(media),
    )
    assert (why in out.owed["MEDIA"]["why"]) if applies else (out.excluded["MEDIA"]["why"] == why)


def test_total_threshold_counts_everyone(clocks):
    hhs = rule("HHS", scope="organisation", threshold=Threshold(">=", 500, "total"))
    out = clocks(
        {
            "events": {"discovered_at": "2026-05-04T09:00:00-04:00"},
            "data": ["name"],
            "affected": {"US-CA": 250, "US-TX": 250},
        },
        book=book(hhs),
    )
    assert "500 people affected in total, at least 500" in out.owed["HHS"]["why"]


def test_residents_of_a_state_count_for_the_country(clocks):
    federal = rule("FED", threshold=Threshold(">", 100, "jurisdiction"))
    out = clocks(
        {
            "events": {"discovered_at": "2026-05-04T09:00:00-04:00"},
            "data": ["name"],
            "affected": {"US-CA": 60, "US-TX": 60},
        },
        book=book(federal),
    )
    assert "120 residents of United States affected, more than 100" in out.owed["FED"]["why"]


def test_business_days_use_the_state_calendar_and_extra_closures(clocks):
    # Vermont: Fri 29 May 2026 + 2 business days: Mon 1 June is an added closure day -> Wed 3
    vt = rule(
        "VT-AG",
        jurisdiction="US-VT",
        recipient="attorney_general",
        deadline_amount=2,
        deadline_unit="business_days",
    )
    out = clocks(
        {
            "events": {"discovered_at": "2026-05-29T10:00:00-04:00"},
            "data": ["name"],
            "affected": {"US-VT": 3},
        },
        book=book(vt),
    )
    assert out.due("VT-AG") == "2026-06-04T03:59:59Z"
    assert "2026-06-01 (closure day)" in " ".join(out.owed["VT-AG"]["computation"])


def test_subject_to_prefix_matching(clocks):
    dora = rule("DORA", scope="organisation", requires_subject_to=("dora",), data_condition=None)
    for stated, applies in [
        (["dora"], True),
        (["dora:credit_institution"], True),
        (["dora_financial_entity"], True),
        (["doramaker"], False),
        ([], False),
    ]:
        out = clocks(
            {
                "events": {"discovered_at": "2026-05-04T09:00:00Z"},
                "organisation": {"subject_to": stated},
                "affected": {"US-CA": 1},
            },
            book=book(dora),
        )
        assert ("DORA" in out.owed) is applies, stated


def test_unassessed_risk_is_treated_as_notifiable(clocks):
    harm = rule("HARM", min_risk="unlikely")
    out = clocks(
        {
            "events": {"discovered_at": "2026-05-04T09:00:00Z"},
            "data": ["name"],
            "affected": {"US-CA": 1},
        },
        book=book(harm),
    )
    assert any("not yet assessed" in w for w in out.owed["HARM"]["why"])
    none = clocks(
        {
            "events": {"discovered_at": "2026-05-04T09:00:00Z"},
            "data": ["name"],
            "risk_of_harm": "none",
            "affected": {"US-CA": 1},
        },
        book=book(harm),
    )
    assert none.excluded["HARM"]["why"] == (
        "risk of harm assessed as no risk; the rule applies only from harm unlikely upward"
    )


def test_dependent_rule_excluded_when_its_parent_is_not_owed(clocks):
    ind = rule("IND", jurisdiction="US-CA", deadline_amount=30, deadline_unit="calendar_days")
    ag = rule(
        "AG",
        jurisdiction="US-CA",
        recipient="attorney_general",
        clock_start="notice:IND",
        deadline_amount=15,
        deadline_unit="calendar_days",
    )
    out = clocks(
        {
            "events": {"discovered_at": "2026-05-04T09:00:00Z"},
            "data": ["name"],
            "encryption": {"encrypted": True},
            "affected": {"US-CA": 1},
        },
        book=book(Rule(**{**ind.__dict__, "encryption_safe_harbour": True}), ag),
    )
    assert out.excluded["AG"]["why"].startswith("follows the notice under IND, which is not owed")


def test_waiting_for_dependent_notice_without_fixed_deadline(clocks):
    ind = rule("IND", jurisdiction="US-CA")
    ag = rule(
        "AG",
        jurisdiction="US-CA",
        recipient="attorney_general",
        clock_start="notice:IND",
        deadline_amount=10,
        deadline_unit="calendar_days",
    )
    out = clocks(
        {
            "events": {"discovered_at": "2026-05-04T09:00:00Z"},
            "data": ["name"],
            "affected": {"US-CA": 1},
        },
        book=book(ind, ag),
    )
    assert out.owed["AG"]["waiting_for"] == "notice:IND"
    assert out.owed["AG"]["due_at"] is None


def test_every_harm_level_has_words_for_the_explanations():
    from jurisdictions.engine.clocks import RISK_WORDS
    from jurisdictions.engine.rules import RISK_LEVELS

    assert tuple(RISK_WORDS) == RISK_LEVELS
