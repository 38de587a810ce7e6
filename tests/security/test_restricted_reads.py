"""Reads of cases are restricted unless they say otherwise.

``Incident.objects`` hands out no case until the read names whose cases it wants:
``visible_to(user)``, or ``unrestricted(why)`` for code that acts for no one person. The first
half of this file shows the manager refusing a read that says neither; the second lists every
``unrestricted`` read in the product and every read of a case's rows on the pages a person
reaches, so a new side door fails here until someone has looked at it and said why.
"""

from __future__ import annotations

import ast
import re
from collections import Counter
from pathlib import Path

import pytest

from incidents.models import Incident
from incidents.queries import UnrestrictedReadError

ROOT = Path(__file__).resolve().parents[2]


# --- the manager ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "read",
    [
        lambda: list(Incident.objects.all()),
        lambda: Incident.objects.get(reference="INC-2026-0001"),
        lambda: Incident.objects.filter(status="triage").first(),
        lambda: Incident.objects.count(),
        lambda: Incident.objects.exists(),
        lambda: Incident.objects.values_list("pk", flat=True)[:5][0],
        lambda: next(Incident.objects.iterator()),
        lambda: Incident.objects.aggregate(n=__import__("django").db.models.Count("pk")),
        lambda: Incident.objects.update(title="everyone's case"),
        lambda: Incident.objects.filter(pk=0).delete(),
        lambda: Incident.objects.select_for_update().get(pk=1),
    ],
    ids=[
        "list",
        "get",
        "first",
        "count",
        "exists",
        "values_list",
        "iterator",
        "aggregate",
        "update",
        "delete",
        "select_for_update",
    ],
)
def test_a_read_that_names_no_one_is_refused(case, read):
    with pytest.raises(UnrestrictedReadError):
        read()
    assert Incident.objects.unrestricted("test").get(pk=case.pk).title == case.title


def test_reverse_relations_to_cases_are_restricted_too(case, counsel):
    # ``user.owned_incidents`` would be every case a person owns, whoever asks.
    with pytest.raises(UnrestrictedReadError):
        list(counsel.owned_incidents.all())
    assert list(counsel.owned_incidents.visible_to(counsel)) == [case]


def test_visible_to_reads_and_keeps_its_restriction_through_chaining(
    case, counsel, outsider, privacy_officer
):
    assert list(Incident.objects.visible_to(counsel).filter(status=case.status)) == [case]
    assert Incident.objects.visible_to(counsel).order_by("pk").values_list("pk").count() == 1
    assert Incident.objects.visible_to(outsider).count() == 0
    assert not Incident.objects.visible_to(None).exists()
    assert Incident.objects.visible_to(privacy_officer).get(pk=case.pk) == case


def test_an_unrestricted_read_must_say_why(case):
    for why in ("", "   ", None):
        with pytest.raises(ValueError, match="say why"):
            Incident.objects.unrestricted(why)
    assert Incident.objects.unrestricted("a beat task").filter(pk=case.pk).exists()
    assert list(Incident.objects.none()) == []  # nothing to restrict


# --- every unrestricted read in the product, with its reason ------------------------------------
# (file, reason) -> how many times. A new unrestricted read must be added here: look first
# whether it acts for a person (then it is ``visible_to(user)``), and keep the reason honest.
UNRESTRICTED = {
    ("assessments/actions.py", "lock of the case being changed"): 1,
    ("assessments/actions.py", "the case being changed"): 1,
    ("incidents/actions/bulk_recompute.py", "rule-book recompute"): 1,
    ("incidents/actions/bulk_recompute.py", "the batch's cases"): 1,
    ("incidents/actions/bulk_recompute.py", "this case of the batch"): 1,
    ("incidents/actions/cases.py", "a reference is unique across every case"): 1,
    ("incidents/actions/common.py", "lock of the case being changed"): 1,
    ("incidents/actions/facts.py", "re-read of the case being changed"): 3,
    ("incidents/actions/recompute.py", "lock of the case being recomputed"): 1,
    ("incidents/api/views.py", "re-read of the case in hand"): 1,
    ("incidents/exports.py", "re-read of a case the caller may see"): 1,
    ("incidents/list_sql.py", "compiles an ORDER BY; reads no row"): 1,
    ("incidents/listing.py", "a page of ids already restricted"): 1,
    ("incidents/management/commands/seed_demo.py", "the demo seeds once"): 1,
    ("incidents/models.py", "NEXT_DUE"): 2,
    ("incidents/queries.py", "a page of ids already restricted"): 1,
    ("incidents/tasks.py", "a rule-book recompute acts for no one"): 2,
    ("jurisdictions/impact.py", "a rule change moves every running deadline"): 1,
    ("jurisdictions/impact.py", "rule-change recompute"): 1,
    ("register/actions.py", "lock of the case being changed"): 1,
    ("retention/actions.py", "lock of the case being changed"): 1,
    ("retention/selectors.py", "the purge acts on every closed case"): 1,
}
# What may follow ``Incident.objects`` directly (besides those that say whose cases).
WRITES_AND_EMPTY = {"create", "bulk_create", "none"}
# ``visibility_sql`` is ``visible_to`` as SQL text, for a statement written by hand;
# ``team_visibility_sql`` the team-member part of it, which ``list_sql`` compares it with.
WHOSE = {"visible_to", "visibility_sql", "team_visibility_sql"}


def product_modules():
    skip = ("tests", "bench", ".venv", "var", "node_modules", "static")
    for path in sorted(ROOT.rglob("*.py")):
        rel = path.relative_to(ROOT)
        if rel.parts[0] in skip or "migrations" in rel.parts or rel.parts[0].startswith("."):
            continue
        yield rel.as_posix(), ast.parse(path.read_text(), filename=str(rel))


def _is_incident_objects(node) -> bool:
    return (
        isinstance(node, ast.Attribute)
        and node.attr == "objects"
        and isinstance(node.value, ast.Name)
        and node.value.id == "Incident"
    )


def _parents(tree):
    parents = {}
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            parents[child] = node
    return parents


def test_every_read_of_cases_says_whose_and_unrestricted_ones_are_listed():
    found: Counter = Counter()
    unscoped = []
    for rel, tree in product_modules():
        parents = _parents(tree)
        for node in ast.walk(tree):
            if not _is_incident_objects(node):
                continue
            step = parents.get(node)
            method = step.attr if isinstance(step, ast.Attribute) else None
            if method == "unrestricted":
                call = parents[step]
                why = call.args[0] if call.args else None
                reason = (
                    why.value
                    if isinstance(why, ast.Constant)
                    else (why.id if isinstance(why, ast.Name) else ast.unparse(why))
                )
                found[(rel, reason)] += 1
            elif method not in WHOSE and method not in WRITES_AND_EMPTY:
                unscoped.append(f"{rel}:{node.lineno} Incident.objects.{method}")
    assert unscoped == [], "reads of cases that name no one (use visible_to or unrestricted)"
    assert dict(found) == UNRESTRICTED


# --- a case's rows, on the pages a person reaches -----------------------------------------------
# Rows that belong to a case: on a page, an endpoint, a feed or an export they are read through a
# case that came from ``visible_to`` (``incident=``), through ``visible_to``, or as the related
# rows of such a case (a ``Prefetch``).
CASE_ROWS = {
    "Activity",
    "AffectedPopulation",
    "Attachment",
    "ConflictDecision",
    "IncidentEvent",
    "Note",
    "Obligation",
    "Reminder",
    "TeamMember",
}
# Modules that serve a person (pages, API, feeds, exports, template tags, read selectors).
PERSON_FACING = re.compile(
    r"(^|/)(\w*views|exports|feeds|listing|selectors|conflicts|pdf)\.py$|/api/|/templatetags/"
)
# Reads of case rows on those pages that are scoped another way, and why.
# (The case list reads its rows' deadlines and places with SQL subqueries correlated to the
# page's cases, whose ids come from queries.case_ids - visible_to: incidents/listing.py
# ``_row_extras``, incidents/list_query.py; tests/web/test_case_list_speed.py checks a person
# sees none of another's cases on any page.)
CASE_ROWS_ALLOWED = {
    # A serializer's empty default queryset; get_queryset restricts.
    ("incidents/api/views.py", "Note.none"): "empty",
}


def _scoped_chain(node, parents) -> tuple[bool, str]:
    """Walk up ``X.objects.a(...).b(...)``: scoped if a call names the case (``incident=``,
    ``incident_id=``, ``incident__in=``, ``obligation__incident=``), says ``visible_to``, the
    chain is the queryset of a ``Prefetch``, or it is a ``pk__in=`` subquery (it can only narrow
    the cases it filters)."""
    current, methods = node, []
    while True:
        parent = parents.get(current)
        if isinstance(parent, ast.keyword):
            if parent.arg in ("pk__in", "id__in"):  # a subquery that only narrows cases
                return True, ""
            current, parent = parent, parents.get(parent)  # Prefetch(..., queryset=<chain>)
        if isinstance(parent, ast.Attribute):
            methods.append(parent.attr)
        elif isinstance(parent, ast.Call) and parent.func is current:
            names = [kw.arg or "" for kw in parent.keywords]
            if any(n.startswith(("incident", "obligation__incident")) for n in names):
                return True, ""
        elif isinstance(parent, ast.Call):  # the chain is an argument of another call
            func = parent.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            return name == "Prefetch", ".".join(methods)
        else:
            return False, ".".join(methods)
        if "visible_to" in methods:
            return True, ""
        current = parent


def test_rows_of_a_case_are_read_through_a_case_the_person_may_see():
    loose, used = [], set()
    for rel, tree in product_modules():
        if not PERSON_FACING.search(rel):
            continue
        parents = _parents(tree)
        for node in ast.walk(tree):
            if not (
                isinstance(node, ast.Attribute)
                and node.attr == "objects"
                and isinstance(node.value, ast.Name)
                and node.value.id in CASE_ROWS
            ):
                continue
            scoped, methods = _scoped_chain(node, parents)
            model = node.value.id
            if scoped:
                continue
            allowed = {(rel, model), (rel, f"{model}.{methods}")} & set(CASE_ROWS_ALLOWED)
            if allowed:
                used.update(allowed)
                continue
            loose.append(f"{rel}:{node.lineno} {model}.objects.{methods}")
    assert loose == []
    assert used == set(CASE_ROWS_ALLOWED), "an allowed read is gone: take it off the list"
