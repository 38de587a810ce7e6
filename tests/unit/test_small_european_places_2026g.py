"""Small European places with a data protection law of their own, and Spain's public-sector and
NIS1 incident notices. Every row was written down from the law (or, where its text could not be
read, from the sources named in the comment and on the rule) before the engine was run: who must
be told at low and at high risk, what a processor owes, the encryption exemption, and by when;
where no duty is in force, the case says why nothing is owed instead of "not assessed".

* San Marino, Legge 21 dicembre 2018 n. 171 (in force 5 January 2019), the GDPR's model: the
  Autorità Garante within 72 hours unless the breach is unlikely to result in a risk; the data
  subject at high risk unless the data were made unintelligible (encryption); the processor tells
  the controller without undue delay. The law follows the GDPR's numbering one article on from Art
  32 (its art 33 is security, art 38 the DPO's designation, art 64 the annual report): the breach
  articles are read as arts 34 and 35 (the text itself was not read).
* Faroe Islands, løgtingslóg nr. 80 frá 7. juni 2020 um vernd av persónupplýsingum (in force 1
  January 2021; GDPR model, the Dátueftirlitið's decision on § 5, stk. 2: a foreign company offering
  goods or services to people in the Faroes is bound): Dátueftirlitið within 72 hours, the data
  subject at high risk, the processor to the controller.
* Montenegro: the Law on Personal Data Protection (Sl. list CG 79/2008 ... 77/2024) has no breach
  notice (World Law Group guide; Karanović & Partners); the GDPR-aligned draft law was sent to the
  European Commission in 2026 and is not adopted. Its art 5(2) binds a foreign controller only
  through equipment in Montenegro.
* Greenland: the Danish Persondataloven (lov nr. 429 af 31. maj 2000) put into force for Greenland
  by royal decree from 1 December 2016 (Datatilsynet's page); the 2000 Act has no breach notice
  (the GDPR and databeskyttelsesloven do not extend to Greenland). § 4: establishment or equipment.
* Vatican City: the Regolamento Generale sulla Protezione dei Dati Personali (Decreto N. DCLVII, 30
  April 2024, ad experimentum for three years) governs the Governatorato's own processing; no breach
  notice is reported in it. Nothing is owed by anyone else.
* Åland: the GDPR applies (Åland is in the EU). Landskapslag (2019:9) om dataskydd inom landskaps-
  och kommunalförvaltningen (in force 1 May 2019) makes Datainspektionen the supervisory authority
  for the Åland government's and municipalities' processing in public administrative tasks; the
  Finnish Data Protection Act applies otherwise (Landskapslag 2019:74 § 1), so a private
  organisation's Art 33 notice goes to the Data Protection Ombudsman in Helsinki. People and
  establishments entered as AX (ISO 3166-1) are the same place as FI-01 (ISO 3166-2:FI).
* Spain, Real Decreto 311/2022 (Esquema Nacional de Seguridad, in force 5 May 2022), read in the
  BOE text: art 2 - the whole public sector (Ley 40/2015 art 2) and, by contract, the private
  organisations that provide it services or solutions; art 33(2) - public-sector entities notify
  the CCN (CCN-CERT) of incidents with a significant impact on the security of their systems; art
  33(7) - private organisations serving public entities notify INCIBE-CERT of the incidents that
  affect them (INCIBE passes them to the CCN-CERT). Neither gives a period.
* Spain, Real Decreto 43/2021 (NIS1, in force 29 January 2021), read in the BOE text: art 10(3) and
  the annex's Tabla 3 - the initial notice "inmediata" from knowledge of a critical, very high or
  high incident; a final notice after resolution (20 days after the initial one for a critical
  incident, 40 for a very high one). The facts do not record the level: no date is computed.

Discovery is Monday 2 March 2026, 16:00 UTC, as in test_more_countries_2026e.py; awareness
defaults to discovery; hours are elapsed hours.
"""

import pytest

from tests.unit.law_cases import DISCOVERED, breach, recipients_in

SA, IND, OWNER = "supervisory_authority", "individuals", "controller"
SAFE_KEY = {"encrypted": True, "key_compromised": False}
LOST_KEY = {"encrypted": True, "key_compromised": True}


def _facts(affected, *, data=("name", "national_id"), at=DISCOVERED, **options):
    return breach(affected, data=data, discovered=at, **options)


# (place, people by residence, facts options, recipients owed in `place`)
ROWS = [
    # San Marino, L. 171/2018 arts 34-35 (GDPR Arts 33-34): unlikely risk - nothing; a risk - the
    # Garante; high risk - the Garante and the data subject, save where encryption made the data
    # unintelligible; a processor tells its controller whatever the risk.
    ("SM", {"SM": 10}, {"risk": "unlikely"}, set()),
    ("SM", {"SM": 10}, {"risk": "risk"}, {SA}),
    ("SM", {"SM": 10}, {"risk": "high"}, {SA, IND}),
    ("SM", {"SM": 10}, {"risk": "high", "encryption": SAFE_KEY}, {SA}),
    ("SM", {"SM": 10}, {"risk": "high", "encryption": LOST_KEY}, {SA, IND}),
    ("SM", {"SM": 10}, {"role": "processor", "risk": "unlikely"}, {OWNER}),
    # Faroe Islands, løgtingslóg nr. 80/2020 (the same model).
    ("FO", {"FO": 10}, {"risk": "unlikely"}, set()),
    ("FO", {"FO": 10}, {"risk": "risk"}, {SA}),
    ("FO", {"FO": 10}, {"risk": "high"}, {SA, IND}),
    ("FO", {"FO": 10}, {"risk": "high", "encryption": SAFE_KEY}, {SA}),
    ("FO", {"FO": 10}, {"risk": "high", "encryption": LOST_KEY}, {SA, IND}),
    ("FO", {"FO": 10}, {"role": "processor", "risk": "unlikely"}, {OWNER}),
    # Established there and at high risk, still nothing under the law of ME, GL or VA.
    ("ME", {"ME": 10}, {"risk": "high", "est": ("ME",)}, set()),
    ("GL", {"GL": 10}, {"risk": "high", "est": ("GL",)}, set()),
    ("VA", {"VA": 10}, {"risk": "high", "est": ("VA",)}, set()),
    ("ME", {"ME": 10}, {"role": "processor", "est": ("ME",)}, set()),
]


@pytest.mark.parametrize(("place", "affected", "options", "owed"), ROWS)
def test_who_must_be_told(clocks, place, affected, options, owed):
    out = clocks(_facts(affected, **options))
    assert not [c for c in out.doc["conflicts"] if c["kind"] == "no_rule"]
    assert recipients_in(out, place) == owed


# (rule, people, options, due_at) - counted by hand: 72 elapsed hours from 16:00 UTC on 2 March.
DEADLINES = [
    ("SM-LPDP-GARANTE", {"SM": 10}, {"risk": "risk"}, "2026-03-05T16:00:00Z"),
    ("FO-DVL-DAT", {"FO": 10}, {"risk": "risk"}, "2026-03-05T16:00:00Z"),
]


@pytest.mark.parametrize(("rule", "affected", "options", "due"), DEADLINES)
def test_deadlines(clocks, rule, affected, options, due):
    out = clocks(_facts(affected, **options))
    assert out.due(rule) == due


# "Without undue delay": owed, undated.
OPEN_ENDED = [
    ("SM-LPDP-DS", {"SM": 10}, {}),
    ("SM-LPDP-PROC", {"SM": 10}, {"role": "processor"}),
    ("FO-DVL-DS", {"FO": 10}, {}),
    ("FO-DVL-PROC", {"FO": 10}, {"role": "processor"}),
]


@pytest.mark.parametrize(("rule", "affected", "options"), OPEN_ENDED)
def test_open_ended_duties_have_no_fixed_deadline(clocks, rule, affected, options):
    out = clocks(_facts(affected, **options))
    assert rule in out.owed, out.excluded.get(rule)
    assert out.due(rule) is None


NOT_YET = [
    ("SM-LPDP-GARANTE", {"SM": 10}, "2019-01-03T12:00:00Z"),  # in force 5 January 2019
    ("FO-DVL-DAT", {"FO": 10}, "2020-12-30T12:00:00Z"),  # in force 1 January 2021
]


@pytest.mark.parametrize(("rule", "affected", "at"), NOT_YET)
def test_not_owed_before_the_law_began(clocks, rule, affected, at):
    out = clocks(_facts(affected, at=at))
    assert rule not in out.owed
    assert rule in out.excluded


# No breach-notification duty in force: nothing owed, and the case says why (place, rule, words of
# the reason).
NO_DUTY = [
    ("ME", "ME-LPDP-AZLP", "the 2008 Law has no breach notice"),
    ("GL", "GL-PDL-DATATILSYNET", "has no breach notice"),
    ("VA", "VA-RGPD-NONE", "Governatorato"),
]


@pytest.mark.parametrize(("place", "rule", "words"), NO_DUTY)
@pytest.mark.parametrize("est", [True, False], ids=["established", "foreign"])
def test_places_without_a_duty_in_force_say_why_rather_than_not_assessed(
    clocks, place, rule, words, est
):
    out = clocks(_facts({place: 10}, est=(place,) if est else ()))
    assert rule not in out.owed
    assert out.excluded[rule]["jurisdiction"] == place
    why = out.excluded[rule]["why"]
    assert "no breach-notification duty in force" in why and words in why, why
    assert not [c for c in out.doc["conflicts"] if c["kind"] == "no_rule"]


# The reason is the rule's own timing standard ("none in force: ..."), for a no-duty rule only
# (engine.context.no_duty_reason): (rule, the reason's words, or "" for none).
NO_DUTY_REASONS = [
    ("MA-L0908-CNDP", "no breach-notification duty in force: Law 09-08 has no breach notification"),
    ("CA-BC-PIPA-OIPC", "no breach-notification duty in force: PIPA has no mandatory breach"),
    ("IR-NODPL-NONE", "no breach-notification duty in force: Iran has no data protection statute"),
    ("KW-NODPL-NONE", "no breach-notification duty in force for an organisation that is not a"),
    ("US-FCC-CPNI-2023-FED", ""),  # not in force, but a real duty: no such reason
    ("US-CIRCIA-INCIDENT", ""),  # likewise
    ("SM-LPDP-GARANTE", ""),  # in force
]


@pytest.mark.parametrize(("code", "words"), NO_DUTY_REASONS)
def test_no_duty_reason_comes_from_the_rule(shipped, code, words):
    from jurisdictions.engine.context import no_duty_reason

    rule = next(r for r in shipped.rules if r.code == code)
    reason = no_duty_reason(rule)
    assert reason.startswith(words) if words else reason == "", reason


# --------------------------------------------------------------------------- Åland
def _aland(affected, *, est=("AX",), tokens=(), **options):
    return _facts(affected, est=est, subject_to=tokens, **options)


def test_aland_residents_are_under_the_gdpr_not_an_unassessed_place(clocks):
    out = clocks(_aland({"AX": 40}, risk="risk"))
    assert not [c for c in out.doc["conflicts"] if c["kind"] == "no_rule"]
    ob = out.owed["FI-GDPR-33-SA"]
    # A private controller: the Finnish Data Protection Ombudsman (Landskapslag 2019:74 § 1).
    assert ob["authority"].startswith("Tietosuojavaltuutetun"), ob["authority"]
    assert ob["due_at"] == "2026-03-05T16:00:00Z"
    assert "EU-GDPR-34-DS" not in out.owed


def test_aland_high_risk_owes_the_data_subjects_too(clocks):
    out = clocks(_aland({"AX": 40}, risk="high"))
    assert {"FI-GDPR-33-SA", "EU-GDPR-34-DS"} <= set(out.owed)


# (establishment, tokens, authority the GDPR Art 33 notice goes to)
ALAND_AUTHORITY = [
    # Landskapslag (2019:9): the Åland government and municipalities -> Datainspektionen.
    (("AX",), ("public_body",), "Datainspektionen"),
    (("FI-01",), ("public_body", "local_government"), "Datainspektionen"),
    # A private firm in Åland, and a public body in Helsinki: the Ombudsman.
    (("AX",), (), "Tietosuojavaltuutetun"),
    (("FI-18",), ("public_body",), "Tietosuojavaltuutetun"),
    (("FI",), ("public_body",), "Tietosuojavaltuutetun"),
]


@pytest.mark.parametrize(("est", "tokens", "authority"), ALAND_AUTHORITY)
def test_aland_public_administration_reports_to_datainspektionen(clocks, est, tokens, authority):
    out = clocks(_aland({"AX": 40, "FI": 10}, est=est, tokens=tokens, risk="risk"))
    ob = out.owed["FI-GDPR-33-SA"]
    assert ob["jurisdiction"] == "FI"
    assert ob["authority"].startswith(authority), ob["authority"]


def test_aland_processor_tells_its_controller(clocks):
    out = clocks(_aland({"AX": 40}, role="processor", risk="unlikely"))
    ob = out.owed["EU-GDPR-33-2-PROC"]
    assert ob["jurisdiction"] == "FI"
    assert ob["recipient"] == OWNER


def test_foreign_controller_with_aland_residents_notifies_finland(clocks):
    out = clocks(_aland({"AX": 40}, est=("US-NY",), risk="risk"))
    assert "FI-GDPR-33-SA" in out.owed, out.excluded.get("FI-GDPR-33-SA")


# --------------------------------------------------------------------------- Spain
def _spain(est, tokens, *, affected=None, data=(), risk="none", at=DISCOVERED):
    facts = breach(
        affected or {"ES": 1000},
        subject_to=tokens,
        est=est,
        risk=risk,
        data=data or ("name", "national_id"),
        discovered=at,
    )
    facts["events"]["classified_major_at"] = at
    return facts


ENS_PUBLIC = ("public_body",)
ENS_SUPPLIER = ("es_ens_supplier",)

# (establishment, tokens, ENS rule codes owed)
ENS_ROWS = [
    # RD 311/2022 art 33(2): a Spanish public-sector entity -> the CCN (CCN-CERT).
    (("ES",), ENS_PUBLIC, {"ES-ENS-33-CCN"}),
    (("ES-MD",), ("public_body", "local_government"), {"ES-ENS-33-CCN"}),
    # art 33(7): a private supplier of a public entity -> INCIBE-CERT, wherever established (art
    # 2(3) binds it through the contract).
    (("ES",), ENS_SUPPLIER, {"ES-ENS-33-7-INCIBE"}),
    (("IE",), ENS_SUPPLIER, {"ES-ENS-33-7-INCIBE"}),
    # Neither: a Spanish company with no public contract; another country's public body.
    (("ES",), (), set()),
    (("US-CA",), ENS_PUBLIC, set()),
    (("FR",), ENS_PUBLIC, set()),
]


@pytest.mark.parametrize(("est", "tokens", "owed"), ENS_ROWS)
def test_spanish_ens_incident_notices(clocks, est, tokens, owed):
    out = clocks(_spain(est, tokens))
    assert {code for code in out.owed if code.startswith("ES-ENS-")} == owed


# (rule, establishment, tokens, recipient authority starts with)
ENS_AUTHORITIES = [
    ("ES-ENS-33-CCN", ("ES",), ENS_PUBLIC, "Centro Criptológico Nacional"),
    ("ES-ENS-33-7-INCIBE", ("ES",), ENS_SUPPLIER, "INCIBE-CERT"),
]


@pytest.mark.parametrize(("rule", "est", "tokens", "authority"), ENS_AUTHORITIES)
def test_spanish_ens_notice_goes_to_the_cert_undated(clocks, rule, est, tokens, authority):
    out = clocks(_spain(est, tokens))
    ob = out.owed[rule]
    assert ob["jurisdiction"] == "ES"
    assert ob["recipient"] == "csirt_or_competent_authority"
    assert ob["authority"].startswith(authority), ob["authority"]
    assert ob["due_at"] is None  # art 33 gives no period


def test_spanish_ens_not_before_rd_311_2022(clocks):
    out = clocks(_spain(("ES",), ENS_PUBLIC, at="2022-04-20T09:00:00Z"))
    assert "ES-ENS-33-CCN" not in out.owed
    assert "ES-ENS-33-CCN" in out.excluded


def test_spanish_public_body_owes_the_gdpr_notice_besides_the_ens(clocks):
    """RD 311/2022 art 3: the GDPR still governs personal data; the AEPD notice stands."""
    out = clocks(_spain(("ES",), ENS_PUBLIC, risk="high"))
    assert {"ES-ENS-33-CCN", "ES-GDPR-33-SA", "EU-GDPR-34-DS"} <= set(out.owed)


def test_spanish_operator_of_essential_services_owes_a_final_notice(clocks):
    """RD 43/2021 art 10(3): initial notice, then a final one after resolution; the annex's Tabla 3
    gives 20 or 40 days by level, which the facts do not record: both undated."""
    out = clocks(_spain(("ES",), ("nis1_operator_essential_service",)))
    assert "43/2021" in out.owed["ES-NIS1-OSE"]["citation"]
    assert out.owed["ES-NIS1-OSE"]["due_at"] is None
    final = out.owed["ES-NIS1-OSE-FINAL"]
    assert final["due_at"] is None
    assert final["authority"].startswith("CSIRT de referencia")
