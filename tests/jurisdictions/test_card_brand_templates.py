"""Card brands' and acquirers' notification duties as ready-made contract clauses: the templates
cite their sources honestly, a rules administrator enables one (audited, through the importer),
the engine then owes it for payment-card data only, and a case with card data prompts for them."""

from __future__ import annotations

import dataclasses

import pytest
from django.urls import reverse

from jurisdictions import contract_templates
from jurisdictions.engine.clocks import evaluate
from jurisdictions.engine.facts import parse_facts
from jurisdictions.engine.serialization import default_rulebook_path, read_rulebook_file
from jurisdictions.models import RuleChange, RuleVersion
from tests.factories import facts

# (template key, rule code, hours or None for "immediately", clock start)
EXPECTED = [
    ("visa", "PCI-VISA", None, "discovered_at"),
    ("mastercard", "PCI-MASTERCARD", 24, "aware_at"),
    ("amex", "PCI-AMEX", 72, "discovered_at"),
    ("discover", "PCI-DISCOVER", None, "discovered_at"),
    ("acquirer", "PCI-ACQUIRER", None, "discovered_at"),
]


@pytest.mark.parametrize(("key", "code", "hours", "start"), EXPECTED)
def test_each_template_is_a_cited_contract_clause_for_card_data(key, code, hours, start):
    t = contract_templates.template(key)
    rule = t.rule
    assert (rule.code, rule.kind, rule.data_condition) == (code, "contract", "payment_card")
    assert rule.deadline_amount == hours and rule.clock_start == start
    assert rule.counterparty and rule.citation and rule.sources and rule.notes
    assert rule.confidence in ("medium", "low")  # contracts partly unpublished: never "high"
    assert rule.notice_content["source"] and t.prompt_when_data == ("payment_card",)


def _evaluate(rules, doc):
    book = read_rulebook_file(default_rulebook_path())
    all_rules = book.rules + tuple(rules)
    parsed = parse_facts(doc, known_jurisdictions={j.code for j in book.jurisdictions})
    return evaluate(parsed, all_rules, book.jurisdictions, rulebook_version=book.version).to_dict()


def test_an_enabled_clause_is_owed_for_card_data_and_only_then():
    mastercard = contract_templates.template("mastercard").rule
    aware = "2026-03-27T17:00:00+01:00"
    doc = facts(events={"aware_at": aware, "discovered_at": aware})
    owed = {o["rule"]: o for o in _evaluate([mastercard], doc)["obligations"]}
    assert owed["PCI-MASTERCARD"]["due_at"] == "2026-03-28T16:00:00Z"  # 24 hours after awareness
    no_cards = facts(events={"aware_at": aware}, data=["name", "contact"])
    owed = {o["rule"] for o in _evaluate([mastercard], no_cards)["obligations"]}
    assert "PCI-MASTERCARD" not in owed
    # A template that is not enabled is not in the rule book: nothing is owed under it.
    assert "PCI-MASTERCARD" not in {o["rule"] for o in _evaluate([], doc)["obligations"]}


def test_a_rules_administrator_enables_a_clause_and_history_names_them(client, rules_admin, db):
    client.force_login(rules_admin)
    page = client.get(reverse("rules:contract_templates"))
    assert page.status_code == 200
    html = page.content.decode()
    for key, *_ in EXPECTED:
        assert f"template-{key}" in html
    assert "24 hours after becoming aware" in html and "aware_at" not in html
    response = client.post(reverse("rules:contract_templates"), {"template": "amex"})
    assert response.status_code == 302
    version = RuleVersion.objects.get(rule__code="PCI-AMEX")
    assert (version.publication, version.kind, version.deadline_amount) == (
        "published",
        "contract",
        72,
    )
    assert version.notice_content["profile"] == "pci-amex"
    change = RuleChange.objects.get(rule_version=version, action="imported")
    assert change.user == rules_admin and "ready-made clause enabled" in change.summary
    again = client.post(reverse("rules:contract_templates"), {"template": "amex"}, follow=True)
    assert "already enabled" in again.content.decode()
    assert RuleVersion.objects.filter(rule__code="PCI-AMEX").count() == 1


def test_only_a_rules_administrator_may_enable(client, responder, db):
    client.force_login(responder)
    assert client.get(reverse("rules:contract_templates")).status_code == 200
    response = client.post(reverse("rules:contract_templates"), {"template": "visa"})
    assert response.status_code == 403
    assert not RuleVersion.objects.filter(rule__code="PCI-VISA").exists()


def test_a_case_with_card_data_prompts_until_the_clauses_are_enabled(
    client, counsel, case, rules_admin
):
    client.force_login(counsel)
    url = reverse("incidents:detail", args=[case.pk])
    html = client.get(url).content.decode()
    assert 'id="card-brand-prompt"' in html
    assert "Mastercard - account data compromise (ADC) event" in html
    assert "payment_card" not in html.split('id="card-brand-prompt"')[1].split("</section>")[0]
    for key, *_ in EXPECTED:
        contract_templates.enable(key, user=rules_admin)
    assert 'id="card-brand-prompt"' not in client.get(url).content.decode()


def test_a_case_without_card_data_does_not_prompt(client, counsel, case):
    case.data_categories = ["name", "contact"]
    case.save(update_fields=["data_categories"])
    client.force_login(counsel)
    html = client.get(reverse("incidents:detail", args=[case.pk])).content.decode()
    assert 'id="card-brand-prompt"' not in html


def test_templates_file_refuses_a_clause_that_is_not_a_contract(tmp_path):
    import yaml

    from jurisdictions.engine.serialization import RulebookError

    doc = yaml.safe_load(contract_templates.TEMPLATES_PATH.read_text())
    doc["templates"][0]["rule"]["kind"] = "statute"
    path = tmp_path / "t.yaml"
    path.write_text(yaml.safe_dump(doc))
    with pytest.raises(RulebookError, match="contract clause"):
        contract_templates.read_templates(path)
    assert dataclasses.is_dataclass(contract_templates.templates()[0])


def test_enabling_recomputes_the_open_cases_with_card_data(counsel, rules_admin, open_case):
    from jurisdictions.tasks import recompute_after_publish

    incident = open_case(counsel)  # a web skimmer: payment card numbers affected
    assert not incident.obligations.filter(rule_code="PCI-MASTERCARD").exists()
    job = contract_templates.enable("mastercard", user=rules_admin)
    assert job.incident_ids == [incident.pk]
    recompute_after_publish(job.pk)  # what the worker runs after commit
    ob = incident.obligations.get(rule_code="PCI-MASTERCARD")
    assert ob.kind == "contract" and ob.counterparty.startswith("Mastercard")
