"""Notices to data subjects under GDPR-style laws outside the EU, row by row from their text.

Each row gives the risk of harm the facts record (none < unlikely < risk < high), whether the data
was encrypted with a safe or a compromised key, the role, and whether the rule is owed. Rows sit
at the boundary: the lowest risk that triggers the duty and the one below it, and encrypted versus
not where the article has (or lacks) an encryption exemption. Every row was written down from the
article before the engine was run; its comment cites it. Discovery is Monday 2 March 2026,
16:00 UTC.
"""

import pytest

from tests.unit.law_cases import breach

SAFE_KEY = {"encrypted": True, "key_compromised": False}


def _facts(place, *, risk, enc=None, role="controller"):
    # The DIFC law binds controllers and processors in the DIFC (Art 6), not everyone serving
    # people in Dubai: the DIFC rows state the establishment with the ae_difc token.
    subject_to = ("ae_difc",) if place == "AE-DU" else ()
    return breach({place: 10}, risk=risk, encryption=enc, role=role, subject_to=subject_to)


# (rule, place of the people, risk, facts options, owed?)
ROWS = [
    # DIFC Data Protection Law 2020 Art 42(1): the data subject where the breach "is likely to
    # result in a high risk to the security or rights of a Data Subject", as soon as practicable.
    ("AE-DIFC-DS", "AE-DU", "risk", {}, False),
    ("AE-DIFC-DS", "AE-DU", "high", {}, True),
    # Only Art 42(1) was read: no encryption exemption is applied, so the duty stays listed.
    ("AE-DIFC-DS", "AE-DU", "high", {"enc": SAFE_KEY}, True),
    # Art 41(2): "A Processor shall notify a relevant Controller without undue delay after becoming
    # aware of a Personal Data Breach" - no harm test.
    ("AE-DIFC-PROC", "AE-DU", "none", {"role": "processor"}, True),
    ("AE-DIFC-PROC", "AE-DU", "none", {}, False),
    ("AE-DIFC-DS", "AE-DU", "high", {"role": "processor"}, False),
    # Ecuador, LOPDP art 46: the titular is told where the breach "conlleve un riesgo a sus derechos
    # fundamentales y libertades individuales" - any risk, not only a high one. Its exceptions 1
    # (effective measures applied to the affected data) and 2 must be "calificada por la Autoridad",
    # so encryption alone does not excuse the notice.
    ("EC-LOPDP-DS", "EC", "unlikely", {}, False),
    ("EC-LOPDP-DS", "EC", "risk", {}, True),
    ("EC-LOPDP-DS", "EC", "risk", {"enc": SAFE_KEY}, True),
    # Jersey, Data Protection (Jersey) Law 2018 Art 20 ("Notification of breach"): the data subject
    # where the breach is likely to result in a high risk; the authority from a risk (Art 20(1)).
    ("JE-DPJL-DS", "JE", "risk", {}, False),
    ("JE-DPJL-DS", "JE", "high", {}, True),
    ("JE-DPJL-SA", "JE", "risk", {}, True),
]


@pytest.mark.parametrize(("rule", "place", "risk", "options", "owed"), ROWS)
def test_subject_notice(clocks, rule, place, risk, options, owed):
    out = clocks(_facts(place, risk=risk, **options))
    assert (rule in out.owed) is owed, out.excluded.get(rule)


def test_difc_processor_notice_goes_to_the_controller(clocks):
    out = clocks(_facts("AE-DU", risk="high", role="processor"))
    assert out.owed["AE-DIFC-PROC"]["recipient"] == "controller"
    assert out.owed["AE-DIFC-PROC"]["jurisdiction"] == "AE-DU"


def test_ecuador_subject_notice_within_three_business_days(clocks):
    # LOPDP art 46: "dentro del término de tres días" from learning of the risk; a término counts
    # business days. Monday 2 March 2026, 11:00 in Guayaquil (UTC-5) -> end of Thursday 5 March.
    out = clocks(_facts("EC", risk="risk"))
    assert out.due("EC-LOPDP-DS") == "2026-03-06T04:59:59Z"


def test_jersey_subject_notice_cites_article_20(clocks):
    # The Law's arrangement: Art 20 "Notification of breach", Art 21 "Security of personal data".
    out = clocks(_facts("JE", risk="high"))
    assert out.owed["JE-DPJL-DS"]["citation"] == "Data Protection (Jersey) Law 2018 Art 20"
