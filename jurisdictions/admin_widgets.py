"""The rule console's editors for lawyers: no JSON, no event keys to type.

* ``ConditionBuilderWidget`` - the data condition as groups of data categories in plain words
  ("a name together with any of: ..."), with the raw JSON behind an "advanced" switch. Both
  write the same field, which the engine validates the same way on save.
* ``EventOrNoticeSelect`` - the clock start picked from named events and other rules' notices.
* ``TokenChecklist`` - regimes and required facts ticked from a list, labelled in words.
* ``reading_view`` - the rule's plain-language reading of the form as it is filled in.

The scripts are ours (``static/jurisdictions/rule_builder.js``); nothing is fetched from
elsewhere. Posting the old formats (JSON typed in the textarea, lists one per line) still works,
so scripts and imports that speak them keep working.
"""

from __future__ import annotations

import json

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.urls import reverse
from django.views.decorators.http import require_POST

from jurisdictions.engine import vocabulary
from jurisdictions.engine.facts import DATA_CATEGORIES
from jurisdictions.engine.rules import EVENT_PREFIX, EVENTS, NOTICE_PREFIX

HELP = {
    "data_condition": "Which compromised data makes the rule apply. Choose “any personal "
    "data”, “no data needed” (service incidents: NIS2, DORA, SEC) or the categories: within a "
    "group any one category suffices; groups joined by “together with” must all be met; an "
    "alternative (“or”) is another way to meet the definition. “Edit as JSON” shows the same "
    "condition in the rule book's file format.",
    "requires_subject_to": "Tick the regimes an organisation must fall under for the rule to "
    "apply; any one suffices. None ticked: the rule applies to everyone.",
    "requires_facts": "Tick the facts that must hold for the rule to apply. None ticked: no such "
    "condition.",
    "clock_start": "What starts the clock: an event of the incident, or another rule's notice "
    "(then “before” in the deadline kind means this notice must precede that one).",
    "stage": "For regimes with several reports (NIS2, DORA...), which step this is. Blank for a "
    "single notice.",
    "systems_any": "Contracts: the clause applies only if one of these systems is affected, one "
    "name per line (e.g. payments-api). Empty: any system.",
    "customers_any": "Contracts: the clause applies only if one of these customers' data or "
    "services is affected, one name per line (e.g. Acme Bank). Empty: any customer.",
    "sources": "Where the rule comes from, one per line: the statute or regulation and the "
    "regulator's page first (a “high” confidence needs one of them), then any commentary.",
}


class ConditionBuilderWidget(forms.Textarea):
    """The data condition: a builder in words over the JSON textarea (the field's value)."""

    template_name = "jurisdictions/widgets/condition_builder.html"

    def __init__(self, attrs=None):
        super().__init__({"rows": 4, "cols": 80, "class": "condition-json", **(attrs or {})})

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["categories"] = json.dumps(
            [
                {"key": c, "label": vocabulary.data_label(c), "words": vocabulary.data_words(c)}
                for c in DATA_CATEGORIES
            ]
        )
        context["widget"]["reading_url"] = reverse("admin:jurisdictions_ruleversion_reading")
        return context


def event_choices() -> list[tuple[str, str]]:
    return [(e, vocabulary.event_words(e).capitalize()) for e in EVENTS]


class EventOrNoticeSelect(forms.Select):
    """Clock starts: the incident's events, then every rule's notice (``notice:CODE``)."""

    def __init__(self, attrs=None):
        super().__init__(attrs)

    def get_context(self, name, value, attrs):
        self.choices = clock_start_choices(value)
        return super().get_context(name, value, attrs)


def clock_start_choices(current: str | None = None) -> list:
    from jurisdictions.models import Rule, RuleVersion

    latest: dict[str, RuleVersion] = {}
    versions = RuleVersion.objects.select_related("rule__jurisdiction").order_by("version")
    for version in versions.only(
        "rule__code", "rule__jurisdiction__name", "recipient", "authority", "stage", "version"
    ):
        latest[version.rule.code] = version
    notices = []
    for code in sorted(Rule.objects.values_list("code", flat=True)):
        v = latest.get(code)
        words = (
            f"{v.rule.jurisdiction.name}: {vocabulary.label(v.recipient)}"
            + (f", {vocabulary.label(v.stage).lower()}" if v.stage else "")
            if v
            else "no version yet"
        )
        notices.append((f"{NOTICE_PREFIX}{code}", f"The notice under {code} ({words})"))
    choices = [
        ("", "---------"),
        ("Events of the incident", event_choices()),
        ("Another rule's notice is sent", notices),
    ]
    known = {value for _group, items in choices[1:] for value, _ in items}
    if current and current not in known:  # a value the lists do not offer is kept, not lost
        choices.append(("Kept as stored", [(current, current)]))
    return choices


class TokenChecklist(forms.CheckboxSelectMultiple):
    """A list of keys as ticked boxes in words. Also reads the old one-per-line text."""

    def __init__(self, choices_function, attrs=None):
        super().__init__(attrs)
        self.choices_function = choices_function

    def get_context(self, name, value, attrs):
        values = value if isinstance(value, list | tuple) else []
        self.choices = self.choices_function(values)
        return super().get_context(name, values, attrs)

    def format_value(self, value):
        if isinstance(value, str):
            value = [line.strip() for line in value.splitlines() if line.strip()]
        return [str(v) for v in value or []]

    def value_from_datadict(self, data, files, name):
        getter = getattr(data, "getlist", None)
        raw = getter(name) if getter else data.get(name)
        if isinstance(raw, str):
            raw = [raw]
        out = []
        for item in raw or []:
            out.extend(line.strip() for line in str(item).splitlines() if line.strip())
        return out


def regime_choices(current=()) -> list[tuple[str, str]]:
    from jurisdictions.loader import current_rulebook

    known = sorted(
        vocabulary.known_regimes(current_rulebook().rules) | set(current),
        key=lambda t: vocabulary.regime_label(t).lower(),
    )
    return [(t, vocabulary.regime_label(t)) for t in known]


def fact_choices(current=()) -> list[tuple[str, str]]:
    choices = [(k, v[:1].upper() + v[1:]) for k, v in vocabulary.FACT_WORDS.items()]
    choices += [
        (f"{EVENT_PREFIX}{e}", f"{vocabulary.event_words(e).capitalize()} is recorded")
        for e in EVENTS
    ]
    known = {k for k, _ in choices}
    return choices + [(c, c) for c in current if c not in known]


def stage_choices(current: str | None = None) -> list[tuple[str, str]]:
    choices = [("", "---------"), *sorted(vocabulary.STAGE_LABELS.items(), key=lambda kv: kv[1])]
    if current and current not in vocabulary.STAGE_LABELS:
        choices.append((current, current))  # a stage the list does not name is kept, not lost
    return choices


def install(form) -> None:
    """Put the builders on a rule-version form's fields, with help text that matches them."""
    fields = form.fields
    if "data_condition" in fields:
        fields["data_condition"].widget = ConditionBuilderWidget()
    if "clock_start" in fields:
        fields["clock_start"].widget = EventOrNoticeSelect()
    if "requires_subject_to" in fields:
        fields["requires_subject_to"].widget = TokenChecklist(regime_choices)
    if "requires_facts" in fields:
        fields["requires_facts"].widget = TokenChecklist(fact_choices)
    if "stage" in fields:
        current = form.initial.get("stage") or getattr(form.instance, "stage", None)
        fields["stage"].widget = forms.Select(choices=stage_choices(current))
    if "also_not_later_than_event" in fields:
        fields["also_not_later_than_event"].choices = [("", "---------"), *event_choices()]
    for name, text in HELP.items():
        if name in fields:
            fields[name].help_text = text


class BuilderMedia:
    css = {"all": ("jurisdictions/rule_builder.css",)}
    js = ("jurisdictions/rule_builder.js",)


@require_POST
def reading_view(request):
    """The rule's reading in words for the form's current answers (the builder's preview)."""
    from jurisdictions.rule_words import READ_FIELDS, reading

    if not request.user.has_perm("jurisdictions.change_ruleversion"):
        raise PermissionDenied
    values: dict = {}
    for name in READ_FIELDS:
        if name == "requires_subject_to":
            values[name] = TokenChecklist(regime_choices).value_from_datadict(
                request.POST, None, name
            )
        elif name in ("encryption_safe_harbour", "key_compromise_defeats_safe_harbour"):
            values[name] = request.POST.get(name) in ("on", "true", "1")
        else:
            values[name] = request.POST.get(name) or None
    raw = request.POST.get("data_condition") or "null"
    try:
        values["data_condition"] = json.loads(raw)
        lines = reading(values)
    except (ValueError, TypeError, AttributeError):
        values["data_condition"] = None
        lines = [line for line in reading(values) if not line.startswith("Data:")]
        lines.append("Data: the JSON is not complete yet.")
    return JsonResponse({"lines": lines})
