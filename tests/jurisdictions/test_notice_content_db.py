"""Notice content in the database: loaded with the shipped rule book, kept by export_rules /
import_rules, edited in the rule console (validated, with a readable summary) and shown in the
preview's list of changes."""

from __future__ import annotations

import io
import json

import yaml
from django.core.management import call_command
from django.urls import reverse

from jurisdictions.engine.notice_content import resolve_profile
from jurisdictions.models import RuleChange, RuleVersion
from tests.jurisdictions.conftest import clear_rulebook
from tests.jurisdictions.test_admin import _form_data


def _published(code):
    return (
        RuleVersion.objects.filter(rule__code=code, publication="published")
        .order_by("version")
        .last()
    )


def test_the_shipped_rule_book_is_installed_with_its_notice_content(db):
    ma = _published("US-MA-IND")
    assert ma.notice_content == resolve_profile("us-ma-93h-ind")
    assert "notice_content" not in ma.extra  # moved into its column by the migration
    assert _published("US-CA-IND").notice_content["title"]["text"] == "Notice of Data Breach"


def test_export_then_import_into_an_empty_database_keeps_the_content_requirements(db, tmp_path):
    from jurisdictions.loader import clear_cache

    clear_cache()
    before = {
        (v.rule.code, v.version): v.notice_content
        for v in RuleVersion.objects.filter(publication="published").select_related("rule")
    }
    path = tmp_path / "rules.yaml"
    call_command("export_rules", "-o", str(path), stderr=io.StringIO())
    document = yaml.safe_load(path.read_text())
    exported = next(r for r in document["rules"] if r["code"] == "US-MA-IND")
    assert {f["key"] for f in exported["notice_content"]["forbidden"]} == {
        "resident_count",
        "breach_nature",
    }

    clear_rulebook()
    clear_cache()
    call_command("import_rules", str(path), "--yes", stdout=io.StringIO(), stderr=io.StringIO())
    after = {
        (v.rule.code, v.version): v.notice_content
        for v in RuleVersion.objects.filter(publication="published").select_related("rule")
    }
    assert after == before
    assert sum(1 for block in after.values() if block) >= 37


def test_the_console_shows_a_readable_summary_beside_the_json(client, rules_admin, db):
    client.force_login(rules_admin)
    ma = _published("US-MA-IND")
    page = client.get(reverse("admin:jurisdictions_ruleversion_change", args=[ma.pk]))
    html = page.content.decode()
    assert "What the notice must say" in html
    assert "Must not say" in html and "The number of Massachusetts residents affected" in html
    assert "The consumer&#x27;s right to obtain a police report" in html
    # The JSON is indented, one key per line, for a person to edit.
    assert "\n  &quot;profile&quot;: &quot;us-ma-93h-ind&quot;" in html


def test_a_typo_in_an_element_key_is_refused_and_what_was_typed_stays(
    client, rules_admin, rulebook
):
    client.force_login(rules_admin)
    tx = RuleVersion.objects.get(rule__code="US-TX-AG", publication="published")
    before = RuleVersion.objects.count()
    typed = json.dumps(
        {
            "source": "Tex. Bus. & Com. Code 521.053(i)",
            "elements": [{"key": "aprox_subjects_count", "source": "521.053(i)"}],
        }
    )
    response = client.post(
        reverse("admin:jurisdictions_ruleversion_change", args=[tx.pk]),
        _form_data(tx, notice_content=typed),
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["notice_content"]
    assert "did you mean 'approx_subjects_count'" in " ".join(errors)
    assert "aprox_subjects_count" in response.content.decode()
    assert RuleVersion.objects.count() == before


def test_a_profile_typed_in_the_console_is_stored_resolved_and_the_preview_says_what_changed(
    client, rules_admin, rulebook
):
    client.force_login(rules_admin)
    tx = RuleVersion.objects.get(rule__code="US-TX-AG", publication="published")
    typed = json.dumps(
        {
            "profile": "us-ca-1798.82-ag",
            "elements_add": [
                {"key": "approx_subjects_count", "source": "Tex. Bus. & Com. Code 521.053(i)"}
            ],
        }
    )
    response = client.post(
        reverse("admin:jurisdictions_ruleversion_change", args=[tx.pk]),
        _form_data(tx, notice_content=typed, change_note="content requirements"),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    draft = RuleVersion.objects.get(rule__code="US-TX-AG", version=2)
    assert draft.notice_content["profile"] == "us-ca-1798.82-ag"
    assert draft.notice_content["attachments"][0]["key"] == "copy_of_individual_notice"
    assert draft.notice_content["elements"][-1]["key"] == "approx_subjects_count"
    preview = client.get(response["Location"]).content.decode()
    assert "notice content" in preview
    assert "Required element added: The approximate number of people affected" in preview
    assert "Attachment added: A single sample copy" in preview
    history = RuleChange.objects.get(rule_version=draft, action="drafted")
    (row,) = [r for r in history.changed_labels() if r[0] == "notice content"]
    assert row[1] == "(none)" and row[2].startswith("Content requirements added")
