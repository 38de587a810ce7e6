"""Notice content as rule data: the shipped profiles resolve, cite their clauses, use the shared
vocabulary, and say what California, Massachusetts and GDPR require; bad data is refused with a
message that says where, in words."""

from __future__ import annotations

import re

import pytest

from jurisdictions.engine.notice_content import (
    NoticeContentError,
    check_notice_content,
    resolve_profile,
    shipped_profiles,
)
from jurisdictions.engine.serialization import (
    RulebookError,
    default_rulebook_path,
    read_rulebook_file,
    rule_from_dict,
    rule_to_dict,
)
from jurisdictions.notice_vocabulary import ATTACHMENTS, ELEMENTS, FORBIDDEN

PROFILES = sorted(shipped_profiles())


@pytest.fixture(scope="module")
def book():
    return read_rulebook_file(default_rulebook_path())


def _rule(book, code, version=None):
    versions = [r for r in book.rules if r.code == code]
    return versions[-1] if version is None else next(r for r in versions if r.version == version)


def _keys(block, name="elements"):
    return [item["key"] for item in block[name]]


@pytest.mark.parametrize("name", PROFILES)
def test_every_profile_resolves_with_sources_and_known_keys(name):
    block = resolve_profile(name)
    assert block["profile"] == name
    assert block["source"].strip()
    assert block["confidence"] in ("high", "medium", "low")
    for table, items in (
        (ELEMENTS, "elements"),
        (FORBIDDEN, "forbidden"),
        (ATTACHMENTS, "attachments"),
    ):
        for item in block[items]:
            assert item["key"] in table, (name, item)
            assert item["source"].strip(), (name, item)
            assert item["label"].strip(), (name, item)
    for heading in block["headings"]:
        assert heading["source"].strip()
    if block["silent"]:
        assert block["note"].strip() and not block["elements"]
    else:
        assert any(block[k] for k in ("elements", "forbidden", "title", "headings", "attachments"))


def test_california_has_the_title_and_five_headings_in_order(book):
    for version in (1, 2):
        block = _rule(book, "US-CA-IND", version).notice_content
        assert block["title"]["text"] == "Notice of Data Breach"
        assert [h["text"] for h in block["headings"]] == [
            "What Happened",
            "What Information Was Involved",
            "What We Are Doing",
            "What You Can Do",
            "For More Information",
        ]
        assert block["format"]["min_type_pt"] == 10 and block["format"]["plain_language"]
        assert "1798.82(d)" in block["title"]["source"]
        assert {"data_categories", "breach_description", "credit_agencies_contact"} <= set(
            _keys(block)
        )
        assert {d["method"] for d in block["delivery"]} >= {"mail", "email", "substitute"}


def test_california_attorney_general_gets_a_sample_copy(book):
    block = _rule(book, "US-CA-AG").notice_content
    assert _keys(block, "attachments") == ["copy_of_individual_notice"]
    assert "1798.82(f)" in block["attachments"][0]["source"]


def test_massachusetts_residents_notice_forbids_the_count_and_the_nature(book):
    block = _rule(book, "US-MA-IND").notice_content
    assert set(_keys(block, "forbidden")) == {"resident_count", "breach_nature"}
    assert {"police_report", "security_freeze"} <= set(_keys(block))
    assert all("93H § 3(b)" in f["source"] for f in block["forbidden"])


def test_massachusetts_attorney_general_notice_asks_what_residents_must_not_be_told(book):
    block = _rule(book, "US-MA-AG").notice_content
    assert {"breach_description", "approx_subjects_count", "data_categories"} <= set(_keys(block))
    assert not block["forbidden"]


def test_gdpr_art_33_3_lists_its_four_points(book):
    block = _rule(book, "DE-GDPR-33-SA").notice_content
    by_point = {}
    for element in block["elements"]:
        match = re.search(r"Art 33\(3\)\(([a-d])\)", element["source"])
        if match:
            by_point.setdefault(match.group(1), set()).add(element["key"])
    assert by_point["a"] >= {"breach_description", "data_categories", "approx_subjects_count"}
    assert by_point["b"] == {"contact_point"}
    assert by_point["c"] == {"likely_consequences"}
    assert by_point["d"] >= {"measures_taken"}


def test_gdpr_art_34_2_tells_people_in_plain_language(book):
    block = _rule(book, "EU-GDPR-34-DS").notice_content
    assert {"breach_description", "contact_point", "likely_consequences", "measures_taken"} <= set(
        _keys(block)
    )
    assert block["format"]["plain_language"] is True


# --------------------------------------------------------------------------- the data's rules

BASE = {
    "source": "Test Act s. 1",
    "elements": [{"key": "breach_description", "source": "Test Act s. 1(a)"}],
}


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (
            {**BASE, "elements": [{"key": "brach_description", "source": "s.1"}]},
            "did you mean 'breach_description'",
        ),
        (
            {**BASE, "elements": [{"key": "breach_description"}]},
            "element 1 (breach_description): source",
        ),
        (
            {**BASE, "forbidden": [{"key": "resident_count"}]},
            "forbidden 1 (resident_count): source",
        ),
        ({"profile": "us-ca-1798.8"}, "did you mean 'us-ca-1798.82'"),
        ({"profile": "no-such-thing"}, "unknown profile"),
        ({"silent": True, "source": "s. 1"}, "note is required"),
        (
            {"silent": True, "source": "s.1", "note": "n", "elements": BASE["elements"]},
            "a silent law has no",
        ),
        ({"source": "s. 1"}, "set silent: true"),
        ({**BASE, "delivery": [{"method": "pigeon"}]}, "not a delivery method"),
        ({**BASE, "format": {"min_type_pt": "ten"}}, "type size in points"),
        ({**BASE, "headings": [{"text": "What Happened"}]}, "heading 1: source is required"),
        ({**BASE, "colour": "red"}, "unknown field 'colour'"),
        ({**BASE, "elements": BASE["elements"] * 2}, "listed twice"),
        ({"profile": "us-ca-1798.82", "elements_remove": ["police_report"]}, "does not have"),
        ("California", "must be a map"),
    ],
)
def test_bad_notice_content_is_refused_saying_where(value, words):
    with pytest.raises(NoticeContentError) as raised:
        check_notice_content(value)
    assert words in raised.value.message


def test_an_error_in_a_rule_names_the_rule_and_the_field(book):
    entry = rule_to_dict(_rule(book, "US-CA-IND"))
    entry["notice_content"] = {
        "profile": "us-ca-1798.82",
        "elements_add": [{"key": "shoe_size", "source": "x"}],
    }
    with pytest.raises(RulebookError) as raised:
        rule_from_dict(entry)
    assert "rule US-CA-IND, field notice_content: element 10: 'shoe_size'" in str(raised.value)


def test_overrides_add_replace_and_remove_elements_of_a_profile():
    block = check_notice_content(
        {
            "profile": "us-ca-1798.82",
            "elements_add": [
                {"key": "police_report", "source": "Test Act s. 2"},
                {"key": "notice_date", "label": "Dated", "source": "Test Act s. 3"},
            ],
            "elements_remove": ["credit_monitoring_offer"],
        }
    )
    keys = _keys(block)
    assert keys[-1] == "police_report" and "credit_monitoring_offer" not in keys
    assert next(e for e in block["elements"] if e["key"] == "notice_date")["label"] == "Dated"
    assert keys.index("notice_date") == _keys(resolve_profile("us-ca-1798.82")).index("notice_date")
    assert block["title"]["text"] == "Notice of Data Breach"  # the rest of the profile stays


def test_the_resolved_form_resolves_to_itself_and_survives_a_changed_profile():
    resolved = resolve_profile("us-ma-93h-ind")
    assert check_notice_content(resolved) == resolved
    changed_profiles = {"us-ma-93h-ind": {"silent": True, "source": "x", "note": "changed"}}
    assert check_notice_content(resolved, changed_profiles) == resolved


def test_a_rule_keeps_its_notice_content_through_its_dict_form(book):
    rule = _rule(book, "US-MA-IND")
    assert rule_from_dict(rule_to_dict(rule)) == rule
    assert rule_from_dict(rule_to_dict(rule, compact=True)).notice_content == rule.notice_content


def test_nothing_recorded_is_an_empty_map():
    assert check_notice_content(None) == {} == check_notice_content({})


def test_a_rule_book_directory_skips_the_profiles_file(tmp_path, book):
    import shutil

    shutil.copy(default_rulebook_path(), tmp_path / "rulebook.yaml")
    shutil.copy(default_rulebook_path().with_name("notice_content.yaml"), tmp_path)
    assert len(read_rulebook_file(tmp_path).rules) == len(book.rules)


# --------------------------------------------------------------------------- the vocabulary


@pytest.mark.parametrize(
    ("table", "key", "text", "found"),
    [
        (
            ELEMENTS,
            "credit_agencies_contact",
            "Equifax (1-800-685-1111), Experian and TransUnion",
            True,
        ),
        (ELEMENTS, "credit_agencies_contact", "Equifax and Experian", False),
        (ELEMENTS, "toll_free_number", "Call us at 1-888-555-0199.", True),
        (ELEMENTS, "toll_free_number", "Call us at 617-555-0199.", False),
        (ELEMENTS, "ftc_contact", "visit IdentityTheft.gov", True),
        (ELEMENTS, "security_freeze", "You may place a security freeze free of charge", True),
        (ELEMENTS, "police_report", "You have the right to obtain a police report.", True),
        (ELEMENTS, "breach_date", "The incident occurred between March 3 and March 9, 2026.", True),
        (ELEMENTS, "breach_date", "The incident occurred recently.", False),
        (FORBIDDEN, "resident_count", "This incident affected 60 Massachusetts residents.", True),
        (FORBIDDEN, "resident_count", "We are writing to you about an incident.", False),
        (FORBIDDEN, "breach_nature", "A ransomware attack encrypted our servers.", True),
        (FORBIDDEN, "breach_nature", "We recently learned of an incident.", False),
    ],
)
def test_detection_hints_find_what_the_law_asks_for(table, key, text, found):
    term = table[key]
    any_ok = not term.any_of or any(re.search(p, text, re.I) for p in term.any_of)
    all_ok = all(re.search(p, text, re.I) for p in term.all_of)
    assert (any_ok and all_ok) is found


def test_every_vocabulary_term_has_a_label_and_compiles():
    for table in (ELEMENTS, FORBIDDEN, ATTACHMENTS):
        for key, term in table.items():
            assert re.fullmatch(r"[a-z_]+", key) and term.label
            for pattern in term.any_of + term.all_of:
                re.compile(pattern, re.I)
