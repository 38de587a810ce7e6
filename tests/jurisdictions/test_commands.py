"""``clocks``, ``export_rules`` and ``import_rules`` as a person runs them: output, exit status
and messages naming the field; an export imports back as a no-op; a bad file changes nothing."""

from __future__ import annotations

import io
import json
import sys

import pytest
import yaml
from django.core.management import call_command
from django.core.management.base import CommandError

from jurisdictions.models import RulebookState, RuleChange, RuleVersion
from tests.factories import facts


def run(*args, stdin: str | None = None):
    out, err = io.StringIO(), io.StringIO()
    old_stdin = sys.stdin
    if stdin is not None:
        sys.stdin = io.StringIO(stdin)
    try:
        call_command(*args, stdout=out, stderr=err)
    finally:
        sys.stdin = old_stdin
    return out.getvalue()


TEXAS = facts(
    events={"discovered_at": "2026-11-02T15:00:00-06:00"},
    data=["name", "ssn"],
    affected={"US-TX": 400, "US-VT": 10},
)


def test_clocks_prints_the_obligations_json(rulebook, tmp_path):
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(TEXAS))
    result = json.loads(run("clocks", str(path)))
    assert result["format"] == "breachclock.obligations/1"
    due = {o["rule"]: o["due_at"] for o in result["obligations"]}
    assert due["US-TX-AG"] == "2026-12-03T05:59:59Z"  # 30 days, end of day in Austin
    # 14 business days from Monday 2 Nov 2026 in Vermont: Veterans Day (11 Nov) and
    # Thanksgiving (26 Nov) skipped -> Monday 23 Nov... counted by the engine's calendar.
    assert due["US-VT-AG"].startswith("2026-11-2")


def test_clocks_reads_stdin_and_prints_a_table(rulebook):
    text = run("clocks", "-", "--text", stdin=json.dumps(TEXAS))
    assert "US-TX-AG" in text and "Texas Attorney General" in text
    assert "2026-12-03 05:59:59Z" in text  # UTC
    assert "2026-12-02 23:59:59" in text  # local (Austin)
    assert "why:" in text


@pytest.mark.parametrize(
    ("document", "field"),
    [
        ("{not json", "not valid JSON"),
        (
            json.dumps(facts(events={"discovered_at": "2026-11-02T15:00:00"})),
            "events.discovered_at",
        ),
        (json.dumps(facts(affected={"US-XX": 3})), "affected"),
        (json.dumps(facts(data=["name", "shoe_size"])), "data"),
        (json.dumps(facts(affected={"US-TX": -4})), "affected.US-TX"),
    ],
)
def test_clocks_refuses_bad_facts_with_status_2_naming_the_field(rulebook, document, field):
    with pytest.raises(CommandError) as raised:
        run("clocks", "-", stdin=document)
    assert raised.value.returncode == 2
    assert field in str(raised.value)


def test_export_then_import_is_a_noop(rulebook, tmp_path):
    for fmt in ("yaml", "json"):
        path = tmp_path / f"rules.{fmt}"
        call_command("export_rules", "--format", fmt, "-o", str(path), stderr=io.StringIO())
        document = yaml.safe_load(path.read_text())
        assert document["format"] == "breachclock.rulebook/1"
        assert {r["code"] for r in document["rules"]} >= {"US-TX-AG", "ACME-DPA"}
        revision = RulebookState.objects.get().revision
        out = run("import_rules", str(path), "--yes")
        assert "nothing to do" in out
        assert RulebookState.objects.get().revision == revision


def test_changed_file_makes_new_versions_attributed_to_the_user(
    rulebook, tmp_path, rules_admin, open_case, counsel
):
    texas = open_case(counsel, TEXAS)
    path = tmp_path / "rules.yaml"
    call_command("export_rules", "-o", str(path), stderr=io.StringIO())
    document = yaml.safe_load(path.read_text())
    tx = next(r for r in document["rules"] if r["code"] == "US-TX-AG")
    tx["effective_to"] = "2026-08-31"
    document["rules"].append(
        {
            **tx,
            "version": 2,
            "deadline_amount": 60,
            "effective_from": "2026-09-01",
            "effective_to": None,
        }
    )
    path.write_text(yaml.safe_dump(document))

    preview = run("import_rules", str(path), "--dry-run")
    assert "US-TX-AG: new version 2 from 2026-09-01" in preview
    assert texas.reference in preview and "US-TX-AG moved" in preview
    assert RuleVersion.objects.filter(rule__code="US-TX-AG").count() == 1  # dry run

    out = run("import_rules", str(path), "--yes", "--user", rules_admin.username)
    assert "1 open case(s) recomputed" in out
    versions = RuleVersion.objects.filter(rule__code="US-TX-AG", publication="published")
    assert sorted((v.version, v.deadline_amount) for v in versions) == [(2, 60), (3, 30)]
    assert RuleChange.objects.filter(user=rules_admin, action="imported").count() == 2
    assert texas.obligations.get(rule_code="US-TX-AG").due_at.date().isoformat() == "2027-01-02"
    assert "nothing to do" in run("import_rules", str(path), "--yes")


@pytest.mark.parametrize(
    ("mutate", "words"),
    [
        (lambda d: d["rules"][0].update(deadline_unit="fortnights"), "field deadline_unit"),
        (lambda d: d["rules"][1].update(clock_start="notice:NOPE"), "field clock_start"),
        (lambda d: d["jurisdictions"][0].update(timezone="Mars/Base"), "field timezone"),
        (lambda d: d.update(format="other/1"), "format"),
    ],
)
def test_bad_file_changes_nothing_and_names_rule_and_field(rulebook, tmp_path, mutate, words):
    path = tmp_path / "rules.yaml"
    call_command("export_rules", "-o", str(path), stderr=io.StringIO())
    document = yaml.safe_load(path.read_text())
    mutate(document)
    path.write_text(yaml.safe_dump(document))
    before = (RuleVersion.objects.count(), RulebookState.objects.get().revision)
    with pytest.raises(CommandError) as raised:
        run("import_rules", str(path), "--yes")
    assert raised.value.returncode == 2
    assert words in str(raised.value) and "nothing was changed" in str(raised.value)
    assert (RuleVersion.objects.count(), RulebookState.objects.get().revision) == before


def test_import_without_yes_on_a_pipe_applies_nothing(rulebook, tmp_path):
    path = tmp_path / "rules.yaml"
    call_command("export_rules", "-o", str(path), stderr=io.StringIO())
    document = yaml.safe_load(path.read_text())
    document["rules"][0]["notes"] = "changed"
    path.write_text(yaml.safe_dump(document))
    with pytest.raises(CommandError):
        run("import_rules", str(path), stdin="")
    assert not RuleVersion.objects.filter(notes="changed").exists()


def test_shipped_book_export_then_import_is_a_noop(db, tmp_path):
    """The database as the migrations load it (the whole shipped book, with region members and
    per-state authorities) exports and re-imports as zero changes; so does the shipped file."""
    from jurisdictions.engine.serialization import default_rulebook_path
    from jurisdictions.loader import clear_cache

    clear_cache()
    path = tmp_path / "shipped.yaml"
    call_command("export_rules", "-o", str(path), stderr=io.StringIO())
    document = yaml.safe_load(path.read_text())
    eu = next(j for j in document["jurisdictions"] if j["code"] == "EU")
    assert "DE" in eu["members"]
    revision = RulebookState.objects.get().revision
    for source in (path, default_rulebook_path()):
        out = run("import_rules", str(source), "--yes")
        assert "nothing to do" in out, out
    assert RulebookState.objects.get().revision == revision
