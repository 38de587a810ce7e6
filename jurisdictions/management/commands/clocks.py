"""``manage.py clocks FILE``: the obligations a facts file gives under the current rule book."""

from __future__ import annotations

import json
import sys
from datetime import datetime
from zoneinfo import ZoneInfo

from django.core.management.base import BaseCommand, CommandError

from jurisdictions.engine.facts import FactsError
from jurisdictions.loader import current_rulebook
from jurisdictions.services import evaluate_facts


class Command(BaseCommand):
    help = (
        "Print the notification obligations for a facts file (breachclock.facts/1 JSON; '-' reads "
        "standard input). Invalid facts exit with status 2 and name the field."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="facts JSON file, or - for standard input")
        parser.add_argument(
            "--text", action="store_true", help="print a readable table instead of JSON"
        )

    def handle(self, *args, **options):
        name = options["file"]
        try:
            raw = sys.stdin.read() if name == "-" else open(name, encoding="utf-8").read()  # noqa: SIM115
        except OSError as error:
            raise CommandError(f"cannot read {name}: {error.strerror}", returncode=2) from None
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as error:
            raise CommandError(
                f"{name}: not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})",
                returncode=2,
            ) from None
        rulebook = current_rulebook()
        try:
            evaluation = evaluate_facts(data, rulebook=rulebook)
        except FactsError as error:
            raise CommandError(f"invalid facts: {error}", returncode=2) from None
        result = evaluation.to_dict()
        if options["text"]:
            self.stdout.write(render_text(result, rulebook))
        else:
            self.stdout.write(json.dumps(result, indent=2, ensure_ascii=False))


def _local(ob: dict, rulebook) -> str:
    if ob.get("due_local"):
        return ob["due_local"].replace("T", " ")
    if not ob.get("due_at"):
        return ""
    jurisdiction = rulebook.jurisdictions.get(ob.get("jurisdiction"))
    zone = ZoneInfo(jurisdiction.timezone if jurisdiction else "UTC")
    at = datetime.fromisoformat(ob["due_at"].replace("Z", "+00:00")).astimezone(zone)
    return at.strftime("%Y-%m-%d %H:%M:%S %Z")


def render_text(result: dict, rulebook) -> str:
    """A plain table: one obligation per block, soonest first, then what does not apply."""
    obligations = sorted(
        result.get("obligations", []), key=lambda o: (o.get("due_at") is None, o.get("due_at"))
    )
    lines = [f"Rule book {result.get('rulebook', '')}: {len(obligations)} obligation(s)", ""]
    header = f"{'DEADLINE (UTC)':<22} {'DEADLINE (LOCAL)':<27} {'RULE':<18} RECIPIENT / AUTHORITY"
    lines += [header, "-" * len(header)]
    for ob in obligations:
        if ob.get("due_at"):
            due = ob["due_at"].replace("T", " ")
        elif ob.get("waiting_for"):
            due = f"waiting: {ob['waiting_for']}"
        else:
            due = "no fixed deadline"
        recipient = ob.get("recipient", "").replace("_", " ")
        lines.append(
            f"{due:<22} {_local(ob, rulebook):<27} {ob.get('rule', ''):<18} "
            f"{recipient} - {ob.get('authority', '')}"
        )
        lines.append(f"{'':<22} {ob.get('citation', '')}: {ob.get('timing_standard', '')}")
        for why in ob.get("why", []):
            lines.append(f"{'':<22} why: {why}")
    conflicts = result.get("conflicts", [])
    if conflicts:
        lines += ["", f"Conflicts and precedence ({len(conflicts)}):"]
        for item in conflicts:
            lines.append(f"  {item.get('kind', ''):<18} {', '.join(item.get('rules', []))}")
            lines.append(f"  {'':<18} {item.get('why', '')}")
    skipped = result.get("not_applicable", [])
    if skipped:
        lines += ["", f"Not applicable ({len(skipped)}):"]
        for na in skipped:
            why = na.get("why")
            why = "; ".join(why) if isinstance(why, list) else why
            lines.append(f"  {na.get('rule', ''):<18} {why}")
    return "\n".join(lines) + "\n"
