"""``/rules/places.json``: every jurisdiction code with its name, for the forms' script that shows
the name of a code as it is typed (``CA`` -> Canada, so a Californian count is not filed under
Canada). ISO 3166 from ``pycountry`` plus the rule book's own codes; no request leaves the site.
"""

from __future__ import annotations

from functools import cache

from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.views.decorators.http import require_GET

from jurisdictions.engine import places


@cache
def _iso_names() -> dict[str, str]:
    countries, subdivisions = places._tables()
    names = dict(countries)
    for code, (name, _parent) in subdivisions.items():
        country = code.split("-", 1)[0]
        names[code] = f"{name} ({countries.get(country, country)})"
    return names


@require_GET
@login_required
def places_json(request):
    from jurisdictions.loader import current_rulebook

    names = dict(_iso_names())
    for code, jurisdiction in current_rulebook().jurisdictions.items():
        names.setdefault(code, jurisdiction.name)
    mistakes = {typed: meant for typed, meant in places.COMMON_MISTAKES.items()}
    response = JsonResponse({"names": names, "mistakes": mistakes})
    response["Cache-Control"] = "private, max-age=3600"
    return response
