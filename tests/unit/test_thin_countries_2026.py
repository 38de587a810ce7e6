"""Countries the rule book covered with one or two rules: the duties a breach there owes, from the
law's breach articles (rows written before the engine was run).

Indonesia: UU PDP (Law 27/2022) Art 46(1) - on a failure of personal data protection the controller
notifies in writing within 3 x 24 hours (a) the data subjects and (b) the agency; Art 46(3) - "in
certain cases" (dalam hal tertentu) the controller must also inform the public. Oman: Executive
Regulation (Ministerial Decision 34/2024) Art 30 - the Ministry within 72 hours of knowledge; Art 32
- the data subjects within 72 hours where the breach may cause significant harm or a high risk.
Saudi Arabia: a law firm's summary reports a processor's duty to notify the controller (the row was
corrected after the run: Implementing Regulation Art 24 has none). Russia: 152-FZ Art 21(3.1) -
Roskomnadzor within 24 hours and the investigation's
results within 72 hours; Art 6(3) (as amended by 266-FZ) - the operator's instruction to a
processor must require the processor to notify the operator of the cases in Art 21(3.1). Turkey:
KVKK Art 12(5) and Board Decision 2019/10 (the Board within 72 hours, the data subjects as soon as
reasonably possible after they are identified); neither names the processor, so a processor's own
case lists nothing under Turkish law.

Discovery (and awareness) is Monday 6 April 2026 15:00 UTC; hours are elapsed UTC time.
"""

from functools import partial

import pytest

from tests.unit.law_cases import incident_facts, owed_and_dated

DISCOVERED = "2026-04-06T15:00:00Z"
H24 = "2026-04-07T15:00:00Z"
H72 = "2026-04-09T15:00:00Z"

facts = partial(
    incident_facts,
    discovered=DISCOVERED,
    data=("name", "national_id", "financial_account"),
    aware_at=DISCOVERED,
)

CASES = [
    pytest.param(
        # UU PDP Art 46(1): data subjects and the agency within 3 x 24 hours, no harm test;
        # Art 46(3): the public "in certain cases" - a high-risk breach of identity numbers and
        # accounts of 50,000 people is listed as such a case.
        facts({"ID": 50000}, est=("ID",)),
        {("supervisory_authority", "ID"), ("individuals", "ID"), ("public", "ID")},
        {("supervisory_authority", "ID", H72), ("individuals", "ID", H72)},
        id="indonesia-high-risk-public",
    ),
    pytest.param(
        # Art 46(1) has no harm threshold: a low-risk failure still owes the data subjects and
        # the agency; the public notice of Art 46(3) is not listed at low risk.
        facts({"ID": 300}, est=("ID",), risk="unlikely"),
        {("supervisory_authority", "ID"), ("individuals", "ID")},
        {("supervisory_authority", "ID", H72), ("individuals", "ID", H72)},
        id="indonesia-low-risk",
    ),
    pytest.param(
        # Oman Executive Regulation Art 30 (the Ministry, 72 hours) and Art 32 (the data
        # subjects within 72 hours where significant harm or high risk).
        facts({"OM": 4000}, est=("OM",)),
        {("supervisory_authority", "OM"), ("individuals", "OM")},
        {("supervisory_authority", "OM", H72), ("individuals", "OM", H72)},
        id="oman-high-risk-72h-both",
    ),
    pytest.param(
        # A processor serving a Saudi controller: SDAIA and the data subjects are the controller's
        # notices. Written first as a notice to the controller, from a law firm's summary of the
        # regulations; corrected after the run: Implementing Regulation Art 24, read word for word
        # (test_readings_verified.py), puts no notice on the processor; no other article was
        # found.
        facts({"SA": 6000}, est=("SA",), role="processor"),
        set(),
        set(),
        id="saudi-processor-to-controller",
    ),
    pytest.param(
        # 152-FZ Art 6(3): the processor acting on the operator's instruction notifies the operator
        # of the Art 21(3.1) cases; Roskomnadzor is the operator's notice.
        facts({"RU": 6000}, est=("RU",), role="processor"),
        {("controller", "RU")},
        set(),
        id="russia-processor-to-operator",
    ),
    pytest.param(
        # 152-FZ Art 21(3.1): Roskomnadzor within 24 hours and the results within 72 hours (one
        # pair, two dates); no notice to data subjects.
        facts({"RU": 6000}, est=("RU",)),
        {("supervisory_authority", "RU")},
        {("supervisory_authority", "RU", H24), ("supervisory_authority", "RU", H72)},
        id="russia-operator-24h-72h",
    ),
    pytest.param(
        # KVKK Art 12(5) and Decision 2019/10 name only the controller (veri sorumlusu).
        facts({"TR": 6000}, est=("TR",), role="processor"),
        set(),
        set(),
        id="turkey-processor-nothing",
    ),
    pytest.param(
        # KVKK Art 12(5): the Board within 72 hours and the data subjects, no harm test.
        facts({"TR": 6000}, est=("TR",), risk="unlikely"),
        {("supervisory_authority", "TR"), ("individuals", "TR")},
        {("supervisory_authority", "TR", H72)},
        id="turkey-low-risk-still-notified",
    ),
]


@pytest.mark.parametrize(("incident", "owed", "dated"), CASES)
def test_thin_country_case(clocks, incident, owed, dated):
    assert owed_and_dated(clocks(incident)) == (owed, dated)
