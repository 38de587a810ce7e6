"""The assessment methods as tables: ENISA severity (SE = DPC x EI + CB, bands) and the US harm
factors, each row a case a privacy lawyer can check by hand."""

import pytest

from assessments import scales

ENISA_NONE = {"cb_confidentiality": "none", "cb_integrity": "none", "cb_availability": "none"}


@pytest.mark.parametrize(
    ("answers", "score", "band", "risk"),
    [
        # supermarket customer list, names identify directly, exposed: 1 x 1 + 0 = 1 (low)
        ({"dpc_base": "simple", "ei": "maximum", **ENISA_NONE, "cb_confidentiality": "exposed"},
         1.0, "low", "unlikely"),
        # financial data, identification limited, sent to known recipients: 3 x 0.5 + 0.25
        ({"dpc_base": "financial", "ei": "limited", **ENISA_NONE, "cb_confidentiality": "known"},
         1.75, "low", "unlikely"),
        # exactly 2 is medium (bands: SE < 2 low)
        ({"dpc_base": "behavioural", "ei": "maximum", **ENISA_NONE}, 2.0, "medium", "risk"),
        # financial, maximum, unknown recipients + malicious: 3 + 0.5 + 0.5 = 4 (very high)
        ({"dpc_base": "financial", "ei": "maximum", **ENISA_NONE, "cb_confidentiality": "unknown",
          "malicious": True}, 4.0, "very_high", "high"),
        # sensitive, significant, permanent loss: 4 x 0.75 + 0.5 = 3.5 (high)
        ({"dpc_base": "sensitive", "ei": "significant", **ENISA_NONE,
          "cb_availability": "permanent"}, 3.5, "high", "high"),
        # simple data raised by a vulnerable group and the controller's nature: DPC 3
        ({"dpc_base": "simple", "dpc_adjustments": ["vulnerable", "controller"], "ei": "maximum",
          **ENISA_NONE, "cb_integrity": "unrecoverable"}, 3.5, "high", "high"),
        # altered but recoverable: 2 x 0.75 + 0.25 = 1.75 (low)
        ({"dpc_base": "behavioural", "ei": "significant", **ENISA_NONE,
          "cb_integrity": "recoverable"}, 1.75, "low", "unlikely"),
        # adjustments never take DPC below 1: 1 - 2 -> 1, negligible identification
        ({"dpc_base": "simple", "dpc_adjustments": ["public", "invalid"], "ei": "negligible",
          **ENISA_NONE}, 0.25, "low", "unlikely"),
        # nor above 4
        ({"dpc_base": "sensitive", "dpc_adjustments": ["volume", "vulnerable"], "ei": "maximum",
          **ENISA_NONE, "cb_availability": "temporary"}, 4.25, "very_high", "high"),
    ],
)  # fmt: skip
def test_enisa_severity(answers, score, band, risk):
    result = scales.enisa(answers, {"dpc": "customer list"})
    assert (result.score, result.band, result.risk_of_harm) == (score, band, risk)
    assert result.factors[0].reason == "customer list"
    assert result.why[0].startswith("SE = DPC x EI + CB")


def test_enisa_names_the_missing_factor():
    with pytest.raises(scales.AssessmentError) as exc:
        scales.enisa({"dpc_base": "simple", **ENISA_NONE})
    assert exc.value.field == "ei"


US_BASE = {"data": "identity", "encryption": "unencrypted", "acquirer": "unknown",
           "misuse": "none", "mitigation": "none"}  # fmt: skip


@pytest.mark.parametrize(
    ("changes", "risk"),
    [
        ({}, "risk"),  # readable identity data with an unknown party
        ({"misuse": "confirmed", "encryption": "encrypted"}, "high"),  # misuse outweighs all
        ({"acquirer": "malicious"}, "high"),
        ({"acquirer": "malicious", "data": "low"}, "risk"),
        ({"encryption": "encrypted"}, "none"),
        ({"encryption": "key_compromised", "acquirer": "malicious"}, "high"),
        ({"acquirer": "trusted", "mitigation": "full"}, "none"),
        ({"acquirer": "internal", "mitigation": "partial"}, "none"),
        ({"acquirer": "trusted", "mitigation": "full", "misuse": "indications"}, "risk"),
        ({"data": "low", "mitigation": "full"}, "none"),
        ({"mitigation": "full"}, "unlikely"),
    ],
)
def test_us_harm_factors(changes, risk):
    result = scales.us_harm({**US_BASE, **changes})
    assert result.risk_of_harm == risk
    assert len(result.factors) == 5 and result.why


def test_written_determination_duties_name_the_statute():
    duties = scales.written_determination_duties(["US-VT", "US-FL", "DE", "US-CA"])
    assert [d["jurisdiction"] for d in duties] == ["US-FL", "US-VT"]
    assert duties[0]["text"] == (
        "a no-harm determination must be in writing and kept 5 years, and sent to the "
        "Department of Legal Affairs within 30 days"
    )
    assert duties[0]["citation"] == "Fla. Stat. 501.171(4)(c)"
    assert duties[1]["text"].startswith("a no-harm determination must be sent to the Attorney")
