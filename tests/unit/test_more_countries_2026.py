"""Countries whose data protection law imposes breach notification, each row written down from
the law before the engine was run and citing its section: who must be told, and by when.

Discovery is Monday 2 March 2026, 16:00 UTC, as in test_duty_structure.py; hours are elapsed
hours, days end at 23:59:59 in the country's zone.
"""

import pytest

from tests.unit.law_cases import DISCOVERED, ESTABLISHMENT_SCOPED, breach, recipients_in


def _facts(affected, *, data=("name", "national_id"), at=DISCOVERED, **options):
    # A law that binds only an organisation established (or using means) in the country: the row
    # states the establishment (test_territorial_scope_2026.py).
    options.setdefault("est", tuple(p for p in affected if p in ESTABLISHMENT_SCOPED))
    return breach(affected, data=data, discovered=at, **options)


def _recipients(out, place):
    return recipients_in(out, place)


SA, IND, OWNER = "supervisory_authority", "individuals", "controller"

# (place, people by residence, facts options, recipients owed in `place`)
ROWS = [
    # Zambia, Data Protection Act No. 3 of 2021 s 49: (1) the controller tells the Data
    # Protection Commissioner of any security breach, (3) "a data controller or data processor"
    # tells the data subject - no harm threshold; (2) a processor tells the controller.
    ("ZM", {"ZM": 10}, {"risk": "none"}, {SA, IND}),
    ("ZM", {"ZM": 10}, {"role": "processor"}, {OWNER, IND}),
    # Zimbabwe, Cyber and Data Protection Act [Chapter 12:07] s 19: the controller tells the
    # Authority (POTRAZ) of any security breach; no data subject or processor duty.
    ("ZW", {"ZW": 10}, {"risk": "none"}, {SA}),
    ("ZW", {"ZW": 10}, {"role": "processor"}, set()),
    # Tanzania, Personal Data Protection Act 2022 s 27(5): the controller tells the Commission
    # of any security breach; the Act names no processor or data subject notice.
    ("TZ", {"TZ": 10}, {"risk": "none"}, {SA}),
    ("TZ", {"TZ": 10}, {"role": "processor"}, set()),
    # Jordan, Personal Data Protection Law No. 24 of 2023 art 20(a): a serious breach that could
    # cause significant harm - the data subjects (24 hours) and the Unit (72 hours).
    ("JO", {"JO": 10}, {"risk": "risk"}, set()),
    ("JO", {"JO": 10}, {"risk": "high"}, {SA, IND}),
    # Kazakhstan, Law No. 94-V as amended by Law No. 44-VIII (from 1 July 2024): the owner
    # and/or operator tells the authorized body of any breach of personal data security.
    ("KZ", {"KZ": 10}, {"risk": "none"}, {SA}),
    ("KZ", {"KZ": 10}, {"role": "processor"}, {SA}),
    # Hong Kong, Personal Data (Privacy) Ordinance (Cap. 486): no mandatory breach notification
    # (voluntary notice to the PCPD; the 2020 proposal is not enacted) - nothing owed, and the
    # case says why instead of reporting an unassessed place.
    ("HK", {"HK": 10}, {"risk": "high"}, set()),
    # Sri Lanka, Personal Data Protection Act No. 9 of 2022 s 23: enacted, but Part III operates
    # only from a date the Minister appoints (s 1(3) as substituted by Act No. 22 of 2025) - none
    # found, so nothing is owed yet and the case says why.
    ("LK", {"LK": 10}, {"risk": "high"}, set()),
]


@pytest.mark.parametrize(("place", "affected", "options", "owed"), ROWS)
def test_who_must_be_told(clocks, place, affected, options, owed):
    out = clocks(_facts(affected, **options))
    assert not [c for c in out.doc["conflicts"] if c["kind"] == "no_rule"]
    assert _recipients(out, place) == owed


# (rule, people, options, due_at) - counted by hand.
DEADLINES = [
    # Zambia s 49(1): within twenty-four hours (elapsed).
    ("ZM-DPA-DPC", {"ZM": 10}, {}, "2026-03-03T16:00:00Z"),
    # Zimbabwe s 19: within 24 hours (elapsed).
    ("ZW-CDPA-POTRAZ", {"ZW": 10}, {}, "2026-03-03T16:00:00Z"),
    # Jordan art 20(a)(1): 24 hours from discovery; (a)(2): 72 hours.
    ("JO-PDPL-DS", {"JO": 10}, {}, "2026-03-03T16:00:00Z"),
    ("JO-PDPL-UNIT", {"JO": 10}, {}, "2026-03-05T16:00:00Z"),
    # Kazakhstan: one working day from detection. Monday 2 March 21:00 in Almaty (UTC+5): the
    # end of Tuesday 3 March there.
    ("KZ-PDL-AUTH", {"KZ": 10}, {}, "2026-03-03T18:59:59Z"),
    # ... detected Friday 6 March: Saturday and Sunday, then Monday 9 March (International
    # Women's Day, 8 March, observed) are not working days - the end of Tuesday 10 March.
    ("KZ-PDL-AUTH", {"KZ": 10}, {"at": "2026-03-06T08:00:00Z"}, "2026-03-10T18:59:59Z"),
]


@pytest.mark.parametrize(("rule", "affected", "options", "due"), DEADLINES)
def test_deadlines(clocks, rule, affected, options, due):
    out = clocks(_facts(affected, **options))
    assert out.due(rule) == due


# Duties the law sets without a fixed period: owed, with no computed deadline.
OPEN_ENDED = [
    ("ZM-DPA-DS", {"ZM": 10}, {}),  # s 49(3) "as soon as practicable"
    ("ZM-DPA-PROC", {"ZM": 10}, {"role": "processor"}),  # s 49(2) "as soon as practicable"
    ("TZ-PDPA-PDPC", {"TZ": 10}, {}),  # s 27(5) "promptly" / without undue delay
]


# Laws that began recently: a breach discovered before the start date owes nothing under them.
NOT_YET = [
    ("JO-PDPL-UNIT", {"JO": 10}, "2024-03-16T12:00:00Z"),  # in force 17 March 2024
    ("KZ-PDL-AUTH", {"KZ": 10}, "2024-06-30T12:00:00Z"),  # in force 1 July 2024
    ("TZ-PDPA-PDPC", {"TZ": 10}, "2023-04-30T12:00:00Z"),  # in force 1 May 2023
]


@pytest.mark.parametrize(("rule", "affected", "at"), NOT_YET)
def test_not_owed_before_the_law_began(clocks, rule, affected, at):
    out = clocks(_facts(affected, at=at))
    assert rule not in out.owed
    assert rule in out.excluded


@pytest.mark.parametrize(("rule", "affected", "options"), OPEN_ENDED)
def test_open_ended_duties_have_no_fixed_deadline(clocks, rule, affected, options):
    out = clocks(_facts(affected, **options))
    assert rule in out.owed, out.excluded.get(rule)
    assert out.due(rule) is None


@pytest.mark.parametrize(("place", "rule"), [("HK", "HK-PDPO-PCPD"), ("LK", "LK-PDPA-DPA")])
def test_places_without_a_duty_in_force_say_why_rather_than_not_assessed(clocks, place, rule):
    out = clocks(_facts({place: 10}))
    assert rule not in out.owed
    assert out.excluded[rule]["jurisdiction"] == place
    assert not [c for c in out.doc["conflicts"] if c["kind"] == "no_rule"]
