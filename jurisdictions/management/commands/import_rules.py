"""``manage.py import_rules FILE``: load a changed rule book, validated, previewed, in one go.

A bad file changes nothing and the message names the rule and the field. Re-importing a file
that is already loaded is a no-op (the start-up script loads the shipped file on every start).
"""

from __future__ import annotations

import sys

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from jurisdictions import impact
from jurisdictions.engine.serialization import RulebookError, read_rulebook_file
from jurisdictions.importer import apply_import, plan_import
from jurisdictions.loader import Rulebook, current_rulebook
from jurisdictions.models import PublishJob
from jurisdictions.rule_hygiene import rule_problems
from jurisdictions.tasks import recompute_after_publish


class Command(BaseCommand):
    help = (
        "Load a rule book file (YAML or JSON, breachclock.rulebook/1): show what would change and "
        "which open cases' deadlines would move, then apply it in one transaction."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--dry-run", action="store_true", help="validate and preview only; change nothing"
        )
        parser.add_argument("--yes", action="store_true", help="apply without asking")
        parser.add_argument("--user", help="username the change is attributed to")
        parser.add_argument("--quiet", action="store_true", help="print only problems")

    def say(self, text: str = "") -> None:
        if not self.quiet:
            self.stdout.write(text)

    def warn_evidence(self, data) -> None:
        """Warnings, not errors: a high-confidence rule without a primary source, a citation
        of a later amendment (``jurisdictions.rule_hygiene``). Printed even with --quiet."""
        for rule in data.rules:
            for problem in rule_problems(rule):
                self.stderr.write(f"warning: {rule.code} version {rule.version}: {problem}")

    def handle(self, *args, **options):
        self.quiet = options["quiet"]
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"--user: no user named {options['user']!r}", returncode=2)
        try:
            data = read_rulebook_file(options["file"])
            plan = plan_import(data)
        except RulebookError as error:
            raise CommandError(
                f"{options['file']}: {error} - nothing was changed", returncode=2
            ) from None
        except OSError as error:
            raise CommandError(f"cannot read {options['file']}: {error}", returncode=2) from None
        self.warn_evidence(data)
        if plan.is_noop:
            self.say(
                f"Rule book {data.version}: already loaded ({plan.unchanged_rules} rule versions "
                "unchanged); nothing to do."
            )
            return
        self.say(f"Rule book {data.version}: {len(plan.lines())} change(s)")
        for line in plan.lines():
            self.say(f"  {line}")
        old = current_rulebook()
        new = Rulebook(
            version=data.version,
            rules=plan.rules_after,
            jurisdictions={j.code: j for j in plan.jurisdictions_after},
        )
        impacts = list(impact.case_impacts(old, new))
        self.say(f"Open cases whose deadlines change: {len(impacts)}")
        for case in impacts:
            self.say(f"  {case.reference} {case.title}")
            if case.error:
                self.say(f"      facts not valid under the new rule book: {case.error}")
            for change in case.changes:
                flag = (
                    f"  [already {change.acted_on}: for a person to decide]"
                    if change.needs_decision
                    else ""
                )
                self.say(
                    f"      {change.rule} {change.change}: {change.old_due or '-'} -> "
                    f"{change.new_due or '-'}{flag}"
                )
        if options["dry_run"]:
            self.say("Dry run: nothing was changed.")
            return
        if not options["yes"]:
            if not sys.stdin.isatty():
                raise CommandError("not applied: pass --yes to apply without a prompt")
            if input("Apply these changes? [y/N] ").strip().lower() not in ("y", "yes"):
                self.say("Not applied.")
                return
        with transaction.atomic():
            apply_import(plan, user=user, note=f"imported from {options['file']}")
            ids = [c.incident_id for c in impacts if not c.error]
            job = PublishJob.objects.create(
                user=user,
                summary=f"rule book {data.version} imported",
                incident_ids=ids,
                total=len(ids),
            )
        if ids:
            # Run here rather than on a worker: start-up and scripted imports want the cases
            # consistent when the command returns.
            recompute_after_publish(job.pk, inline=True)
        else:
            PublishJob.objects.filter(pk=job.pk).update(state=PublishJob.State.DONE)
        self.say(f"Applied. {len(ids)} open case(s) recomputed.")
