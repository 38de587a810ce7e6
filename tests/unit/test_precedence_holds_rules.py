"""Precedence and holds on small hand-made rule books: each precedence class, each hold variant,
the mechanics independent of any statute. Dates counted by hand: Texas (America/Chicago) is on
CDT (-05:00) from Sun 8 March 2026; calendar days end at 23:59:59 local time."""

import pytest

from jurisdictions.engine.rules import AfterLift, Delay, Displacement, Jurisdiction, Rule
from jurisdictions.engine.serialization import RulebookData, load_rulebook_data, rulebook_to_dict

US = Jurisdiction("US", "United States", timezone="America/New_York", holiday_country="US")
TX = Jurisdiction("US-TX", "Texas", "US", "America/Chicago", "US", "TX")


def rule(code, **kw):
    base = dict(
        code=code,
        jurisdiction="US-TX",
        regime=f"Act of {code}",
        regime_code=code.lower(),
        recipient="individuals",
        authority="Someone",
        citation=f"{code} s.1",
        clock_start="discovered_at",
        timing_standard="test",
        deadline_amount=30,
        deadline_unit="calendar_days",
    )
    base.update(kw)
    return Rule(**base)


def book(*rules):
    data = RulebookData("2026-12-06", (US, TX), tuple(rules))
    # Every book here also survives the file form (the round trip the importer uses).
    return load_rulebook_data(rulebook_to_dict(data))


FACTS = {
    # Mon 2 March 2026, 15:00 UTC = 09:00 CST
    "events": {"discovered_at": "2026-03-02T15:00:00Z"},
    "data": ["name", "ssn"],
    "affected": {"US-TX": 100},
}
# 30th day after Mon 2 March = Wed 1 April, 23:59:59 CDT
DUE_30 = "2026-04-02T04:59:59Z"


def displacing(**kw):
    entry = dict(rules=("B",), basis="lex_specialis", citation="Act A s.9")
    entry.update(kw)
    return rule("A", displaces=(Displacement(**entry),))


@pytest.mark.parametrize(
    ("a", "others", "subject_to", "displaced", "words"),
    [
        # lex specialis: the special law applies, so the general one does not
        (displacing(), [rule("B")], [], {"B"}, "lex specialis (the sector-specific law applies"),
        # lex specialis needing the displacing rule to apply: A is not owed -> B stays
        (
            displacing(),
            [rule("B")],
            [],
            set(),
            None,
        ),
        # exemption for entities under another regime, whatever A's own test says
        (
            displacing(basis="exemption", when_subject_to=("hipaa",), requires_applies=False),
            [rule("B")],
            ["hipaa_covered_entity"],
            {"B"},
            "exemption (the law does not apply to this organisation)",
        ),
        # ... and not without the regime flag
        (
            displacing(basis="exemption", when_subject_to=("hipaa",), requires_applies=False),
            [rule("B")],
            ["glba_financial_institution"],
            set(),
            None,
        ),
        # deemed compliance for some recipients only: the AG notice stays
        (
            displacing(
                basis="deemed_compliance",
                rules=("B", "B-AG"),
                recipients=("individuals",),
                when_subject_to=("glba",),
            ),
            [rule("B"), rule("B-AG", recipient="attorney_general")],
            ["glba_financial_institution"],
            {"B"},
            "deemed compliance (following the other regime satisfies this law)",
        ),
        # substantially similar provincial-style law, with a glob
        (
            displacing(basis="substantially_similar", rules=("B*",), when_subject_to=("intra",)),
            [rule("B"), rule("BX", recipient="supervisory_authority")],
            ["intra:tx"],
            {"B", "BX"},
            "substantially similar law (the other law governs instead)",
        ),
        # an exemption written in the displaced law itself, on itself
        (
            rule("A"),
            [
                rule(
                    "B",
                    displaces=(
                        Displacement(
                            rules=("B",),
                            basis="exemption",
                            citation="B s.2",
                            when_subject_to=("small_business",),
                            requires_applies=False,
                        ),
                    ),
                )
            ],
            ["small_business"],
            {"B"},
            "exempt under its own terms (B s.2)",
        ),
    ],
)
def test_precedence_classes(clocks, a, others, subject_to, displaced, words):
    facts = {**FACTS, "organisation": {"subject_to": subject_to}}
    if not displaced and a.displaces and a.displaces[0].requires_applies:
        # make A itself not owed: it needs a category that is not affected
        a = Rule(**{**a.__dict__, "data_condition": "medical"})
    out = clocks(facts, book=book(a, *others))
    gone = {c for c, e in out.excluded.items() if "displaced_by" in e}
    assert gone == displaced
    for code in displaced:
        entry = out.excluded[code]
        assert words in entry["why"], entry["why"]
        assert code not in out.owed
    for other in others:
        if other.code not in displaced:
            assert out.due(other.code) == DUE_30
    assert [c["key"] for c in out.doc["conflicts"]] == [
        f"displacement:{out.excluded[c]['displaced_by']}>{c}" for c in sorted(displaced)
    ]


def test_displacement_why_names_both_rules_citations_and_basis(clocks):
    a = displacing(note="B's duty is absorbed by A's")
    out = clocks(FACTS, book=book(a, rule("B")))
    assert out.excluded["B"] == {
        "rule": "B",
        "jurisdiction": "US-TX",
        "recipient": "individuals",
        "regime": "Act of B",
        "rule_version": 1,
        "displaced_by": "A",
        "why": "displaced by A (Act of A, A s.1): lex specialis (the sector-specific law applies "
        "instead) - Act A s.9; B's duty is absorbed by A's; this duty (B s.1) is not owed",
    }
    (conflict,) = out.doc["conflicts"]
    assert conflict == {
        "kind": "displacement",
        "key": "displacement:A>B",
        "rules": ["A", "B"],
        "basis": "lex_specialis",
        "citation": "Act A s.9",
        "why": "B: " + out.excluded["B"]["why"],
    }


def test_duties_counted_from_a_displaced_notice_go_with_it(clocks):
    follower = rule("B-AG", recipient="attorney_general", clock_start="notice:B")
    after = rule("B-CRA", recipient="consumer_reporting_agencies", clock_start="notice:B-AG")
    out = clocks(FACTS, book=book(displacing(), rule("B"), follower, after))
    assert out.excluded["B-AG"]["displaced_by"] == "A"
    assert out.excluded["B-AG"]["why"].startswith(
        "follows the notice under B, which is displaced by A"
    )
    assert out.excluded["B-CRA"]["why"].startswith("follows the notice under B-AG, which is")
    (conflict,) = out.doc["conflicts"]
    assert conflict["rules"] == ["A", "B", "B-AG", "B-CRA"]


def test_under_deemed_compliance_what_follows_the_notice_still_runs(clocks):
    follower = rule("B-CRA", recipient="consumer_reporting_agencies", clock_start="notice:B")
    a = displacing(basis="deemed_compliance")
    out = clocks(FACTS, book=book(a, rule("B"), follower))
    assert out.excluded["B"]["displaced_by"] == "A"
    assert "B-CRA" in out.owed


def test_a_rule_that_applies_does_not_displace_itself(clocks):
    a = rule("A", displaces=(Displacement(rules=("A*",), basis="other", citation="x"),))
    out = clocks(FACTS, book=book(a, rule("AB")))
    assert "A" in out.owed and out.excluded["AB"]["displaced_by"] == "A"


# --------------------------------------------------------------------------- holds

LE = Delay(citation="Act s.4", law_enforcement=True)


def held(**kw):
    return rule("H", delay=Delay(**{**LE.__dict__, **kw}))


REQUESTED = "2026-03-03T15:00:00Z"
LIFTED = "2026-03-20T15:00:00Z"  # Fri 20 March, 10:00 CDT


@pytest.mark.parametrize(
    ("delay_rule", "written", "lifted", "due", "waiting", "clock", "conflict"),
    [
        # written hold, not lifted: waits
        (held(), True, None, None, "law_enforcement_hold", None, None),
        # oral hold where any request suffices: waits
        (held(), False, None, None, "law_enforcement_hold", None, None),
        # oral hold where the law needs a written one: the deadline runs
        (held(written_required=True), False, None, DUE_30, None, None, "hold_not_written"),
        # written request where one is needed: waits
        (held(written_required=True), True, None, None, "law_enforcement_hold", None, None),
        # lifted, as soon as: clock from the lift, no fixed limit
        (held(), True, LIFTED, None, None, LIFTED, None),
        # lifted, fixed 30 days after the lift: Sun 19 April 23:59:59 CDT
        (
            held(after_lift=AfterLift("fixed_days", 30, "calendar_days")),
            True,
            LIFTED,
            "2026-04-20T04:59:59Z",
            None,
            LIFTED,
            None,
        ),
        # lifted, original if later: 10 days after the lift (Mon 30 March) is before 1 April
        (
            held(after_lift=AfterLift("original_if_later", 10, "calendar_days")),
            True,
            LIFTED,
            DUE_30,
            None,
            "2026-03-02T15:00:00Z",
            None,
        ),
        # ... and 20 days after the lift (Thu 9 April) is after it
        (
            held(after_lift=AfterLift("original_if_later", 20, "calendar_days")),
            True,
            LIFTED,
            "2026-04-10T04:59:59Z",
            None,
            LIFTED,
            None,
        ),
        # a law with no delay: the deadline runs and the conflict says so
        (rule("H"), True, None, DUE_30, None, None, "hold_not_allowed"),
    ],
)
def test_hold_variants(clocks, delay_rule, written, lifted, due, waiting, clock, conflict):
    hold = {"requested_at": REQUESTED, "lifted_at": lifted, "written": written, "agency": "FBI"}
    out = clocks({**FACTS, "law_enforcement_hold": hold}, book=book(delay_rule))
    ob = out.owed["H"]
    assert (ob["due_at"], ob["waiting_for"]) == (due, waiting)
    if clock:
        assert ob["clock_start"]["at"] == clock
    kinds = [c["kind"] for c in out.doc["conflicts"]]
    assert kinds == ([conflict] if conflict else [])
    if conflict:
        assert out.doc["conflicts"][0]["key"] == f"{conflict}:H"
    if waiting:
        assert any(w.startswith("held: FBI asked") for w in ob["why"]), ob["why"]


def test_no_hold_no_conflicts_and_unchanged_deadlines(clocks):
    out = clocks(FACTS, book=book(held(), rule("N")))
    assert out.due("H") == out.due("N") == DUE_30
    assert out.doc["conflicts"] == []


def test_a_notice_already_sent_is_not_held(clocks):
    hold = {"requested_at": REQUESTED, "written": True}
    facts = {**FACTS, "law_enforcement_hold": hold, "notices_sent": {"N": "2026-03-04T10:00:00Z"}}
    out = clocks(facts, book=book(rule("N")))
    assert out.doc["conflicts"] == []


def test_dependants_of_a_held_notice_wait_too(clocks):
    follower = rule("H-CRA", recipient="consumer_reporting_agencies", clock_start="notice:H")
    hold = {"requested_at": REQUESTED, "written": True}
    out = clocks({**FACTS, "law_enforcement_hold": hold}, book=book(held(), follower))
    assert out.owed["H-CRA"]["due_at"] is None
    assert out.owed["H-CRA"]["waiting_for"] == "notice:H"


def test_requires_facts(clocks):
    flag = rule("F", requires_facts=("product_security_incident",))
    event = rule("E", requires_facts=("event:exploited_vulnerability_at",))
    out = clocks(FACTS, book=book(flag, event))
    assert out.excluded["F"]["why"] == (
        "applies only when the incident is a severe incident affecting the security of the "
        "organisation's product with digital elements; the facts do not say so"
    )
    assert out.excluded["E"]["why"] == (
        "applies only once awareness of an actively exploited vulnerability is recorded; it is not"
    )
    facts = {
        **FACTS,
        "product_security_incident": True,
        "events": {**FACTS["events"], "exploited_vulnerability_at": "2026-03-02T15:00:00Z"},
    }
    out = clocks(facts, book=book(flag, event))
    assert set(out.owed) == {"F", "E"}
