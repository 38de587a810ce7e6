"""The rule fields displaces / delay / requires_facts: stored in their columns, exported,
re-imported unchanged, versioned, validated with the entry at fault named, and carried through a
store that has no column for them (a migration's older model)."""

from __future__ import annotations

import io
from types import SimpleNamespace

import pytest
import yaml
from django.core.management import call_command

from jurisdictions.engine.serialization import RulebookError, load_rulebook_data
from jurisdictions.importer import apply_import, plan_import
from jurisdictions.models import RuleVersion, columns_from_entry, version_to_entry
from jurisdictions.services import as_validation_error

from .conftest import RULEBOOK

DISPLACES = [
    {
        "rules": ["US-TX-AG"],
        "basis": "exemption",
        "citation": "Example Act s.1(2)",
        "when_subject_to": ["hipaa_covered_entity"],
        "requires_applies": False,
        "note": "covered entities are exempt",
    }
]
DELAY = {
    "law_enforcement": True,
    "written_required": True,
    "after_lift": {"mode": "fixed_days", "amount": 30, "unit": "calendar_days"},
    "citation": "Example Act s.4",
}


def _doc():
    doc = yaml.safe_load(RULEBOOK.read_text())
    tx = next(r for r in doc["rules"] if r["code"] == "US-TX-AG")
    tx["delay"] = DELAY
    tx["requires_facts"] = ["event:exploited_vulnerability_at"]
    ca = next(r for r in doc["rules"] if r["code"] == "US-CA-AG")
    ca["displaces"] = DISPLACES
    return doc


def test_new_fields_are_columns_and_round_trip_through_export(rulebook, tmp_path):
    plan = plan_import(load_rulebook_data(_doc()))
    assert sorted(s.describe() for s in plan.rule_steps) == [
        "US-CA-AG: version 2 replaces version 1 (corrected text for the same period)",
        "US-TX-AG: version 2 replaces version 1 (corrected text for the same period)",
    ]
    apply_import(plan)
    tx = RuleVersion.objects.get(rule__code="US-TX-AG", publication="published")
    assert tx.delay["after_lift"] == {"mode": "fixed_days", "amount": 30, "unit": "calendar_days"}
    assert tx.requires_facts == ["event:exploited_vulnerability_at"]
    assert "delay" not in tx.extra
    ca = RuleVersion.objects.get(rule__code="US-CA-AG", publication="published")
    assert ca.displaces[0]["rules"] == ["US-TX-AG"] and ca.displaces[0]["requires_applies"] is False
    # The old text is kept as history, without the new fields.
    old = RuleVersion.objects.get(rule__code="US-CA-AG", version=1)
    assert (old.publication, old.displaces) == ("superseded", [])

    path = tmp_path / "rules.yaml"
    call_command("export_rules", "-o", str(path), stderr=io.StringIO())
    exported = yaml.safe_load(path.read_text())
    by_code = {r["code"]: r for r in exported["rules"]}
    assert by_code["US-CA-AG"]["displaces"][0]["basis"] == "exemption"
    assert by_code["US-TX-AG"]["delay"]["written_required"] is True
    assert "displaces" not in by_code["US-VT-AG"]  # compact: absent when empty
    assert plan_import(load_rulebook_data(exported)).is_noop
    # ... and the file itself again.
    assert plan_import(load_rulebook_data(_doc())).is_noop


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("displaces", [{"rules": ["US-TX-AG"], "citation": "x"}], "displaces.0.basis"),
        ("displaces", [{"rules": [], "basis": "exemption", "citation": "x"}], "displaces.0.rules"),
        (
            "displaces",
            [{"rules": ["NOPE-*"], "basis": "exemption", "citation": "x"}],
            "'NOPE-*' matches no rule code",
        ),
        (
            "displaces",
            [{"rules": ["US-TX-AG"], "basis": "exemption", "citation": "x", "recipients": ["x"]}],
            "displaces.0.recipients",
        ),
        ("delay", {"law_enforcement": True}, "delay.citation"),
        (
            "delay",
            {"law_enforcement": True, "citation": "x", "after_lift": {"mode": "soon"}},
            "delay.after_lift.mode",
        ),
        ("delay", {"written_required": True, "citation": "x"}, "delay.law_enforcement"),
        ("requires_facts", ["sunny"], "requires_facts"),
    ],
)
def test_bad_entries_are_refused_naming_the_entry(rulebook, field, value, words):
    doc = yaml.safe_load(RULEBOOK.read_text())
    next(r for r in doc["rules"] if r["code"] == "US-CA-AG")[field] = value
    with pytest.raises(RulebookError) as raised:
        plan_import(load_rulebook_data(doc))
    assert words in str(raised.value)


def test_console_error_names_the_json_entry():
    error = RulebookError("US-CA-AG", "displaces.0.basis", "must be one of ...")
    assert as_validation_error(error).message_dict == {
        "displaces": ["displaces.0.basis: must be one of ..."]
    }


class _OldModel:
    """A RuleVersion model as a migration before 0004 sees it: no column for the new fields."""

    class _meta:  # noqa: N801 - mimics Model._meta
        @staticmethod
        def get_field(name):
            if name in ("displaces", "delay", "requires_facts"):
                raise LookupError(name)
            return name


def test_a_store_without_the_columns_carries_them_in_extra(rulebook):
    data = load_rulebook_data(_doc())
    from jurisdictions.engine.serialization import rule_from_dict, rule_to_dict

    ca = next(r for r in data.rules if r.code == "US-CA-AG")
    columns = columns_from_entry(rule_to_dict(ca), _OldModel)
    assert "displaces" not in columns
    assert columns["extra"]["displaces"][0]["rules"] == ["US-TX-AG"]
    # Read back from such a row, the rule is the same rule (the field lifted out of extra).
    row = RuleVersion.objects.get(rule__code="US-CA-AG")
    fake = SimpleNamespace(
        rule=row.rule,
        regime=row.regime,
        regime_name=row.regime_name,
        version=ca.version,
        **{k: v for k, v in columns.items() if not k.startswith(("threshold", "also_not"))},
        threshold_op=columns["threshold_op"],
        threshold_value=columns["threshold_value"],
        threshold_counted=columns["threshold_counted"],
        also_not_later_than_event=columns["also_not_later_than_event"],
        also_not_later_than_amount=columns["also_not_later_than_amount"],
        also_not_later_than_unit=columns["also_not_later_than_unit"],
    )
    assert rule_from_dict(version_to_entry(fake)) == ca
    assert rule_from_dict(version_to_entry(fake)).displaces == ca.displaces


def test_console_saves_displaces_and_delay_as_a_new_draft_and_refuses_bad_entries(
    client, rules_admin, rulebook
):
    import json

    from django.urls import reverse

    from .test_admin import _change_url, _form_data

    client.force_login(rules_admin)
    v1 = RuleVersion.objects.get(rule__code="US-CA-AG", publication="published")
    before = RuleVersion.objects.count()
    bad = [{"rules": ["US-TX-AG"], "basis": "because", "citation": "x"}]
    response = client.post(
        _change_url(v1),
        _form_data(v1, effective_from="2027-01-01", displaces=json.dumps(bad)),
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "displaces.0.basis" in " ".join(errors["displaces"]), errors
    assert RuleVersion.objects.count() == before

    response = client.post(
        _change_url(v1),
        _form_data(
            v1,
            effective_from="2027-01-01",
            displaces=json.dumps(DISPLACES),
            delay=json.dumps(DELAY),
            requires_facts="product_security_incident",
            change_note="precedence added",
        ),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    draft = RuleVersion.objects.get(rule__code="US-CA-AG", publication="draft")
    assert draft.displaces == DISPLACES and draft.delay["written_required"] is True
    assert draft.requires_facts == ["product_security_incident"]
    assert response["Location"] == reverse(
        "admin:jurisdictions_ruleversion_preview", args=[draft.pk]
    )
    # History: the change is attributed and lists the new fields.
    from jurisdictions.models import RuleChange

    change = RuleChange.objects.get(rule_version=draft, action="drafted")
    assert change.user == rules_admin
    assert "displaces" in {name for name, _before, _after in change.changed_fields()}
