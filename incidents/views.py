"""The case workspace pages. Reads go through ``Incident.objects.visible_to(user)``; every change
goes through ``incidents.actions``; views only parse input, call, and render."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from incidents.forms import FactsForm
from incidents.web_facts import add_facts_error


def _evaluate(facts: dict):
    from jurisdictions.services import evaluate_facts

    return evaluate_facts(facts)


@login_required
def what_if(request):
    """Facts in, obligations out, nothing stored: the calculator counsel use before a case exists."""
    from jurisdictions.engine.facts import FactsError

    form = FactsForm(request.POST or None, what_if=True)
    context = {"form": form, "evaluation": None}
    if request.method == "POST" and form.is_valid():
        try:
            evaluation = _evaluate(form.facts())
        except FactsError as exc:
            add_facts_error(form, exc)
        else:
            result = evaluation.to_dict()
            context.update(
                evaluation=evaluation,
                obligations=result.get("obligations", []),
                not_applicable=result.get("not_applicable", []),
                rulebook=result.get("rulebook"),
            )
    return render(request, "incidents/what_if.html", context)
