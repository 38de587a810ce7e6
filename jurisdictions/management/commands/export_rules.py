"""``manage.py export_rules``: write the rule book (every published version) as YAML or JSON."""

from __future__ import annotations

import json
import sys

import yaml
from django.core.management.base import BaseCommand

from jurisdictions.export import rulebook_document


class Command(BaseCommand):
    help = (
        "Write the rule book - every published version of every rule, with its effective dates - "
        "in the shipped format (breachclock.rulebook/1), for review in git or import elsewhere."
    )

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["yaml", "json"], default="yaml")
        parser.add_argument("-o", "--output", help="file to write (default: standard output)")

    def handle(self, *args, **options):
        document = rulebook_document()
        if options["format"] == "json":
            text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
        else:
            text = yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=100)
        if options["output"]:
            with open(options["output"], "w", encoding="utf-8") as handle:
                handle.write(text)
            self.stderr.write(
                f"wrote {len(document['rules'])} rule versions and "
                f"{len(document['jurisdictions'])} jurisdictions to {options['output']}"
            )
        else:
            sys.stdout.write(text)
