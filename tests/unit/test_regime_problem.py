"""``vocabulary.regime_problem``: why a regime key is refused, in words - the closest known key
when one is near, else that no rule uses it; a known key, or a type after a known key, passes."""

import pytest

from jurisdictions.engine.vocabulary import regime_problem

KNOWN = {"hipaa_covered_entity", "sec_registrant", "dora"}


@pytest.mark.parametrize(
    ("token", "problem"),
    [
        ("sec_registrant", None),
        ("dora:investment_firm", None),
        (
            "sec_registrnt",
            "unknown regime key 'sec_registrnt': did you mean sec_registrant (SEC registrant)?",
        ),
        ("zzqx", "unknown regime key 'zzqx': no rule in the rule book applies to it"),
        (
            "nis3:anything",
            "unknown regime key 'nis3:anything': no rule in the rule book applies to it",
        ),
    ],
)
def test_regime_problem(token, problem):
    assert regime_problem(token, KNOWN) == problem
