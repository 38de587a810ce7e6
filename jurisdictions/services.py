"""Evaluating facts against the rule book, and the rule console's write path.

``evaluate_facts`` is what incidents, the API and ``manage.py clocks`` call. The rest is the only
way the console changes rules: a change to a published version becomes a draft version
(``save_draft``), which is validated by the engine, previewed, and published (``publish``) with
its effect on the versions around it and a history row for every row it touches.
"""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from jurisdictions.choices import Publication
from jurisdictions.engine.facts import parse_facts
from jurisdictions.engine.serialization import RulebookError, rule_from_dict, validate_rules
from jurisdictions.loader import Rulebook, current_rulebook, published_rules
from jurisdictions.models import RulebookState, RuleChange, RuleVersion, version_to_entry


def evaluate_facts(facts_dict: dict, *, rulebook: Rulebook | None = None):
    """Facts (the ``breachclock.facts/1`` dict) -> the engine's ``Evaluation``.

    Raises ``jurisdictions.engine.facts.FactsError`` naming the bad field.
    """
    from jurisdictions.engine.clocks import evaluate

    rulebook = rulebook or current_rulebook()
    facts = parse_facts(facts_dict, known_jurisdictions=rulebook.jurisdictions.keys())
    return evaluate(
        facts, rulebook.rules, rulebook.jurisdictions, rulebook_version=rulebook.version
    )


# --------------------------------------------------------------------------- validation

# The engine names fields as the rule-book file does; the console's form fields differ for a few.
_FORM_FIELD = {
    "threshold": "threshold_op",
    "threshold.op": "threshold_op",
    "threshold.value": "threshold_value",
    "threshold.counted": "threshold_counted",
    "also_not_later_than": "also_not_later_than_event",
    "also_not_later_than.event": "also_not_later_than_event",
    "also_not_later_than.amount": "also_not_later_than_amount",
    "also_not_later_than.unit": "also_not_later_than_unit",
    "regime": "regime_name",
    "regime_code": "regime",
    "code": "rule",
    "jurisdiction": "rule",
}
_VERSION_FIELDS = {f.name for f in RuleVersion._meta.get_fields()}


def form_field_for(engine_field: str | None) -> str | None:
    """The form field an engine error belongs to (None: the whole form)."""
    if not engine_field:
        return None
    if engine_field in _FORM_FIELD:
        return _FORM_FIELD[engine_field]
    root = engine_field.split(".")[0].split("[")[0]
    root = _FORM_FIELD.get(root, root)
    return root if root in _VERSION_FIELDS else None


def as_validation_error(error: RulebookError) -> ValidationError:
    field = form_field_for(error.field)
    message = error.message
    if error.field and error.field != field:
        # A nested field (authorities.DE.name) is named in the message of its form field.
        message = f"{error.field}: {message}"
    elif field in ("displaces", "delay") and error.field != field:
        message = f"{error.field}: {message}"  # which entry of the JSON, e.g. displaces.0.rules
    return ValidationError({field: message} if field else message)


def base_version(draft: RuleVersion) -> RuleVersion | None:
    """The published version a draft changes: the one it was made from, or the latest one."""
    if draft.replaces_id and draft.replaces.publication == Publication.PUBLISHED:
        return draft.replaces
    return (
        RuleVersion.objects.filter(rule_id=draft.rule_id, publication=Publication.PUBLISHED)
        .order_by("version")
        .last()
    )


def publication_effects(draft: RuleVersion) -> list[tuple[RuleVersion, dict]]:
    """How publishing ``draft`` changes the rule's other published versions.

    Same start date as the version it was made from: a correction for the same period (that
    version is superseded, and its end date carried over). A later start date: an amendment (the
    version in force then ends the day before).
    """
    base = base_version(draft)
    if base is not None and draft.effective_from == base.effective_from:
        return [(base, {"publication": Publication.SUPERSEDED})]
    effects = []
    if draft.effective_from is None:
        return effects
    cut = draft.effective_from - timedelta(days=1)
    for version in RuleVersion.objects.filter(
        rule_id=draft.rule_id, publication=Publication.PUBLISHED
    ).exclude(pk=draft.pk):
        starts_before = version.effective_from is None or version.effective_from < (
            draft.effective_from
        )
        runs_into = version.effective_to is None or version.effective_to >= draft.effective_from
        if starts_before and runs_into:
            effects.append((version, {"effective_to": cut}))
    return effects


def _effective_to_after(draft: RuleVersion) -> date | None:
    """A correction keeps the corrected version's end date unless the draft sets its own."""
    base = base_version(draft)
    if (
        draft.effective_to is None
        and base is not None
        and draft.effective_from == base.effective_from
    ):
        return base.effective_to
    return draft.effective_to


def proposed_rules(drafts: list[RuleVersion]) -> tuple:
    """Every published rule (engine objects) as it would be after publishing ``drafts``."""
    current = {(r.code, r.version): r for r in published_rules()}
    for draft in drafts:
        for version, changes in publication_effects(draft):
            key = (version.rule.code, version.version)
            if changes.get("publication") == Publication.SUPERSEDED:
                current.pop(key, None)
            elif key in current:
                current[key] = dataclasses.replace(current[key], **changes)
        entry = version_to_entry(draft)
        entry["effective_to"] = (
            _effective_to_after(draft).isoformat() if _effective_to_after(draft) else None
        )
        rule = rule_from_dict(entry)
        current[(rule.code, rule.version)] = rule
    return tuple(current.values())


def proposed_rulebook(drafts: list[RuleVersion]) -> Rulebook:
    now = current_rulebook()
    return Rulebook(
        version=f"{now.version}+draft",
        rules=proposed_rules(drafts),
        jurisdictions=now.jurisdictions,
        revision=now.revision,
    )


def validate_version(draft: RuleVersion) -> None:
    """Refuse a version the engine could not evaluate, naming the field (ValidationError).

    The engine's own checks do the work: the version alone (``rule_from_dict``: units, zones,
    conditions...), then the whole rule book as it would be after publishing it (missing rules
    named by a clock start, business days without a calendar, overlapping versions).
    """
    try:
        rule_from_dict(version_to_entry(draft))
        rulebook = current_rulebook()
        validate_rules(proposed_rules([draft]), tuple(rulebook.jurisdictions.values()))
    except RulebookError as error:
        raise as_validation_error(error) from None


# --------------------------------------------------------------------------- writes


def _snapshot(version: RuleVersion | None) -> dict | None:
    if version is None:
        return None
    data = version_to_entry(version)
    data["publication"] = version.publication
    return data


def next_version_number(rule_id: int) -> int:
    top = RuleVersion.objects.filter(rule_id=rule_id).aggregate(top=Max("version"))["top"]
    return (top or 0) + 1


@transaction.atomic
def save_draft(draft: RuleVersion, *, user, base: RuleVersion | None = None) -> RuleVersion:
    """Save a new draft (made from ``base``, a published version) or an edited draft.

    A published version is never rewritten: the caller passes an unsaved copy with the edits.
    """
    editing = draft.pk is not None
    if editing:
        before = _snapshot(RuleVersion.objects.get(pk=draft.pk))
        if before["publication"] != Publication.DRAFT:
            raise ValidationError("Only drafts can be edited; published versions are history.")
    else:
        draft.publication = Publication.DRAFT
        draft.version = next_version_number(draft.rule_id)
        draft.replaces = base
        draft.created_by = user
        draft.created_at = timezone.now()
        draft.source_fingerprint = ""
        draft.published_at = None
        draft.published_by = None
        before = _snapshot(base)
    validate_version(draft)
    draft.save()
    RuleChange.objects.create(
        user=user,
        action=RuleChange.Action.DRAFT_EDITED if editing else RuleChange.Action.DRAFTED,
        rule_id=draft.rule_id,
        rule_version=draft,
        summary=(
            f"{draft.rule.code}: draft version {draft.version} edited"
            if editing
            else f"{draft.rule.code}: draft version {draft.version} written"
            + (f" from version {base.version}" if base else "")
        ),
        before=before,
        after=_snapshot(draft),
    )
    return draft


@transaction.atomic
def discard_draft(draft: RuleVersion, *, user) -> None:
    if draft.publication != Publication.DRAFT:
        raise ValidationError("Only a draft can be discarded.")
    draft.publication = Publication.DISCARDED
    draft.save(update_fields=["publication"])
    RuleChange.objects.create(
        user=user,
        action=RuleChange.Action.DISCARDED,
        rule_id=draft.rule_id,
        rule_version=draft,
        summary=f"{draft.rule.code}: draft version {draft.version} discarded",
    )


def publish(drafts: list[RuleVersion], *, user, recompute: bool = True):
    """Publish drafts, then recompute the open cases whose deadlines they change.

    The rule book changes in one transaction (drafts published, neighbouring versions ended or
    superseded, history written); the affected cases are found before it commits and recomputed
    by a Celery task queued on commit, with its progress on a ``PublishJob`` row.
    """
    from jurisdictions import impact
    from jurisdictions.models import PublishJob

    with transaction.atomic():
        drafts = list(
            RuleVersion.objects.select_for_update(of=("self",))
            .filter(pk__in=[d.pk for d in drafts])
            .select_related("rule__jurisdiction", "regime", "replaces")
        )
        for draft in drafts:
            if draft.publication != Publication.DRAFT:
                raise ValidationError(f"{draft} is not a draft (it is {draft.publication}).")
            validate_version(draft)
        old = current_rulebook()
        new = proposed_rulebook(drafts)
        affected = impact.affected_case_ids(old, new) if recompute else []
        now = timezone.now()
        for draft in drafts:
            for version, changes in publication_effects(draft):
                before = _snapshot(version)
                for name, value in changes.items():
                    setattr(version, name, value)
                version.save(update_fields=list(changes))
                superseded = changes.get("publication") == Publication.SUPERSEDED
                RuleChange.objects.create(
                    user=user,
                    at=now,
                    action=RuleChange.Action.SUPERSEDED if superseded else RuleChange.Action.ENDED,
                    rule_id=version.rule_id,
                    rule_version=version,
                    summary=(
                        f"{version.rule.code}: version {version.version} superseded by the "
                        f"correction in version {draft.version}"
                        if superseded
                        else f"{version.rule.code}: version {version.version} now ends on "
                        f"{version.effective_to.isoformat()} (version {draft.version} starts "
                        f"{draft.effective_from.isoformat()})"
                    ),
                    before=before,
                    after=_snapshot(version),
                )
            before = _snapshot(draft)
            draft.effective_to = _effective_to_after(draft)
            draft.publication = Publication.PUBLISHED
            draft.published_by = user
            draft.published_at = now
            draft.save()
            RuleChange.objects.create(
                user=user,
                at=now,
                action=RuleChange.Action.PUBLISHED,
                rule_id=draft.rule_id,
                rule_version=draft,
                summary=f"{draft.rule.code}: version {draft.version} published"
                + (f" - {draft.change_note}" if draft.change_note else ""),
                before=before,
                after=_snapshot(draft),
            )
        RulebookState.bump()
        job = PublishJob.objects.create(
            user=user,
            summary="Published "
            + ", ".join(f"{d.rule.code} v{d.version}" for d in drafts)
            + "".join(f": {d.change_note}" for d in drafts[:1] if d.change_note),
            incident_ids=affected,
            total=len(affected),
        )
        job.rule_versions.set(drafts)
        if affected:
            from jurisdictions.tasks import recompute_after_publish

            transaction.on_commit(lambda: recompute_after_publish.delay(job.pk))
        else:
            job.state = PublishJob.State.DONE
            job.finished_at = now
            job.save(update_fields=["state", "finished_at"])
    return job
