"""The case of the issue, on the shipped rule book: 600 California, 60 Massachusetts and 1,000
German residents, main establishment DE."""

from __future__ import annotations

import re

import pytest

from incidents.drafting import actions, checklist, prefill
from incidents.drafting.models import NoticeTemplate
from incidents.drafting.render import PLACEHOLDER_RE
from incidents.drafting.seed import template_rows

from .conftest import obligation

pytestmark = pytest.mark.django_db

CA_HEADINGS = [
    "What Happened",
    "What Information Was Involved",
    "What We Are Doing",
    "What You Can Do",
    "For More Information",
]

# What counsel types into each gap of the drafts (the facts a case does not hold).
COUNSEL = {
    "what we have done": "We have closed the contractor's account, reset every staff password "
    "and engaged forensic investigators to review our systems.",
    "credit monitoring": "24 months of credit monitoring from Example Monitoring (enrol at "
    "www.example.com/enrol with code ABC123 by 31 March 2027)",
    "categories of people": "customers of our online shop",
    "records concerned": "about 1,000 customer records",
    "mitigate": "We are offering affected customers free credit monitoring to mitigate the risk "
    "of fraud, and we have told their banks.",
    "reasons for notifying": "the forensic review needed to confirm that personal data was "
    "copied took five days",
}


def fill(text: str) -> str:
    def one(match):
        inner = match.group(1)
        for words, answer in COUNSEL.items():
            if words in inner:
                return answer
        raise AssertionError(f"unexpected gap [[{inner}]]")

    return checklist.GAP_RE.sub(one, text)


def unsatisfied(version):
    return [(i["element"], i["note"]) for i in version.checklist if not i["satisfied"]]


def test_california_draft_has_title_five_headings_and_a_satisfied_checklist(three_places, counsel):
    draft = actions.start_draft(obligation(three_places, "US-CA-IND"), acting_user=counsel)
    text = draft.latest().text
    assert text.splitlines()[0] == "# Notice of Data Breach"
    headings = [line[3:] for line in text.splitlines() if line.startswith("## ")]
    assert headings == CA_HEADINGS
    assert not checklist.satisfied(draft.latest().checklist)  # gaps remain
    filled = actions.save_version(draft, fill(text), acting_user=counsel)
    assert checklist.satisfied(filled.checklist), unsatisfied(filled)
    # Every item, conditional ones too (the credit agencies and the monitoring offer).
    assert not unsatisfied(filled)
    elements = {i["element"] for i in filled.checklist}
    assert 'Title "Notice of Data Breach"' in elements
    assert {f'Heading "{h}"' for h in CA_HEADINGS} <= elements


def test_massachusetts_draft_police_report_freeze_and_no_count(three_places, counsel):
    draft = actions.start_draft(obligation(three_places, "US-MA-IND"), acting_user=counsel)
    text = draft.latest().text
    assert "police report" in text.lower() and "security freeze" in text.lower()
    assert not re.search(r"\b60\b", text) and "sixty" not in text.lower()
    filled = actions.save_version(draft, fill(text), acting_user=counsel)
    assert checklist.satisfied(filled.checklist), unsatisfied(filled)
    count_item = next(i for i in filled.checklist if i["key"] == "resident_count")
    assert count_item["element"].startswith("Must not state: ") and count_item["satisfied"]
    # Counsel types the number in: the checklist flags it.
    typed = filled.text.replace(
        "## What We Are Doing",
        "This incident affected 60 Massachusetts residents.\n\n## What We Are Doing",
    )
    flagged = actions.save_version(draft, typed, acting_user=counsel)
    count_item = next(i for i in flagged.checklist if i["key"] == "resident_count")
    assert count_item == {**count_item, "required": True, "satisfied": False}
    assert "60 Massachusetts residents" in count_item["note"]
    assert not checklist.satisfied(flagged.checklist)


def test_massachusetts_count_typed_through_the_api_is_flagged(api_client, three_places, counsel):
    api_client.force_authenticate(counsel)
    ob = obligation(three_places, "US-MA-IND")
    body = api_client.post(f"/api/v1/obligations/{ob.pk}/drafts", {}, format="json").json()
    text = fill(body["text"]) + "\nSixty residents of Massachusetts were affected.\n"
    patched = api_client.patch(f"/api/v1/drafts/{body['id']}", {"text": text}, format="json")
    item = next(i for i in patched.json()["checklist"] if i["key"] == "resident_count")
    assert item["element"] == "Must not state: The number of Massachusetts residents affected"
    assert item["required"] is True and item["satisfied"] is False
    assert "Sixty residents" in item["note"]


def test_german_authority_draft_covers_the_four_art_33_3_elements(three_places, counsel):
    draft = actions.start_draft(obligation(three_places, "DE-GDPR-33-SA"), acting_user=counsel)
    filled = actions.save_version(draft, fill(draft.latest().text), acting_user=counsel)
    by_source = {}
    for item in filled.checklist:
        by_source.setdefault(item["source"], []).append(item)
    for clause in ("(a)", "(b)", "(c)", "(d)"):
        items = by_source[f"GDPR Art 33(3){clause}"]
        assert items and all(i["satisfied"] for i in items), (clause, items)
    assert checklist.satisfied(filled.checklist), unsatisfied(filled)


def test_every_content_requirement_in_the_rule_book_can_be_checked():
    """Every element and forbidden key any rule names has detection hints, so no requirement
    is ticked or missed silently; the checklist runs on every rule's requirements."""
    from jurisdictions.models import RuleVersion

    vocabulary = prefill.vocabulary()
    contents = [
        v.notice_content
        for v in RuleVersion.objects.exclude(notice_content={}).only("notice_content")
        if v.notice_content
    ]
    assert len(contents) > 50
    keys = set()
    for content in contents:
        items = checklist.check("", content, vocabulary, {"count": 5})
        assert items[-1]["key"] == "gaps"
        for element in content.get("elements") or []:
            keys.add(element["key"])
        for item in content.get("forbidden") or []:
            keys.add(item["key"])
    without = sorted(k for k in keys if not any(checklist.hints_for(vocabulary, k)))
    assert not without, f"keys with no detection hints: {without}"


def test_every_recipient_kind_has_an_english_template_and_only_known_placeholders():
    from incidents.drafting.render import GAP_WORDS
    from jurisdictions.engine.rules import RECIPIENTS

    letters = {t.recipient for t in NoticeTemplate.objects.filter(kind="letter", language="en")}
    assert set(RECIPIENTS) <= letters
    known = set(GAP_WORDS) | {
        "inserts",
        "reference",
        "notice_date",
        "salutation",
        "jurisdiction_name",
        "event_times",
        "law_enforcement_delay",
        "steps_individuals",
        "timing_statement",
        "phase_statement",
    }
    for row in template_rows():
        unknown = set(PLACEHOLDER_RE.findall(row["body"])) - known
        assert not unknown, (row["name"], unknown)
