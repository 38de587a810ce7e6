"""Ready-made contract clauses an organisation can enable: the card brands' and acquirers' duties.

The clauses live in ``jurisdictions/rulebook/contract_templates.yaml`` as rule-book entries of kind
``contract`` (they bind through the merchant or service-provider agreement, not a statute).
Nothing applies until a rules administrator enables one: it is then loaded like an import - a
published version, a history row naming who enabled it - and the engine applies it to every case
whose data includes payment-card numbers. The case page prompts when such data is affected and a
brand's clause is not enabled (``prompted``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from jurisdictions.engine.rules import Rule as EngineRule
from jurisdictions.engine.serialization import RulebookData, RulebookError, rule_from_dict

TEMPLATES_FORMAT = "breachclock.contract-templates/1"
TEMPLATES_PATH = Path(__file__).resolve().parent / "rulebook" / "contract_templates.yaml"


@dataclass(frozen=True)
class Template:
    """One ready-made clause: its key, a title people read, when to prompt, and the rule."""

    key: str
    title: str
    prompt_when_data: tuple[str, ...]
    rule: EngineRule


def read_templates(path=TEMPLATES_PATH) -> tuple[Template, ...]:
    """Every template, each rule validated by the engine as an import would (RulebookError)."""
    import yaml

    with Path(path).open(encoding="utf-8") as handle:
        doc = yaml.safe_load(handle) or {}
    if doc.get("format") != TEMPLATES_FORMAT:
        raise RulebookError(None, str(path), f"must be a {TEMPLATES_FORMAT} file")
    out = []
    for item in doc.get("templates") or []:
        rule = rule_from_dict(item["rule"])
        if rule.kind != "contract":
            raise RulebookError(rule.code, "kind", "a template is a contract clause")
        out.append(
            Template(
                key=item["key"],
                title=item["title"],
                prompt_when_data=tuple(item.get("prompt_when_data") or ()),
                rule=rule,
            )
        )
    return tuple(out)


@cache
def templates() -> tuple[Template, ...]:
    return read_templates()


def template(key: str) -> Template | None:
    return next((t for t in templates() if t.key == key), None)


def enabled_codes() -> set[str]:
    """Codes of the templates' rules that have a published version in the rule book."""
    from jurisdictions.models import RuleVersion

    codes = [t.rule.code for t in templates()]
    return set(
        RuleVersion.objects.filter(rule__code__in=codes, publication="published").values_list(
            "rule__code", flat=True
        )
    )


def prompted(data_categories) -> list[Template]:
    """The templates a case with these data categories should prompt for (not yet enabled)."""
    data = set(data_categories or ())
    wanted = [t for t in templates() if data & set(t.prompt_when_data)]
    if not wanted:
        return []
    enabled = enabled_codes()
    return [t for t in wanted if t.rule.code not in enabled]


@transaction.atomic
def enable(key: str, *, user):
    """Load the template's clause into the rule book as a published contract rule.

    Goes through the importer, so the rule is validated against the whole rule book and the
    history records who enabled it; the open cases it changes are recomputed after commit, as
    for a published edit (``PublishJob``). Refused (ValidationError) if unknown or already
    enabled. Returns the ``PublishJob``.
    """
    from jurisdictions import impact
    from jurisdictions.importer import apply_import, plan_import
    from jurisdictions.loader import Rulebook, current_rulebook
    from jurisdictions.models import PublishJob, RulebookState
    from jurisdictions.tasks import recompute_after_publish

    chosen = template(key)
    if chosen is None:
        raise ValidationError(f"There is no ready-made clause called {key!r}.")
    if chosen.rule.code in enabled_codes():
        raise ValidationError(f"{chosen.title} is already enabled ({chosen.rule.code}).")
    today = timezone.localdate().isoformat()
    plan = plan_import(RulebookData(version=today, jurisdictions=(), rules=(chosen.rule,)))
    old = current_rulebook()
    new = Rulebook(
        version=today,
        rules=plan.rules_after,
        jurisdictions={j.code: j for j in plan.jurisdictions_after},
    )
    affected = impact.affected_case_ids(old, new)
    apply_import(plan, user=user, note=f"ready-made clause enabled: {chosen.title}")
    # The console's own label (date and revision), as for any other change made here.
    RulebookState.bump()
    job = PublishJob.objects.create(
        user=user,
        summary=f"Enabled {chosen.rule.code}: {chosen.title}",
        incident_ids=affected,
        total=len(affected),
    )
    if affected:
        transaction.on_commit(lambda: recompute_after_publish.delay(job.pk))
    else:
        PublishJob.objects.filter(pk=job.pk).update(
            state=PublishJob.State.DONE, finished_at=timezone.now()
        )
    return job
