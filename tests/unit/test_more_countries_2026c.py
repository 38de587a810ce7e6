"""African countries with (or checked for) a breach-notification duty, each row written down from
the law (or, where only that was available, from what the sources quote of it) before the engine
was run: who must be told at low and at high risk, and by when.

Discovery is Monday 2 March 2026, 16:00 UTC, as in test_more_countries_2026b.py; awareness
defaults to discovery.
"""

import pytest

from tests.unit.law_cases import DISCOVERED, ESTABLISHMENT_SCOPED, breach, recipients_in


def _facts(affected, *, data=("name", "national_id"), at=DISCOVERED, **options):
    # A law that binds only an organisation established (or using means) in the country: the row
    # states the establishment (test_territorial_scope_2026.py).
    options.setdefault("est", tuple(p for p in affected if p in ESTABLISHMENT_SCOPED))
    return breach(affected, data=data, discovered=at, **options)


SA, IND = "supervisory_authority", "individuals"

# (place, people by residence, facts options, recipients owed in `place`)
ROWS = [
    # Lesotho, Data Protection Act 2011 (Act 5 of 2012, in force on publication, 22 February 2012):
    # the notification of security compromises (the POPIA s 22 model) - where there are reasonable
    # grounds to believe personal information was accessed or acquired by an unauthorised person,
    # the data controller notifies the Data Protection Commission and the data subject. No harm
    # test: a breach owes both notices even at no risk.
    ("LS", {"LS": 10}, {"risk": "none"}, {SA, IND}),
    ("LS", {"LS": 10}, {"risk": "high"}, {SA, IND}),
    # Eswatini, Data Protection Act No. 5 of 2022 (in force 4 March 2022): the same model - the
    # Eswatini Communications Commission (as Data Protection Authority) and the data subject; the
    # Authority's enforcement notice against the Royal Science and Technology Park faults the
    # failure to notify both the complainant and the Authority of an unauthorised disclosure.
    ("SZ", {"SZ": 10}, {"risk": "none"}, {SA, IND}),
    ("SZ", {"SZ": 10}, {"risk": "high"}, {SA, IND}),
    # Senegal, Loi n° 2008-12 du 25 janvier 2008: security duty (art 71) but no notice of a breach
    # to the CDP or to the persons concerned - nothing owed, and the case says why.
    ("SN", {"SN": 10}, {"risk": "high"}, set()),
    # Namibia: no data protection statute (the Data Protection Bill is not enacted) - nothing owed.
    ("NA", {"NA": 10}, {"risk": "high"}, set()),
]


# Ethiopia, Personal Data Protection Proclamation No. 1321/2024 (published and in force 24 July
# 2024), arts 43-44 as cited: the controller notifies the Ethiopian Communications Authority of a
# personal data breach within 72 hours, and the data subjects are told. Only the high-risk row is
# written: every reading of the text the sources give owes both notices there. Togo (Loi
# n° 2019-014) and Madagascar (Loi n° 2014-038): no breach notification in the law - nothing owed.
ROWS += [
    ("ET", {"ET": 10}, {"risk": "high"}, {SA, IND}),
    ("TG", {"TG": 10}, {"risk": "high"}, set()),
    ("MG", {"MG": 10}, {"risk": "high"}, set()),
]


@pytest.mark.parametrize(("place", "affected", "options", "owed"), ROWS)
def test_who_must_be_told(clocks, place, affected, options, owed):
    out = clocks(_facts(affected, **options))
    assert not [c for c in out.doc["conflicts"] if c["kind"] == "no_rule"]
    assert recipients_in(out, place) == owed


# (rule, people, options, due_at) - counted by hand.
DEADLINES = [
    # Ethiopia: 72 hours (elapsed) from becoming aware, Monday 2 March 2026 16:00 UTC.
    ("ET-PDPP-ECA", {"ET": 10}, {"risk": "high"}, "2026-03-05T16:00:00Z"),
]


@pytest.mark.parametrize(("rule", "affected", "options", "due"), DEADLINES)
def test_deadlines(clocks, rule, affected, options, due):
    out = clocks(_facts(affected, **options))
    assert out.due(rule) == due


# Duties the law sets without a fixed period: owed, with no computed deadline ("as soon as
# reasonably possible after the discovery of the compromise").
OPEN_ENDED = [
    ("LS-DPA-COMMISSION", {"LS": 10}, {}),
    ("LS-DPA-DS", {"LS": 10}, {}),
    ("SZ-DPA-EDPA", {"SZ": 10}, {}),
    ("SZ-DPA-DS", {"SZ": 10}, {}),
]


@pytest.mark.parametrize(("rule", "affected", "options"), OPEN_ENDED)
def test_open_ended_duties_have_no_fixed_deadline(clocks, rule, affected, options):
    out = clocks(_facts(affected, **options))
    assert rule in out.owed, out.excluded.get(rule)
    assert out.due(rule) is None


# Laws that began recently: a breach discovered before the start date owes nothing under them.
NOT_YET = [
    ("SZ-DPA-EDPA", {"SZ": 10}, "2022-03-03T12:00:00Z"),  # Act 5 of 2022 in force 4 March 2022
    ("LS-DPA-COMMISSION", {"LS": 10}, "2012-02-21T12:00:00Z"),  # published 22 February 2012
    ("ET-PDPP-ECA", {"ET": 10}, "2024-07-23T12:00:00Z"),  # Proclamation 1321/2024 from 24 July 2024
]


@pytest.mark.parametrize(("rule", "affected", "at"), NOT_YET)
def test_not_owed_before_the_law_began(clocks, rule, affected, at):
    out = clocks(_facts(affected, at=at))
    assert rule not in out.owed
    assert rule in out.excluded


NO_DUTY = [
    ("SN", "SN-L200812-CDP"),
    ("NA", "NA-NODPL"),
    ("TG", "TG-L2019014-IPDCP"),
    ("MG", "MG-L2014038-CMIL"),
]


@pytest.mark.parametrize(("place", "rule"), NO_DUTY)
def test_places_without_a_duty_in_force_say_why_rather_than_not_assessed(clocks, place, rule):
    out = clocks(_facts({place: 10}))
    assert rule not in out.owed
    assert out.excluded[rule]["jurisdiction"] == place
    assert not [c for c in out.doc["conflicts"] if c["kind"] == "no_rule"]
