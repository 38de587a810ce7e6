"""Property tests: no valid facts crash the engine, and no deadline precedes its clock start."""

from datetime import UTC, date, datetime, timedelta, timezone

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jurisdictions.engine.clocks import evaluate
from jurisdictions.engine.facts import (
    CAUSES,
    DATA_CATEGORIES,
    KNOWLEDGE_EVENTS,
    MAX_AFFECTED,
    YEARS,
    parse_facts,
)
from jurisdictions.engine.serialization import default_rulebook_path, read_rulebook_file

BOOK = read_rulebook_file(default_rulebook_path())
CODES = sorted(j.code for j in BOOK.jurisdictions if j.code != "EU")
RULE_CODES = sorted({r.code for r in BOOK.rules})
SUBJECT_TO = [
    "sec_registrant",
    "hipaa_covered_entity",
    "hipaa_business_associate",
    "nydfs_covered_entity",
    "dora:credit_institution",
    "dora:insurance_undertaking",
    "nis2_essential_entity",
    "glba_financial_institution",
    "phr_vendor",
    "ecomms_provider",
    "banking_organization",
]
EVENT_NAMES = [
    "aware_at",
    "determined_at",
    "scope_identified_at",
    "materiality_determined_at",
    "classified_major_at",
    "assessed_notifiable_at",
    "ransom_paid_at",
]

# The whole range the facts parser accepts (YEARS), less a day at each end so that any UTC offset
# keeps the local time inside it.
instants = st.datetimes(
    min_value=datetime(YEARS[0], 1, 2), max_value=datetime(YEARS[1], 12, 30)
).map(lambda d: d.replace(microsecond=0))
offsets = st.integers(min_value=-12 * 4, max_value=14 * 4).map(
    lambda q: timezone(timedelta(minutes=15 * q))
)


@st.composite
def stamps(draw):
    return draw(instants).replace(tzinfo=UTC).astimezone(draw(offsets)).isoformat()


@st.composite
def facts_documents(draw):
    events = {"discovered_at": draw(stamps())}
    discovered = datetime.fromisoformat(events["discovered_at"])
    for name in draw(st.lists(st.sampled_from(EVENT_NAMES), unique=True, max_size=4)):
        stamp = draw(stamps())
        if name in KNOWLEDGE_EVENTS and datetime.fromisoformat(stamp) < discovered:
            stamp = events["discovered_at"]  # knowledge cannot precede discovery (refused)
        events[name] = stamp
    return {
        "events": events,
        "organisation": {
            "role": draw(st.sampled_from(["controller", "processor"])),
            "main_establishment": draw(st.none() | st.sampled_from(CODES)),
            "established_in": draw(st.lists(st.sampled_from(CODES), max_size=2)),
            "subject_to": draw(st.lists(st.sampled_from(SUBJECT_TO), unique=True, max_size=3)),
        },
        "data": draw(st.lists(st.sampled_from(DATA_CATEGORIES), unique=True, max_size=5)),
        "encryption": {"encrypted": draw(st.booleans()), "key_compromised": draw(st.booleans())},
        "risk_of_harm": draw(st.none() | st.sampled_from(["none", "unlikely", "risk", "high"])),
        "cause": draw(st.none() | st.sampled_from(CAUSES)),
        "affected": draw(
            st.dictionaries(st.sampled_from(CODES), st.integers(0, MAX_AFFECTED), max_size=13)
        ),
        "rules_as_of": draw(
            st.none() | st.dates(date(YEARS[0], 1, 1), date(YEARS[1], 12, 31)).map(str)
        ),
        "notices_sent": draw(st.dictionaries(st.sampled_from(RULE_CODES), stamps(), max_size=3)),
        "systems": draw(st.lists(st.sampled_from(["checkout", "crm"]), unique=True)),
    }


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(facts_documents())
def test_valid_facts_never_crash_and_deadlines_follow_clock_starts(doc):
    facts = parse_facts(doc, known_jurisdictions=set(CODES) | {"EU"})
    result = evaluate(facts, BOOK.rules, BOOK.jurisdictions, rulebook_version=BOOK.version)
    out = result.to_dict()
    assert out["format"] == "breachclock.obligations/1"
    for o in result.obligations:
        assert o.why, o.code
        if o.due_at is not None:
            assert o.due_at.tzinfo is not None
            assert o.due_local.astimezone(UTC) == o.due_at
            assert o.waiting_for is None
        if o.due_at is not None and o.clock_start_at is not None:
            assert o.due_at >= o.clock_start_at, (o.code, o.computation)
    for e in result.not_applicable:
        assert e.why, e.rule.code
