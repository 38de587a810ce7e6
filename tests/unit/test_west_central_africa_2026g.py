"""West and Central Africa: the data protection laws of the region and their breach notices (or
the absence of one), each row written from the law - or, where its text could not be read, from the
sources named on the rule and in the comment - before the engine was run: who must be told at low
and at high risk, what a processor owes, by when, and whether a foreign company with people there
owes anything.

Read in the law's own words at this review: Benin's Code du numérique (Loi 2017-20) arts 381 and
427, Ghana's Data Protection Act 2012 s 31(1)-(2), Nigeria's NDPA 2023 s 40. Read through the
regulator or secondary sources only (the rules say so and carry lower confidence): Cabo Verde,
Cameroon, The Gambia and the places where no breach notice was found.

Discovery is Monday 2 March 2026, 16:00 UTC; awareness defaults to discovery; hours are elapsed
hours.
"""

import pytest

from tests.unit.law_cases import DISCOVERED, breach, recipients_in

SA, IND, OWNER = "supervisory_authority", "individuals", "controller"
SAFE_KEY = {"encrypted": True, "key_compromised": False}
LOST_KEY = {"encrypted": True, "key_compromised": True}
# Cameroon's obligations apply from 23 June 2026: its rows use Monday 6 July 2026, 16:00 UTC.
JULY = "2026-07-06T16:00:00Z"
# A controller established only in New York (no establishment, means or processing in the place).
ABROAD = ("US-NY",)


def _facts(affected, *, data=("name", "national_id"), at=DISCOVERED, **options):
    return breach(affected, data=data, discovered=at, **options)


# (place, people by residence, facts options, recipients owed in `place`)
ROWS = [
    # Benin, Code du numérique (Loi 2017-20 du 20 avril 2018, as amended by Loi 2020-35, which
    # changed only arts 121, 125 and 464), Livre V art 427 al 1: the controller notifies, without
    # delay, the Authority (APDP) and the data subject of any breach of security that affected
    # the data subject's personal data - no harm test, so even a breach unlikely to harm anyone.
    ("BJ", {"BJ": 10}, {"risk": "none", "est": ("BJ",)}, {SA, IND}),
    ("BJ", {"BJ": 10}, {"risk": "unlikely", "est": ("BJ",)}, {SA, IND}),
    ("BJ", {"BJ": 10}, {"risk": "high", "est": ("BJ",)}, {SA, IND}),
    # Art 427 al 4(1): no communication to the data subject where appropriate protection measures,
    # such as encryption, made the data unintelligible to anyone not authorised; the APDP is still
    # told. A compromised key removes the exemption.
    ("BJ", {"BJ": 10}, {"risk": "high", "est": ("BJ",), "encryption": SAFE_KEY}, {SA}),
    ("BJ", {"BJ": 10}, {"risk": "high", "est": ("BJ",), "encryption": LOST_KEY}, {SA, IND}),
    # Art 427 al 2: the processor warns the controller without delay; the APDP and the data
    # subjects are the controller's notices.
    ("BJ", {"BJ": 10}, {"role": "processor", "est": ("BJ",)}, {OWNER}),
    # Art 381 al 2: a controller not established in Benin that offers goods or services to people
    # in Benin, or monitors their behaviour there, is bound as well.
    ("BJ", {"BJ": 10}, {"risk": "high", "est": ABROAD}, {SA, IND}),
    # Ghana, Data Protection Act 2012 (Act 843) s 31(1): where there are reasonable grounds to
    # believe personal data were accessed or acquired by an unauthorised person, "the data
    # controller or a third party who processes data under the authority of the data controller"
    # notifies the Commission and the data subject - no harm test, no encryption exemption, and
    # the processor owes both notices itself (the old rules named the controller only).
    ("GH", {"GH": 10}, {"risk": "none"}, {SA, IND}),
    ("GH", {"GH": 10}, {"risk": "high", "encryption": SAFE_KEY}, {SA, IND}),
    ("GH", {"GH": 10}, {"role": "processor"}, {SA, IND}),
    # Nigeria, NDPA 2023 s 40 (read in a verbatim transcription): (2) the Commission within 72 hours
    # of becoming aware of a breach likely to result in a risk; (3) the data subject immediately
    # where the risk is high (a public communication where direct notice is disproportionate - no
    # encryption exemption); (1) the processor notifies the controller (or processor) that
    # engaged it on becoming aware.
    ("NG", {"NG": 10}, {"risk": "unlikely"}, set()),
    ("NG", {"NG": 10}, {"risk": "risk"}, {SA}),
    ("NG", {"NG": 10}, {"risk": "high", "encryption": SAFE_KEY}, {SA, IND}),
    ("NG", {"NG": 10}, {"role": "processor"}, {OWNER}),
    # Cabo Verde, Lei 133/V/2001 as amended by Lei 41/VIII/2013 and Lei 121/IX/2021 (the CNPD's
    # page on controllers' obligations): where a breach may present a risk to the data subjects'
    # rights and freedoms, the controller notifies the CNPD within 72 hours of becoming aware, and
    # "in some cases" the data subjects (read as the high-risk case). No processor notice in the
    # source. The Law binds processing in Cabo Verde (establishment or means there), not a foreign
    # company only because Cape Verdeans are affected.
    ("CV", {"CV": 10}, {"risk": "unlikely", "est": ("CV",)}, set()),
    ("CV", {"CV": 10}, {"risk": "risk", "est": ("CV",)}, {SA}),
    ("CV", {"CV": 10}, {"risk": "high", "est": ("CV",)}, {SA, IND}),
    ("CV", {"CV": 10}, {"role": "processor", "est": ("CV",)}, set()),
    ("CV", {"CV": 10}, {"risk": "high", "est": ABROAD}, set()),
    # Cameroon, Law No. 2024/017 of 23 December 2024 (obligations from 23 June 2026, after the
    # 18-month transition): breach notification to the Personal Data Protection Authority (APDP)
    # and the data subjects, read on the GDPR model the Law is described as following (the
    # section and period were not read). Arts 2-3: processing in Cameroon only, no extraterritorial
    # reach.
    ("CM", {"CM": 10}, {"risk": "unlikely", "est": ("CM",), "at": JULY}, set()),
    ("CM", {"CM": 10}, {"risk": "risk", "est": ("CM",), "at": JULY}, {SA}),
    ("CM", {"CM": 10}, {"risk": "high", "est": ("CM",), "at": JULY}, {SA, IND}),
    ("CM", {"CM": 10}, {"role": "processor", "est": ("CM",), "at": JULY}, set()),
    ("CM", {"CM": 10}, {"risk": "high", "est": ABROAD, "at": JULY}, set()),
    # Before 23 June 2026 nothing is owed under the Law yet.
    ("CM", {"CM": 10}, {"risk": "high", "est": ("CM",)}, set()),
    # The Gambia, Personal Data Protection and Privacy Act 2025 (passed 29 September 2025, reported
    # enacted by the Information Commission's campaign of 22-31 October 2025): it binds controllers
    # and processors operating within The Gambia; breach notices to the Information Commission and
    # the data subjects read on the GDPR model (the section was not read).
    ("GM", {"GM": 10}, {"risk": "unlikely", "est": ("GM",)}, set()),
    ("GM", {"GM": 10}, {"risk": "risk", "est": ("GM",)}, {SA}),
    ("GM", {"GM": 10}, {"risk": "high", "est": ("GM",)}, {SA, IND}),
    ("GM", {"GM": 10}, {"risk": "high", "est": ABROAD}, set()),
]

# A data protection law but no breach-notification duty in it - nothing owed, and the case says
# why (the rule's status is proposed_not_in_force): Burkina Faso (Loi 001-2021/AN), Côte d'Ivoire
# (Loi 2013-450), Mali (Loi 2013-015 as amended by Loi 2017-070), Niger (Loi 2022-59 as amended by
# Loi 2023-31), Congo (Loi 29-2019), Chad (Loi 007/PR/2015), Mauritania (Loi 2017-020), Guinea
# (Loi L/2016/037/AN), Equatorial Guinea (Ley 1/2016), São Tomé and Príncipe (Lei 03/2016), and
# the two already in the book, Senegal (Loi 2008-12) and Togo (Loi 2019-014). Sierra Leone (only a
# draft Data Protection and Right to Access Information Regulatory Commission Bill), Liberia and
# Guinea-Bissau have no data protection statute at all.
NO_DUTY = [
    ("BF", "BF-L0012021-CIL"),
    ("CI", "CI-L2013450-ARTCI"),
    ("ML", "ML-L2013015-APDP"),
    ("NE", "NE-L202259-HAPDP"),
    ("CG", "CG-L292019-CNPD"),
    ("TD", "TD-L0072015-ANSICE"),
    ("MR", "MR-L2017020-APD"),
    ("GN", "GN-L2016037-APDP"),
    ("GQ", "GQ-L12016-ORPDP"),
    ("ST", "ST-L032016-ANPDP"),
    ("SN", "SN-L200812-CDP"),
    ("TG", "TG-L2019014-IPDCP"),
    ("SL", "SL-NODPL-NONE"),
    ("LR", "LR-NODPL-NONE"),
    ("GW", "GW-NODPL-NONE"),
]
ROWS += [(place, {place: 10}, {"risk": "high", "est": (place,)}, set()) for place, _ in NO_DUTY]


@pytest.mark.parametrize(("place", "affected", "options", "owed"), ROWS)
def test_who_must_be_told(clocks, place, affected, options, owed):
    out = clocks(_facts(affected, **options))
    assert not [c for c in out.doc["conflicts"] if c["kind"] == "no_rule"]
    assert recipients_in(out, place) == owed


# (rule, people, options, due_at) - counted by hand.
DEADLINES = [
    # NDPA s 40(2): 72 hours after becoming aware.
    ("NG-NDPA-NDPC", {"NG": 10}, {"risk": "risk"}, "2026-03-05T16:00:00Z"),
    # Cabo Verde: the CNPD within 72 hours of becoming aware (elapsed hours).
    ("CV-LPD-CNPD", {"CV": 10}, {"risk": "risk", "est": ("CV",)}, "2026-03-05T16:00:00Z"),
]


@pytest.mark.parametrize(("rule", "affected", "options", "due"), DEADLINES)
def test_deadlines(clocks, rule, affected, options, due):
    out = clocks(_facts(affected, **options))
    assert out.due(rule) == due


# Owed with no fixed period (or a period that was not read): listed, undated.
OPEN_ENDED = [
    ("BJ-CDN-APDP", {"BJ": 10}, {}),  # art 427 al 1: "sans délai"
    ("BJ-CDN-DS", {"BJ": 10}, {}),  # art 427 al 1: "sans délai"
    ("BJ-CDN-PROC", {"BJ": 10}, {"role": "processor"}),  # art 427 al 2: "sans délai"
    ("GH-DPA-SA", {"GH": 10}, {}),  # s 31(2): as soon as reasonably practicable after discovery
    ("GH-DPA-DS", {"GH": 10}, {}),
    ("NG-NDPA-DS", {"NG": 10}, {}),  # s 40(3): immediately
    ("NG-NDPA-PROC", {"NG": 10}, {"role": "processor"}),  # s 40(1): on becoming aware
    ("CV-LPD-DS", {"CV": 10}, {"est": ("CV",)}),
    ("CM-LPDP-APDP", {"CM": 10}, {"est": ("CM",), "at": JULY}),  # period not read
    ("CM-LPDP-DS", {"CM": 10}, {"est": ("CM",), "at": JULY}),
    ("GM-PDPPA-IC", {"GM": 10}, {"est": ("GM",)}),  # period not read
    ("GM-PDPPA-DS", {"GM": 10}, {"est": ("GM",)}),
]


@pytest.mark.parametrize(("rule", "affected", "options"), OPEN_ENDED)
def test_open_ended_duties_have_no_fixed_deadline(clocks, rule, affected, options):
    out = clocks(_facts(affected, **options))
    assert rule in out.owed, out.excluded.get(rule)
    assert out.due(rule) is None


# Laws that began recently: a breach discovered before the start date owes nothing under them.
NOT_YET = [
    ("BJ-CDN-APDP", {"BJ": 10}, "2018-04-10T12:00:00Z"),  # Code du numérique of 20 April 2018
    ("CM-LPDP-APDP", {"CM": 10}, "2026-06-15T12:00:00Z"),  # obligations from 23 June 2026
    ("GM-PDPPA-IC", {"GM": 10}, "2025-09-15T12:00:00Z"),  # Act passed 29 September 2025
]


@pytest.mark.parametrize(("rule", "affected", "at"), NOT_YET)
def test_not_owed_before_the_law_began(clocks, rule, affected, at):
    place = rule[:2]
    out = clocks(_facts(affected, at=at, est=(place,)))
    assert rule not in out.owed
    assert rule in out.excluded


@pytest.mark.parametrize(("place", "rule"), NO_DUTY)
def test_places_without_a_duty_in_force_say_why_rather_than_not_assessed(clocks, place, rule):
    out = clocks(_facts({place: 10}, est=(place,)))
    assert rule not in out.owed
    assert out.excluded[rule]["jurisdiction"] == place
    assert not [c for c in out.doc["conflicts"] if c["kind"] == "no_rule"]


# Territorial scope, from each law's scope article (rule book README, "Territorial scope"): True
# where the law follows the people (a foreign company with residents affected is bound), False
# where it follows an establishment, means or processing in the country.
SCOPE = [
    # Code du numérique art 381 al 2 (offering goods or services, monitoring)
    ("BJ", "BJ-CDN-", True),
    ("GH", "GH-DPA-", True),  # Act 843 s 45(1)(c) (test_territorial_scope_2026.py)
    ("NG", "NG-NDPA-", True),  # NDPA s 2(2)(c)
    ("CV", "CV-LPD-", False),  # Lei 133/V/2001 (the Portuguese 1998 model: establishment or means)
    # Law 2024/017 arts 2-3: processing in Cameroon, no extraterritorial reach
    ("CM", "CM-LPDP-", False),
    ("GM", "GM-PDPPA-", False),  # controllers and processors operating within The Gambia
    # Loi 001-2021 art 3: established there, or processing from its territory
    ("BF", "BF-L0012021-", False),
    ("CI", "CI-L2013450-", False),  # Loi 2013-450: processing carried out on national territory
    ("ML", "ML-L2013015-", False),  # Loi 2013-015: processing on Malian territory
    ("NE", "NE-L202259-", False),
    ("CG", "CG-L292019-", False),  # Loi 29-2019 art 2: processing on the territory of the Republic
    ("TD", "TD-L0072015-", False),
    ("MR", "MR-L2017020-", False),
    ("GN", "GN-L2016037-", False),
    ("GQ", "GQ-L12016-", False),
    ("ST", "ST-L032016-", False),
]


@pytest.mark.parametrize(("place", "prefix", "people"), SCOPE, ids=[s[0] for s in SCOPE])
def test_scope_field_follows_the_scope_article(shipped, place, prefix, people):
    scopes = {r.code: r.scope for r in shipped.rules if r.code.startswith(prefix)}
    assert scopes, prefix
    if people:
        assert set(scopes.values()) <= {"residents", "residents_or_establishment"}, scopes
    else:
        assert set(scopes.values()) == {"establishment"}, scopes


def test_every_new_place_counts_days_in_its_own_zone(shipped):
    zones = {j.code: j.timezone for j in shipped.jurisdictions}
    expected = {
        "BJ": "Africa/Porto-Novo",
        "BF": "Africa/Ouagadougou",
        "CI": "Africa/Abidjan",
        "CV": "Atlantic/Cape_Verde",
        "ML": "Africa/Bamako",
        "NE": "Africa/Niamey",
        "CM": "Africa/Douala",
        "CG": "Africa/Brazzaville",
        "TD": "Africa/Ndjamena",
        "MR": "Africa/Nouakchott",
        "GN": "Africa/Conakry",
        "GQ": "Africa/Malabo",
        "ST": "Africa/Sao_Tome",
        "GM": "Africa/Banjul",
        "SL": "Africa/Freetown",
        "LR": "Africa/Monrovia",
        "GW": "Africa/Bissau",
    }
    assert {code: zones.get(code) for code in expected} == expected
