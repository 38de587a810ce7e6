"""The checklist's logic, table by table (pure functions: no database)."""

from __future__ import annotations

import pytest

from incidents.drafting import checklist
from incidents.drafting.checklist import check, forbidden_found, satisfied, stated_counts

VOCAB = {
    "breach_description": {"any_of": [r"\bwhat happened\b", r"\b(incident|breach)\b"]},
    "data_categories": {"any_of": [r"\bsocial security\b", r"\bcard number"]},
    "police_report": {"any_of": [r"\bpolice report\b"]},
    "security_freeze": {"any_of": [r"\b(security|credit) freeze\b"]},
    "credit_agencies_contact": {"all_of": [r"\bequifax\b", r"\bexperian\b", r"\btrans ?union\b"]},
    "breach_nature": {"any_of": [r"\b(ransomware|phishing|hack(ed|ing)?)\b"]},
    "resident_count": {"any_of": []},
}

CA = {
    "source": "Cal. Civ. Code § 1798.82(d)",
    "title": {"text": "Notice of Data Breach", "source": "(d)(1)"},
    "headings": [
        {"text": "What Happened"},
        {"text": "What Information Was Involved"},
        {"text": "What We Are Doing"},
        {"text": "What You Can Do"},
        {"text": "For More Information"},
    ],
    "elements": [
        {"key": "breach_description", "label": "A general description", "source": "(d)(2)(E)"},
        {"key": "data_categories", "label": "The types of information", "source": "(d)(2)(B)"},
    ],
    "format": {"min_type_pt": 10, "plain_language": True},
}
MA = {
    "source": "M.G.L. c. 93H § 3(b)",
    "elements": [
        {"key": "police_report", "label": "The right to a police report"},
        {"key": "security_freeze", "label": "How to request a security freeze"},
        {"key": "credit_agencies_contact", "label": "The agencies"},
    ],
    "forbidden": [
        {"key": "resident_count", "label": "The number of Massachusetts residents affected"},
        {"key": "breach_nature", "label": "The nature of the breach"},
    ],
}

CA_TEXT = """# Notice of Data Breach

## What Happened
An incident at our shop exposed some records.

## What Information Was Involved
Your name and card number.

## What We Are Doing
We fixed the system.

## What You Can Do
Watch your statements.

## For More Information
Call us.
"""

MA_TEXT = """Dear resident,

You have the right to obtain a police report. You can place a security freeze with Equifax,
Experian and TransUnion free of charge.
"""


def _by_key(items):
    return {(i["key"], i["element"]): i for i in items}


def _item(items, element_start):
    return next(i for i in items if i["element"].startswith(element_start))


# --- title and headings --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "title_ok", "missing_headings"),
    [
        (CA_TEXT, True, []),
        (CA_TEXT.replace("# Notice of Data Breach", "# Data incident"), False, []),
        (CA_TEXT.replace("## What You Can Do\n", ""), True, ["What You Can Do"]),
        # A bare line (no marks) and a closing colon still count as the heading.
        (CA_TEXT.replace("## What Happened", "What happened:"), True, []),
        # The heading words inside a sentence are not a heading.
        (
            CA_TEXT.replace("## For More Information\n", "For more information call us.\n"),
            True,
            ["For More Information"],
        ),
    ],
)
def test_title_and_headings(text, title_ok, missing_headings):
    items = check(text, CA, VOCAB)
    assert _item(items, 'Title "Notice of Data Breach"')["satisfied"] is title_ok
    missing = [i["element"][9:-1] for i in items if i["key"] == "heading" and not i["satisfied"]]
    assert missing == missing_headings


def test_headings_out_of_order_are_flagged():
    swapped = (
        CA_TEXT.replace("## What We Are Doing", "## TMP")
        .replace("## What You Can Do", "## What We Are Doing")
        .replace("## TMP", "## What You Can Do")
    )
    items = check(swapped, CA, VOCAB)
    assert not _item(items, "Headings in the order")["satisfied"]
    assert not any(i["key"] == "heading_order" for i in check(CA_TEXT, CA, VOCAB))


# --- required elements ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "satisfied_keys", "unsatisfied_keys"),
    [
        (CA_TEXT, {"breach_description", "data_categories"}, set()),
        # A gap in the section where the element is said leaves it open.
        (
            CA_TEXT.replace("Your name and card number.", "Your card number. [[which other data]]"),
            {"breach_description"},
            {"data_categories"},
        ),
        # Only the gap names it: missing.
        (
            CA_TEXT.replace("Your name and card number.", "[[the card number etc]]"),
            {"breach_description"},
            {"data_categories"},
        ),
    ],
)
def test_elements(text, satisfied_keys, unsatisfied_keys):
    items = {
        i["key"]: i for i in check(text, CA, VOCAB) if i["key"] in satisfied_keys | unsatisfied_keys
    }
    for key in satisfied_keys:
        assert items[key]["satisfied"], items[key]
    for key in unsatisfied_keys:
        assert not items[key]["satisfied"], items[key]
        assert items[key]["note"]


def test_an_element_without_detection_hints_is_never_ticked_silently():
    reqs = {"elements": [{"key": "unknown_thing", "label": "Something new"}]}
    item = check("Anything at all", reqs, VOCAB)[0]
    assert item["satisfied"] is False and "confirm it by reading" in item["note"]


def test_a_conditional_element_is_not_required():
    reqs = {"elements": [{"key": "police_report", "label": "Police", "condition": "if asked"}]}
    item = check("nothing here", reqs, VOCAB)[0]
    assert item["required"] is False and not item["satisfied"] and "if asked" in item["note"]


def test_the_checklist_is_satisfied_once_gaps_are_filled():
    with_gap = CA_TEXT.replace("We fixed the system.", "[[what we have done]]")
    assert not satisfied(check(with_gap, CA, VOCAB))
    assert _item(check(with_gap, CA, VOCAB), "No gaps")["note"].startswith("1 left")
    assert satisfied(check(CA_TEXT, CA, VOCAB))


# --- forbidden content ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("This affected 60 Massachusetts residents.", "60 Massachusetts residents"),
        ("It concerned sixty residents of the Commonwealth.", "sixty residents"),
        ("Approximately 1,200 individuals were affected.", "1,200 individuals"),
        ("The number of residents affected is 60.", "residents affected is 60"),
        ("Residents affected: 60", "Residents affected: 60"),
        ("You have 60 days to enrol.", None),
        ("Call us within 3 business days.", None),
        ("In 2026 we wrote to you.", None),
        ("Contact the three nationwide consumer reporting agencies.", None),
    ],
)
def test_resident_count_found(sentence, found):
    result = forbidden_found(sentence, "resident_count", (), {"count": 60})
    assert (result is None) if found is None else (found in result), result


def test_the_case_own_count_is_named_first():
    text = "We wrote to 2 people last year. This affected 60 residents."
    assert forbidden_found(text, "resident_count", (), {"count": 60}) == "60 residents"


def test_count_inside_a_gap_is_not_stated():
    assert forbidden_found("[[60 residents?]] please check", "resident_count", (), {}) is None


@pytest.mark.parametrize(
    ("addition", "flags"),
    [
        ("", set()),
        ("\nThe breach affected 60 Massachusetts residents.", {"resident_count"}),
        ("\nOur systems were hacked.", {"breach_nature"}),
    ],
)
def test_massachusetts_forbidden_items(addition, flags):
    items = check(MA_TEXT + addition, MA, VOCAB, {"count": 60})
    forbidden = {i["key"]: i for i in items if i["element"].startswith("Must not state: ")}
    assert set(forbidden) == {"resident_count", "breach_nature"}
    for key, item in forbidden.items():
        assert item["required"] is True
        assert item["satisfied"] is (key not in flags)
    assert all(
        i["satisfied"]
        for i in items
        if i["key"] in {"police_report", "security_freeze", "credit_agencies_contact"}
    )


def test_stated_counts_lists_every_phrase():
    assert stated_counts("10 people and 20 customers") == ["10 people", "20 customers"]


# --- plain language and parsing ---------------------------------------------------------------
def test_plain_language_flags_a_long_sentence():
    long = " ".join(["word"] * 45) + "."
    items = check(CA_TEXT + "\n" + long + "\n", CA, VOCAB)
    assert not _item(items, "Plain language")["satisfied"]
    assert _item(check(CA_TEXT, CA, VOCAB), "Plain language")["satisfied"]


def test_sections_split_at_headings_and_know_their_gaps():
    parts = checklist.sections("intro\n## A\none [[x]]\n## B\ntwo\n")
    assert [(p.heading, p.gaps) for p in parts] == [(None, ()), ("A", ("x",)), ("B", ())]


def test_vocabulary_objects_with_attributes_work_too():
    class Term:
        any_of = (r"\bpolice report\b",)
        all_of = ()
        label = "Police report"

    reqs = {"elements": [{"key": "police_report"}]}
    item = check("You may get a police report.", reqs, {"police_report": Term()})[0]
    assert item["satisfied"] and item["element"] == "Police report"


def test_no_requirements_still_checks_gaps():
    items = check("text [[gap]]", {}, {})
    assert [i["key"] for i in items] == ["gaps"] and not items[0]["satisfied"]
