"""ISO 3166 places: which codes exist, their names, and what a subdivision rolls up to. No Django.

The lists come from ``pycountry`` (a pure data package that ships the ISO 3166-1 and 3166-2
lists; nothing is fetched at run time). They are read once, on first use, into plain dicts, so a
look-up costs a dict access (the engine bench stays in the low milliseconds per case).

A subdivision the rule book does not list rolls up through its ISO parents (``GB-LND`` ->
``GB-ENG`` -> ``GB``) to the first place the rule book knows, in the end its country.
"""

from __future__ import annotations

from functools import cache

# XK (Kosovo) is user-assigned in ISO 3166-1 but in common use (EU, World Bank); keep accepting it.
EXTRA_COUNTRIES = {"XK": "Kosovo"}
# ISO 3166-2:US "outlying areas", which ISO 3166-1 also lists as countries.
US_OUTLYING_AREAS = frozenset({"AS", "GU", "MP", "PR", "UM", "VI"})
# Other places ISO lists twice, as a country and as a subdivision of another: Åland (AX) is
# ISO 3166-2:FI's FI-01, an autonomous region of Finland inside the EU, where the GDPR applies.
ALSO_SUBDIVISIONS = {**{code: f"US-{code}" for code in US_OUTLYING_AREAS}, "AX": "FI-01"}


@cache
def _tables() -> tuple[dict[str, str], dict[str, tuple[str, str]]]:
    """({country code: name}, {subdivision code: (name, parent code)}), read once."""
    import pycountry

    countries = {c.alpha_2: getattr(c, "common_name", None) or c.name for c in pycountry.countries}
    countries.update(EXTRA_COUNTRIES)
    subdivisions: dict[str, tuple[str, str]] = {}
    for sub in pycountry.subdivisions:
        parent = sub.parent_code or sub.country_code
        subdivisions[sub.code] = (sub.name, parent)
    return countries, subdivisions


def is_country(code: str) -> bool:
    return code in _tables()[0]


def is_subdivision(code: str) -> bool:
    return code in _tables()[1]


def exists(code: str) -> bool:
    """An ISO 3166-1 alpha-2 country code or an ISO 3166-2 subdivision code."""
    countries, subdivisions = _tables()
    return code in countries or code in subdivisions


def name(code: str) -> str | None:
    """The ISO name of a country or subdivision (``CA-ON`` -> "Ontario"), or None."""
    countries, subdivisions = _tables()
    if code in countries:
        return countries[code]
    found = subdivisions.get(code)
    return found[0] if found else None


def parents(code: str) -> tuple[str, ...]:
    """The ISO places containing ``code``, nearest first, ending with its country:
    ``GB-LND`` -> (``GB-ENG``, ``GB``); ``CA-ON`` -> (``CA``,); a country -> (), except one ISO
    also lists as a subdivision: ``GU`` -> (``US-GU``, ``US``), ``AX`` -> (``FI-01``, ``FI``)."""
    subdivisions = _tables()[1]
    # ISO lists the US outlying areas twice: as countries (GU, PR, VI...) and as subdivisions of
    # the US (US-GU...). People entered under the country code live in the US territory; so with
    # Åland (AX, FI-01).
    if code in ALSO_SUBDIVISIONS:
        return (ALSO_SUBDIVISIONS[code], *parents(ALSO_SUBDIVISIONS[code]))
    out: list[str] = []
    current = code
    while current in subdivisions and len(out) < 5:
        current = subdivisions[current][1]
        out.append(current)
    if not out and "-" in code:
        out.append(code.split("-", 1)[0])
    return tuple(out)


# Codes people commonly type for a country whose ISO code differs: the United Kingdom is GB in
# ISO 3166 (UK is only "exceptionally reserved"), Greece is GR (EL is the EU's own code).
COMMON_MISTAKES = {"UK": "GB", "EL": "GR", "EN": "GB-ENG", "KO": "KR", "SP": "ES", "DK-GL": "GL"}


def suggestion(code: str) -> str | None:
    """The code meant when ``code`` is a common mistake or in lower case, e.g. ``UK`` -> ``GB``."""
    upper = code.strip().upper()
    if upper in COMMON_MISTAKES:
        return COMMON_MISTAKES[upper]
    if upper != code and exists(upper):
        return upper
    return None


def problem(code: str) -> str | None:
    """Why ``code`` is not an ISO 3166 code, naming it (and the code meant, when a common
    mistake says which); None if it is one."""
    if exists(code):
        return None
    meant = suggestion(code)
    if meant:
        return f"unknown jurisdiction code {code!r}: did you mean {meant} ({name(meant)})?"
    country = code.split("-", 1)[0]
    if "-" in code and is_country(country):
        return (
            f"unknown jurisdiction code {code!r}: not an ISO 3166-2 subdivision of "
            f"{name(country)} ({country}); use one such as {example_subdivision(country)}, or "
            f"{country} for the whole country"
        )
    return f"unknown jurisdiction code {code!r} (use ISO 3166, e.g. DE, US-CA, CA-ON)"


def example_subdivision(country: str) -> str:
    codes = sorted(c for c in _tables()[1] if c.startswith(country + "-"))
    return codes[0] if codes else country
