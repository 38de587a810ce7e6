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


# ---------------------------------------------------------------- every rule, every family


def test_every_rule_of_the_shipped_book_says_what_its_notice_must_contain(book):
    for rule in book.rules:
        block = rule.notice_content
        assert block, (
            f"{rule.code} v{rule.version}: no notice content (add a profile, notice_content.yaml)"
        )
        assert block["source"].strip(), rule.code
        assert block["silent"] or any(
            block[k] for k in ("elements", "forbidden", "title", "headings", "attachments")
        ), rule.code
        if block["silent"]:
            assert block["note"].strip(), rule.code
        for name, table in (
            ("elements", ELEMENTS),
            ("forbidden", FORBIDDEN),
            ("attachments", ATTACHMENTS),
        ):
            for item in block[name]:
                assert item["key"] in table, (rule.code, item["key"])
                assert item["source"].strip(), (rule.code, item["key"])
        assert rule.last_reviewed.isoformat() == "2026-12-06", rule.code


# (rule code, required keys, forbidden keys) - one or more per family, from the clauses cited.
FAMILIES = [
    (
        "US-IL-IND",
        {"credit_agencies_contact", "ftc_contact", "fraud_alert", "security_freeze"},
        {"resident_count"},
    ),
    ("US-NY-IND", {"contact_point", "attorney_general_contact", "data_categories"}, set()),
    (
        "US-NC-IND",
        {"remain_vigilant", "credit_agencies_contact", "ftc_contact", "attorney_general_contact"},
        set(),
    ),
    (
        "US-MD-IND",
        {
            "credit_agencies_contact",
            "ftc_contact",
            "attorney_general_contact",
            "identity_theft_advice",
        },
        set(),
    ),
    (
        "US-RI-IND",
        {"police_report", "security_freeze", "discovery_date", "approx_subjects_count"},
        set(),
    ),
    ("US-WY-IND", {"toll_free_number", "notice_delayed_by_law_enforcement"}, set()),
    (
        "US-TX-AG",
        {
            "breach_description",
            "approx_subjects_count",
            "measures_taken",
            "law_enforcement_contacted",
        },
        set(),
    ),
    ("US-MD-AG", {"approx_subjects_count", "breach_description", "measures_taken"}, set()),
    ("US-NY-CRA", {"notice_timing_distribution", "approx_subjects_count"}, set()),
    (
        "US-CT-INS",
        {"discovery_circumstances", "data_recovery", "internal_review", "contact_point"},
        set(),
    ),
    (
        "US-HIPAA-404-IND",
        {"breach_date", "discovery_date", "toll_free_number", "steps_individuals_can_take"},
        set(),
    ),
    ("US-SEC-8K-105", {"breach_description", "impact_assessment"}, set()),
    ("US-SEC-REGSP-IND", {"fraud_alert", "ftc_contact", "contact_point"}, set()),
    (
        "US-GLBA-SAFEGUARDS-FTC",
        {"approx_subjects_count", "notice_delayed_by_law_enforcement"},
        set(),
    ),
    (
        "GB-UKGDPR-33-ICO",
        {"breach_description", "contact_point", "likely_consequences", "measures_taken"},
        set(),
    ),
    (
        "EU-NIS2-23-FINAL",
        {"impact_assessment", "root_cause", "measures_taken", "cross_border_details"},
        set(),
    ),
    ("EU-EPRIVACY-611-SUBSCRIBERS", {"steps_individuals_can_take", "likely_consequences"}, set()),
    ("CA-PIPEDA-IND", {"right_to_complain", "steps_individuals_can_take", "contact_point"}, set()),
    ("CA-QC-LAW25-CAI", {"approx_subjects_count", "discovery_date", "likely_consequences"}, set()),
    (
        "AU-NDB-OAIC",
        {
            "organisation_name",
            "breach_description",
            "data_categories",
            "steps_individuals_can_take",
        },
        set(),
    ),
    ("NZ-PA2020-IND", {"right_to_complain", "authority_contact"}, {"suspect_identity"}),
    ("SG-PDPA-IND", {"likely_consequences", "steps_individuals_can_take"}, set()),
    ("JP-APPI-PPC", {"root_cause", "approx_subjects_count", "measures_taken"}, set()),
    ("KR-PIPA-IND", {"data_categories", "steps_individuals_can_take", "contact_point"}, set()),
    ("BR-LGPD-ANPD", {"encryption_status", "reasons_for_delay", "approx_subjects_count"}, set()),
    ("CN-PIPL-57", {"root_cause", "steps_individuals_can_take", "contact_point"}, set()),
    ("ZA-POPIA-DS", {"likely_consequences", "steps_individuals_can_take"}, set()),
    ("IN-DPDP-PRINCIPALS", {"likely_consequences", "contact_point"}, set()),
]


@pytest.mark.parametrize(("code", "required", "forbidden"), FAMILIES)
def test_each_family_lists_what_its_clauses_require(book, code, required, forbidden):
    block = _rule(book, code).notice_content
    assert required <= set(_keys(block)), set(_keys(block))
    assert set(_keys(block, "forbidden")) == forbidden


@pytest.mark.parametrize(
    ("code", "attachment"),
    [
        ("US-WA-AG", "copy_of_individual_notice"),
        ("US-OR-AG", "copy_of_individual_notice"),
        ("US-NY-AG-DOS-NYSP-DFS", "copy_of_individual_notice"),
        ("US-LA-AG", "list_of_affected_individuals"),
        ("US-HIPAA-410-BA", "list_of_affected_individuals"),
        ("US-NY-AG-HIPAA", "regulator_form"),
    ],
)
def test_attachments_owed(book, code, attachment):
    assert attachment in _keys(_rule(book, code).notice_content, "attachments")


@pytest.mark.parametrize(
    "code",
    ["US-AR-IND", "US-GA-IND", "US-CA-VENDOR", "EU-GDPR-33-2-PROC", "US-BANK-36H", "AU-NDB-ASSESS"],
)
def test_laws_silent_on_content_say_so_with_their_source(book, code):
    block = _rule(book, code).notice_content
    assert block["silent"] and block["note"] and block["source"]
    assert not block["elements"]


def test_residents_notices_say_how_they_may_be_delivered(book):
    for rule in book.rules:
        if rule.code.startswith("US-") and rule.code.endswith("-IND") and len(rule.code) == 9:
            methods = {d["method"] for d in rule.notice_content["delivery"]}
            assert "mail" in methods or "other" in methods, rule.code
            subs = [d for d in rule.notice_content["delivery"] if d["method"] == "substitute"]
            assert all(d.get("condition") for d in subs), rule.code
