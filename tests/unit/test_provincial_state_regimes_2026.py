"""Provincial and state breach-notification regimes of Canada and Australia, row by row.

Each row was written down from the provision (quoted or paraphrased in its comment) before the
engine was run against it: the facts of one breach and the notices owed in the province or state
under that place's own rules (rule codes, so that two notices to the same kind of recipient - the
Commissioner and the Minister - are told apart). Rows where NO notice is owed are as important:
below the harm threshold, not a custodian or public body, a cause outside the prescribed
circumstances, a law not yet in force.

How the facts name the organisation (rule book README, "Provincial and state regimes"):

* a health information custodian (or trustee) records the sector ``health`` (format 2
  ``organisation.sectors``) or the token ``health_information_custodian``; its breach must involve
  health information (``medical``, ``health_insurance`` or ``genetic``);
* a public body, institution or public sector agency records ``public_body`` (or the sectors
  ``public_sector`` / ``government``); a local government adds ``local_government``;
* the provincial and state public-sector and health-custodian laws bind the place's own public
  bodies and custodians, not those of another place whose people are affected: their rules have
  scope ``establishment``, and a row's public body or custodian is established in the row's place
  unless it says otherwise.

Discovery is Monday 2 November 2026, 16:00 UTC (the law as it stands on 6 December 2026), unless a
row says otherwise.
"""

import pytest

from tests.unit.law_cases import breach

AT = "2026-11-02T16:00:00Z"
HEALTH = ("name", "medical")
PLAIN = ("name", "contact")
CUST = ("health_information_custodian",)
PUB = ("public_body",)
LOCAL = ("public_body", "local_government")


def _facts(place, subject_to, *, risk="high", cause="external_attack", data=HEALTH, **opts):
    facts = breach(
        {place: opts.get("affected", 40)},
        role=opts.get("role", "controller"),
        risk=risk,
        data=data,
        subject_to=subject_to,
        cause=cause,
        discovered=opts.get("at", AT),
    )
    if "sectors" in opts:
        facts["format"] = "breachclock.facts/2"
        facts["organisation"]["sectors"] = list(opts["sectors"])
    if "established" in opts:
        facts["organisation"]["established_in"] = list(opts["established"])
    elif set(subject_to) & {"public_body", "health_information_custodian"} or set(
        opts.get("sectors", ())
    ) & {"health", "public_sector", "government"}:
        # A provincial or state public body or custodian is one of the place's own: these laws
        # bind only those (their rules have scope ``establishment``).
        facts["organisation"]["established_in"] = [place]
    return facts


def _owed_in(out, place):
    return {o["rule"] for o in out.owed.values() if o["jurisdiction"] == place}


ON_IND, ON_IPC, ON_SIG, ON_YEAR = (
    "CA-ON-PHIPA-IND",
    "CA-ON-PHIPA-IPC",
    "CA-ON-PHIPA-IPC-SIG",
    "CA-ON-PHIPA-ANNUAL",
)
AB_IND, AB_OIPC, AB_MIN, AB_AFF = (
    "CA-AB-HIA-IND",
    "CA-AB-HIA-OIPC",
    "CA-AB-HIA-MINISTER",
    "CA-AB-HIA-AFFILIATE",
)
NSW = ("AU-NSW-PPIP-ASSESS", "AU-NSW-PPIP-IPC", "AU-NSW-PPIP-IND", "AU-NSW-PPIP-REGISTER")
QLD = ("AU-QLD-IPA-ASSESS", "AU-QLD-IPA-OIC", "AU-QLD-IPA-IND", "AU-QLD-IPA-REGISTER")

# (place, organisation tokens, facts options, rule codes owed in `place`)
ROWS = [
    # --- Ontario, Personal Health Information Protection Act, 2004 (PHIPA).
    # s 12(2): "... a health information custodian that has custody or control of personal health
    # information about an individual shall notify the individual at the first reasonable
    # opportunity if the information is stolen or lost or if it is used or disclosed without
    # authority" - no harm test. s 12(3): the Commissioner where "the circumstances surrounding
    # a theft, loss or unauthorized use or disclosure ... meet the prescribed requirements":
    # O. Reg. 329/04 s 6.3(1) 1 (use or disclosure by a person who knew or ought to have known -
    # insider snooping), 2 (stolen - the IPC counts cyberattacks and ransomware as theft), 7 (the
    # loss or unauthorized use or disclosure is significant). s 6.4: every custodian reports to the
    # Commissioner, by 1 March, the number of thefts, losses and unauthorized uses or disclosures
    # of the previous calendar year - every one, whatever the risk.
    ("CA-ON", CUST, {"risk": "none", "cause": "misdirected_disclosure"}, {ON_IND, ON_YEAR}),
    ("CA-ON", CUST, {"risk": "high", "cause": "misdirected_disclosure"}, {ON_IND, ON_SIG, ON_YEAR}),
    ("CA-ON", CUST, {"risk": "none", "cause": "insider_misuse"}, {ON_IND, ON_IPC, ON_YEAR}),
    ("CA-ON", CUST, {"risk": "unlikely", "cause": "ransomware"}, {ON_IND, ON_IPC, ON_YEAR}),
    ("CA-ON", CUST, {"risk": "high", "cause": "external_attack"}, {ON_IND, ON_IPC, ON_YEAR}),
    # The sector "health" (format 2) names a custodian as well.
    ("CA-ON", (), {"sectors": ["health"], "cause": "external_attack"}, {ON_IND, ON_IPC, ON_YEAR}),
    # Not a custodian: no PHIPA duty (a retailer's customer list).
    ("CA-ON", (), {"data": PLAIN}, set()),
    # A custodian whose breach holds no health information (s 4: PHIPA covers personal health
    # information; an HR file of the clinic's staff is not).
    ("CA-ON", CUST, {"data": PLAIN}, set()),
    # --- Ontario, FIPPA s 40.1 as enacted by the Strengthening Cyber Security and Building Trust
    # in the Public Sector Act, 2024, Sch 2 (in force 1 July 2025): the head of an institution
    # reports to the Commissioner, and notifies the individual as soon as feasible, a theft, loss
    # or unauthorized use or disclosure where it is reasonable to believe it creates "a real risk
    # of significant harm". MFIPPA (municipalities, school boards) was not amended.
    ("CA-ON", PUB, {"data": PLAIN, "risk": "high"}, {"CA-ON-FIPPA-IPC", "CA-ON-FIPPA-IND"}),
    ("CA-ON", PUB, {"data": PLAIN, "risk": "risk"}, set()),
    ("CA-ON", LOCAL, {"data": PLAIN, "risk": "high"}, set()),
    # Before 1 July 2025 no FIPPA duty was in force.
    ("CA-ON", PUB, {"data": PLAIN, "at": "2025-03-03T16:00:00Z"}, set()),
    # --- Alberta, Health Information Act s 60.1 (in force 31 August 2018). (2)-(3): a custodian
    # "must as soon as practicable give notice ... of any loss of individually identifying health
    # information or any unauthorized access to or disclosure of [it] ... if there is a risk of
    # harm to an individual", to (a) the Commissioner, (b) the Minister and (c) the individual.
    # (1): an affiliate "must as soon as practicable notify the custodian" of any loss,
    # unauthorized access or disclosure - no harm test.
    ("CA-AB", CUST, {"risk": "risk"}, {AB_IND, AB_OIPC, AB_MIN}),
    ("CA-AB", CUST, {"risk": "high"}, {AB_IND, AB_OIPC, AB_MIN}),
    ("CA-AB", CUST, {"risk": "unlikely"}, set()),
    ("CA-AB", CUST, {"risk": "none", "role": "processor"}, {AB_AFF}),
    # Not a custodian: PIPA (s 34.1, real risk of significant harm) as before.
    ("CA-AB", (), {"data": PLAIN}, {"CA-AB-PIPA-OIPC", "CA-AB-PIPA-IND"}),
    # --- British Columbia, FOIPPA s 36.3 (in force 1 February 2023): "(2) ... if a privacy breach
    # involving personal information in the custody or under the control of a public body occurs,
    # the head of the public body must, without unreasonable delay, (a) notify an affected
    # individual if the privacy breach could reasonably be expected to result in significant harm
    # to the individual ... and (b) notify the commissioner if the privacy breach could reasonably
    # be expected to result in significant harm referred to in paragraph (a)."
    ("CA-BC", PUB, {"data": PLAIN, "risk": "high"}, {"CA-BC-FOIPPA-IND", "CA-BC-FOIPPA-OIPC"}),
    ("CA-BC", PUB, {"data": PLAIN, "risk": "risk"}, set()),
    ("CA-BC", (), {"data": PLAIN, "risk": "high"}, set()),
    (
        "CA-BC",
        (),
        {"sectors": ["public_sector"], "data": PLAIN},
        {"CA-BC-FOIPPA-IND", "CA-BC-FOIPPA-OIPC"},
    ),
    # --- New Brunswick, Personal Health Information Privacy and Access Act s 49(1)(c): the
    # custodian must "notify the individual to whom the information relates and the Ombud ... at
    # the first reasonable opportunity if personal health information is (i) stolen, (ii) lost,
    # (iii) disposed of, except as permitted by this Act, or (iv) disclosed to or accessed by an
    # unauthorized person"; (2): not if the custodian reasonably believes it will not have an
    # adverse impact on care or well-being or lead to identification.
    ("CA-NB", CUST, {"risk": "unlikely"}, {"CA-NB-PHIPAA-IND", "CA-NB-PHIPAA-OMBUD"}),
    ("CA-NB", CUST, {"risk": "none"}, set()),
    # --- Newfoundland and Labrador, Personal Health Information Act s 15(3): the individual at
    # the first reasonable opportunity where PHI is stolen, lost, disposed of or disclosed to or
    # accessed by an unauthorized person (the no-adverse-impact exception as New Brunswick's);
    # s 15(4): the commissioner of a material breach (Reg. 38/11 s 5: sensitivity, number of
    # people, potential for misuse, systemic cause).
    ("CA-NL", CUST, {"risk": "high"}, {"CA-NL-PHIA-IND", "CA-NL-PHIA-OIPC"}),
    ("CA-NL", CUST, {"risk": "unlikely"}, {"CA-NL-PHIA-IND"}),
    ("CA-NL", CUST, {"risk": "none"}, set()),
    # --- Nova Scotia, Personal Health Information Act s 69: the individual at the first
    # reasonable opportunity where PHI is stolen, lost or subject to unauthorized access, use,
    # disclosure, copying or modification and "as a result, there is potential for harm or
    # embarrassment to the individual"; s 70: where the custodian determines there is no such
    # potential, the Review Officer (the no-harm path).
    ("CA-NS", CUST, {"risk": "risk"}, {"CA-NS-PHIA-IND"}),
    ("CA-NS", CUST, {"risk": "none"}, {"CA-NS-PHIA-REVIEW-OFFICER"}),
    # --- Saskatchewan, FOIP s 29.1 (2018): "A government institution shall take all reasonable
    # steps to notify an individual of an unauthorized use or disclosure of that individual's
    # personal information ... if it is reasonable in the circumstances to believe that the
    # incident creates a real risk of significant harm to the individual." No Commissioner notice.
    ("CA-SK", PUB, {"data": PLAIN, "risk": "high"}, {"CA-SK-FOIP-IND"}),
    ("CA-SK", PUB, {"data": PLAIN, "risk": "risk"}, set()),
    # --- New South Wales, PPIP Act 1998 Part 6A (mandatory notification of data breach scheme,
    # in force 28 November 2023). s 59E(2)(b): the head of the agency must, within 30 days after
    # an officer becomes aware of reasonable grounds to suspect an eligible data breach, carry out
    # an assessment; s 59D: eligible where the access, disclosure or loss "would be likely to
    # result in serious harm"; s 59M: the Privacy Commissioner "immediately" after deciding;
    # s 59N: the individuals "as soon as practicable"; s 59ZE: the register of eligible breaches.
    ("AU-NSW", PUB, {"data": PLAIN, "risk": "high"}, set(NSW)),
    ("AU-NSW", PUB, {"data": PLAIN, "risk": "risk"}, {"AU-NSW-PPIP-ASSESS"}),
    ("AU-NSW", LOCAL, {"data": PLAIN, "risk": "high"}, set(NSW)),
    ("AU-NSW", (), {"data": PLAIN, "risk": "high"}, set()),
    ("AU-NSW", PUB, {"data": PLAIN, "at": "2023-11-06T16:00:00Z"}, set()),
    # --- Queensland, Information Privacy Act 2009 ch 3A (IPOLA Act 2023; from 1 July 2025, for
    # local government from 1 July 2026). s 48: assess within 30 days; s 47: eligible where the
    # access, disclosure or loss "is likely to result in serious harm"; s 51: a statement to the
    # information commissioner as soon as practicable after forming the belief; s 53: the
    # individuals as soon as practicable; s 72: the register of eligible data breaches.
    ("AU-QLD", PUB, {"data": PLAIN, "risk": "high"}, set(QLD)),
    ("AU-QLD", PUB, {"data": PLAIN, "risk": "risk"}, {"AU-QLD-IPA-ASSESS"}),
    ("AU-QLD", LOCAL, {"data": PLAIN, "risk": "high"}, set(QLD)),
    ("AU-QLD", LOCAL, {"data": PLAIN, "at": "2026-03-02T16:00:00Z"}, set()),
    ("AU-QLD", PUB, {"data": PLAIN, "at": "2025-03-03T16:00:00Z"}, set()),
    ("AU-QLD", (), {"data": PLAIN, "risk": "high"}, set()),
]


@pytest.mark.parametrize("place,tokens,opts,owed", ROWS)
def test_provincial_and_state_regimes(clocks, place, tokens, opts, owed):
    out = clocks(_facts(place, tokens, **opts))
    assert _owed_in(out, place) == owed


def test_a_state_agency_owes_no_commonwealth_ndb_notice(clocks):
    # Privacy Act 1988 (Cth) s 6C(1): an "organisation" excludes a State or Territory authority,
    # and Part IIIC binds APP entities only; the NSW agency's breach goes to the NSW scheme.
    out = clocks(_facts("AU-NSW", PUB, data=PLAIN, risk="high"))
    assert not {c for c in out.owed if c.startswith("AU-NDB")}


def test_a_commonwealth_agency_keeps_the_ndb_scheme_and_owes_no_state_notice(clocks):
    # Privacy Act 1988 (Cth) s 6 "agency" (Commonwealth bodies) and Part IIIC; PPIP Act s 3
    # "public sector agency" (NSW bodies only). A federal agency does not record public_body.
    out = clocks(_facts("AU-NSW", (), data=PLAIN, risk="high"))
    assert {"AU-NDB-ASSESS", "AU-NDB-OAIC", "AU-NDB-IND"} <= set(out.owed)
    assert not _owed_in(out, "AU-NSW")


def test_a_provincial_public_body_owes_no_pipeda_notice(clocks):
    # PIPEDA s 4(1) binds organisations in the course of commercial activities; a provincial
    # public body's breach is governed by the province's public-sector law.
    out = clocks(_facts("CA-BC", PUB, data=PLAIN, risk="high"))
    assert not {c for c in out.owed if c.startswith("CA-PIPEDA")}


def test_an_alberta_custodian_owes_no_pipa_notice_for_health_information(clocks):
    # PIPA s 4(3)(f): PIPA does not apply to health information to which the Health Information
    # Act applies.
    out = clocks(_facts("CA-AB", CUST, risk="high"))
    assert not {c for c in out.owed if c.startswith("CA-AB-PIPA")}


@pytest.mark.parametrize(
    "rule,due",
    [
        # NSW s 59E(2)(b): 30 days from awareness. 16:00 UTC on 2 November is already 3 November
        # in Sydney (UTC+11 in summer), the day counted from (facts format, counting convention
        # 5); the 30th day is 3 December 2026, ending at 23:59:59 Sydney time.
        ("AU-NSW-PPIP-ASSESS", "2026-12-03T12:59:59Z"),
        # Ontario s 6.4: by 1 March of the following year (Toronto, UTC-5).
        ("CA-ON-PHIPA-ANNUAL", "2027-03-02T04:59:59Z"),
    ],
)
def test_deadlines(clocks, rule, due):
    place = "AU-NSW" if rule.startswith("AU") else "CA-ON"
    tokens = PUB if place == "AU-NSW" else CUST
    out = clocks(_facts(place, tokens, data=HEALTH if place == "CA-ON" else PLAIN))
    assert out.owed[rule]["due_at"] == due


def test_a_public_body_or_custodian_owes_only_its_own_places_public_sector_and_health_notices(
    clocks,
):
    """Quebec's Access Act, Ontario's FIPPA, B.C.'s FOIPPA, NSW's PPIP Act and Queensland's IP Act
    bind their own public bodies, and Alberta's, New Brunswick's, Newfoundland's and Nova
    Scotia's health acts their own custodians: an Ontario public hospital whose patients live
    in Quebec, Alberta and New South Wales owes none of those places' notices (it owes
    Ontario's)."""
    facts = breach(
        {"CA-ON": 400, "CA-QC": 300, "CA-AB": 200, "CA-NS": 50, "AU-NSW": 100, "AU-QLD": 30},
        data=HEALTH,
        subject_to=("public_body", "health_information_custodian"),
        discovered=AT,
    )
    facts["organisation"]["established_in"] = ["CA-ON"]
    out = clocks(facts)
    # And an Alberta custodian with Ontario patients owes Ontario's PHIPA nothing.
    alberta = breach({"CA-ON": 300}, data=HEALTH, subject_to=CUST, discovered=AT)
    alberta["organisation"]["established_in"] = ["CA-AB"]
    assert {c for c in _owed_in(clocks(alberta), "CA-ON") if c.startswith("CA-ON-PHIPA")} == set()
    theirs = ("CA-QC-A21", "CA-AB-HIA", "CA-NS-PHIA", "AU-NSW-PPIP", "AU-QLD-IPA")
    for place in ("CA-QC", "CA-AB", "CA-NS", "AU-NSW", "AU-QLD"):
        assert {code for code in _owed_in(out, place) if code.startswith(theirs)} == set(), place
    assert {"CA-ON-FIPPA-IPC", "CA-ON-PHIPA-IPC"} & _owed_in(out, "CA-ON")
