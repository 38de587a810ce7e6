"""Hostile facts documents: ``parse_facts`` accepts or refuses with FactsError, nothing else.

Anything JSON can carry arrives at this parser from the API, the forms and the CLI; an
exception of another kind would be a 500 (or worse, a half-stored case).
"""

from __future__ import annotations

import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jurisdictions.engine.facts import DATA_CATEGORIES, FORMAT, Facts, FactsError, parse_facts
from jurisdictions.engine.rules import EVENTS

FUZZ = settings(
    max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)

# JSON scalars, including the awkward ones: huge and negative numbers, NaN/inf (Python's json
# accepts them), empty and odd strings.
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(
        [
            "",
            "2026-03-27T17:00:00+01:00",
            "2026-03-27T17:00:00Z",
            "2026-03-27T17:00:00",
            "2026-02-30T10:00:00Z",
            "9999-12-31T23:59:59-23:59",
            "0001-01-01T00:00:00+14:00",
            "2026-03-27",
            "yesterday",
            "DE",
            "US-CA",
            "US-XX",
            "controller",
            "high",
            FORMAT,
            "\x00",
            "<script>alert(1)</script>",
            "１２３",
        ]
    ),
)
json_values = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=5),
        st.dictionaries(st.text(max_size=12), children, max_size=5),
    ),
    max_leaves=25,
)

times = st.one_of(
    st.datetimes(timezones=st.timezones()).map(lambda d: d.isoformat()),
    st.datetimes().map(lambda d: d.isoformat()),  # no offset: must be refused, not crash
    scalars,
)
codes = st.one_of(
    st.sampled_from(["DE", "FR", "US-CA", "US-NY", "US-XX", "GB", "CA-QC", "de", "ZZ", "EU"]),
    st.text(alphabet=string.ascii_uppercase + "-0", max_size=6),
)

# Documents shaped like facts, so that the parser's deeper branches are reached too.
shaped = st.fixed_dictionaries(
    {},
    optional={
        "format": st.one_of(st.just(FORMAT), scalars),
        "title": st.one_of(st.text(max_size=40), json_values),
        "events": st.one_of(
            st.dictionaries(
                st.one_of(st.sampled_from(EVENTS), st.text(max_size=8)), times, max_size=6
            ),
            st.fixed_dictionaries({"discovered_at": times}),
            json_values,
        ),
        "organisation": st.one_of(
            st.fixed_dictionaries(
                {},
                optional={
                    "role": st.one_of(st.sampled_from(["controller", "processor"]), scalars),
                    "main_establishment": st.one_of(codes, scalars),
                    "established_in": st.one_of(st.lists(codes, max_size=3), json_values),
                    "subject_to": st.one_of(
                        st.lists(
                            st.one_of(
                                st.sampled_from(["sec_registrant", "dora:credit_institution"]),
                                st.text(max_size=10),
                            ),
                            max_size=3,
                        ),
                        json_values,
                    ),
                },
            ),
            json_values,
        ),
        "data": st.one_of(
            st.lists(st.one_of(st.sampled_from(DATA_CATEGORIES), scalars), max_size=4),
            json_values,
        ),
        "encryption": st.one_of(
            st.fixed_dictionaries(
                {},
                optional={"encrypted": scalars, "key_compromised": scalars},
            ),
            json_values,
        ),
        "risk_of_harm": st.one_of(st.sampled_from(["none", "unlikely", "risk", "high"]), scalars),
        "cause": scalars,
        "affected": st.one_of(
            st.dictionaries(codes, st.one_of(st.integers(-5, 10**12), scalars), max_size=4),
            json_values,
        ),
        "rules_as_of": st.one_of(st.dates().map(str), scalars),
        "notices_sent": st.one_of(st.dictionaries(st.text(max_size=8), times, max_size=3), scalars),
        "systems": st.one_of(st.lists(st.text(max_size=8), max_size=3), json_values),
        "customers": st.one_of(st.lists(st.text(max_size=8), max_size=3), json_values),
    },
)


VALID = {
    "format": FORMAT,
    "title": "Web skimmer on checkout",
    "events": {"discovered_at": "2026-03-27T17:00:00+01:00"},
    "organisation": {"role": "controller", "main_establishment": "DE", "established_in": ["DE"]},
    "data": ["name", "payment_card"],
    "encryption": {"encrypted": False, "key_compromised": False},
    "risk_of_harm": "high",
    "cause": "external_attack",
    "affected": {"DE": 9000, "US-CA": 600},
}
# A valid document with some fields replaced: gets past the first checks to the deeper ones.
mostly_valid = shaped.map(
    lambda changes: {
        **VALID,
        **{k: v for k, v in changes.items() if k != "format"},
        "events": (
            changes["events"]
            if isinstance(changes.get("events"), dict) and "discovered_at" in changes["events"]
            else VALID["events"]
        ),
    }
)


def _parse_only_fails_cleanly(doc, **kwargs) -> None:
    try:
        result = parse_facts(doc, **kwargs)
    except FactsError as exc:
        assert str(exc)  # a message a person can read
        return
    assert isinstance(result, Facts)


@FUZZ
@given(json_values)
def test_any_json_value_is_accepted_or_refused_with_facts_error(doc):
    _parse_only_fails_cleanly(doc)


@FUZZ
@given(shaped)
def test_facts_shaped_documents_are_accepted_or_refused_with_facts_error(doc):
    _parse_only_fails_cleanly(doc)


@FUZZ
@given(mostly_valid)
def test_mostly_valid_documents_are_accepted_or_refused_with_facts_error(doc):
    _parse_only_fails_cleanly(doc)


@FUZZ
@given(st.one_of(shaped, mostly_valid))
def test_with_a_rule_book_of_known_jurisdictions_too(doc):
    _parse_only_fails_cleanly(doc, known_jurisdictions={"DE", "FR", "US-CA", "US-NY", "GB"})


@pytest.mark.django_db
def test_documents_that_parse_evaluate_against_the_shipped_rule_book_without_crashing():
    """Past the parser: any document it accepts goes through the clock engine and the shipped
    rule book (as the API's what-if does) without an exception of any kind."""
    from jurisdictions.loader import current_rulebook
    from jurisdictions.services import evaluate_facts

    rulebook = current_rulebook()
    evaluated = []

    @settings(
        max_examples=150,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(mostly_valid)
    def run(doc):
        try:
            parse_facts(doc)
            evaluate_facts(doc, rulebook=rulebook)  # may refuse with FactsError too, and only so
        except FactsError:
            return
        evaluated.append(doc)

    run()
    assert evaluated  # the strategy does reach the engine
