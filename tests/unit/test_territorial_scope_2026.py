"""Territorial scope of the national data protection laws outside the US and the EU/EEA.

For each law the table says, from its scope article, whether it binds a foreign organisation whose
only link is that people living in the country are affected (it offers them goods or services,
monitors them, or processes their data), or only an organisation established in the country or
using means, equipment or processing there (rule book README: such a law has scope
``establishment``, and an organisation that uses means there lists the country in
``organisation.established_in``). Written down from the texts before the engine was run.

Two incidents per law, discovered Monday 14 December 2026 at 15:00 UTC: a controller established
only in New York with 2,000 residents of the country affected (names, national identity numbers
and financial account numbers, high risk); and the same controller with an establishment there.
The foreign row owes exactly what the established row owes when the law follows the people, and
nothing when it follows the establishment. ``owed`` is the least the established row must owe
(the authority's and the data subjects' notices; empty where no duty is in force on that date).

South Africa, the Cayman Islands, Bermuda and Mauritius were settled in the fifth independent set
(test_independent_cases_2026e_amea.py) and are repeated here as controls.
"""

import pytest

from tests.unit.law_cases import ESTABLISHMENT_SCOPED, incident_facts

SA, IND = "supervisory_authority", "individuals"
DISCOVERED = "2026-12-14T15:00:00Z"
HOME = "US-NY"
PEOPLE, EST = True, False

# (place, rule-code prefix of the national data protection law, reaches a foreign organisation,
#  notices the established organisation owes at least, the scope article)
LAWS = [
    # ------------------------------------------------------------------ Asia-Pacific
    # PDPA 2010 s 2(2) (read on pdp.gov.my): (a) a person "established in Malaysia", or (b) one
    # "not established in Malaysia, but uses equipment in Malaysia for processing the personal
    # data otherwise than for the purposes of transit"; s 2(4) lists what counts as established.
    ("MY", "MY-PDPA-", EST, {SA, IND}),
    # PDPA 2012 s 2(1): "organisation" includes any company "whether or not ... resident, or having
    # an office or a place of business, in Singapore"; the Act governs collection, use and
    # disclosure of personal data in Singapore, including from people there over the internet.
    ("SG", "SG-PDPA-", PEOPLE, {SA, IND}),
    # APPI art 171: applies to a business outside Japan handling the personal information of a
    # person in Japan in connection with supplying goods or services to that person.
    ("JP", "JP-APPI-", PEOPLE, {SA, IND}),
    # PIPA: binds every personal information controller handling the personal information of
    # people in Korea; art 31-2 makes a foreign controller without an address in Korea designate a
    # domestic agent.
    ("KR", "KR-PIPA-", PEOPLE, {SA, IND}),
    # PIPL art 3(2): processing outside China to provide products or services to natural persons
    # in China, or to analyse or assess their behaviour.
    ("CN", "CN-PIPL-", PEOPLE, {SA, IND}),
    # PDPO s 2 ("data user" controls collection, holding, processing or use) and s 39(1)(d): the
    # Ordinance reaches a data user able to control the data "in or from Hong Kong" (the PCPD: "As
    # long as the personal data is controlled from or within Hong Kong"). No mandatory breach
    # notice: nothing owed either way.
    ("HK", "HK-PDPO-", EST, set()),
    # PDPA art 51(2): also applies to agencies that collect, process or use personal data of ROC
    # nationals outside the territory. The private-sector duty is the notice to the data subjects.
    ("TW", "TW-PDPA-", PEOPLE, {IND}),
    # DPA s 6: acts done outside the Philippines where they relate to personal information about a
    # Philippine citizen or resident (with the entity's links listed there).
    ("PH", "PH-DPA-", PEOPLE, {SA, IND}),
    # PDPA s 5 para 2: a controller outside Thailand offering goods or services to data subjects
    # in Thailand or monitoring their behaviour there.
    ("TH", "TH-PDPA-", PEOPLE, {SA, IND}),
    # Law 27/2022 art 2: any person, in or outside Indonesia, whose acts have legal consequences
    # in Indonesia or for Indonesian citizens abroad.
    ("ID", "ID-PDP-", PEOPLE, {SA, IND}),
    # Law 91/2025 art 1(2): foreign agencies and organisations directly taking part in or related
    # to processing the personal data of Vietnamese citizens.
    ("VN", "VN-PDP-", PEOPLE, {SA}),
    # DPDP Act s 3(b): processing outside India in connection with offering goods or services to
    # Data Principals in India. The breach rules (rule 7) operate from 14 May 2027: nothing owed.
    ("IN", "IN-DPDP-", PEOPLE, set()),
    # PDPA 2022 s 2(1)(c): processing outside Sri Lanka offering goods or services to, or
    # monitoring, data subjects in Sri Lanka. Part III is not yet in operation: nothing owed.
    ("LK", "LK-PDPA-", PEOPLE, set()),
    # Privacy Act s 5B(1A), (3): an "Australian link" - an organisation that carries on business in
    # Australia (since the 2022 amendment, wherever it collected or holds the information).
    # Reading: a foreign company with Australian customers carries on business there (Facebook v
    # Australian Information Commissioner [2022] FCAFC 9): residence of those affected is the proxy.
    ("AU", "AU-NDB-", PEOPLE, {SA, IND}),
    # Privacy Act 2020 s 4(1)(b), (2): an overseas agency, for action taken in the course of
    # carrying on business in New Zealand, without a place of business there; same reading.
    ("NZ", "NZ-PA2020-", PEOPLE, {SA, IND}),
    # Lei 8/2005 art 3(3) (the Portuguese 1998 model): an establishment of the controller in Macao,
    # or means situated in Macao used by a controller not established there. No breach notice.
    ("MO", "MO-LPDP-", EST, set()),
    # ------------------------------------------------------------------ Europe outside the EU/EEA
    # FADP art 3(1): circumstances that have an effect in Switzerland, even if caused abroad.
    ("CH", "CH-FADP-", PEOPLE, {SA, IND}),
    # UK GDPR art 3(2): offering goods or services to, or monitoring, data subjects in the UK.
    ("GB", "GB-UKGDPR-", PEOPLE, {SA, IND}),
    # DPJL 2018 art 4, DP (Bailiwick of Guernsey) Law 2017 s 3, the Isle of Man's applied GDPR and
    # Gibraltar's GDPR: the GDPR Art 3(2) pattern.
    ("JE", "JE-DPJL-", PEOPLE, {SA, IND}),
    ("GG", "GG-DPL-", PEOPLE, {SA, IND}),
    ("IM", "IM-GDPR-", PEOPLE, {SA, IND}),
    ("GI", "GI-GDPR-", PEOPLE, {SA, IND}),
    # ZZPL art 3(4) (Serbia), LPDP 2020 art 3 (North Macedonia), Law 124/2024 (Albania), the 2025
    # Law (Bosnia and Herzegovina), Law 195/2024 (Moldova): the GDPR Art 3(2) pattern.
    ("RS", "RS-ZZPL-", PEOPLE, {SA, IND}),
    ("MK", "MK-LPDP-", PEOPLE, {SA, IND}),
    ("AL", "AL-LMDP-", PEOPLE, {SA, IND}),
    ("BA", "BA-ZZLP-", PEOPLE, {SA, IND}),
    ("MD", "MD-LPDP-", PEOPLE, {SA, IND}),
    # L. 171/2018 (San Marino) and løgtingslóg nr. 80/2020 (Faroe Islands, § 5, stk. 2 as applied by
    # Dátueftirlitið to an American company): the GDPR Art 3(2) pattern (San Marino's scope article
    # not read).
    ("SM", "SM-LPDP-", PEOPLE, {SA, IND}),
    ("FO", "FO-DVL-", PEOPLE, {SA, IND}),
    # Montenegro's 2008 Law art 5(2) (a controller outside Montenegro only through equipment there)
    # and Greenland's Persondataloven § 4 (the Directive 95/46 model): establishment. Neither has a
    # breach notice: nothing owed either way. The Vatican's 2024 Regulation governs the
    # Governatorato's own processing: nothing owed either way.
    ("ME", "ME-LPDP-", EST, set()),
    ("GL", "GL-PDL-", EST, set()),
    ("VA", "VA-RGPD-", EST, set()),
    # Georgia (2023 Law), Turkey (KVKK: no territorial article; the Board registers foreign
    # controllers in VERBIS), Israel, Russia (152-FZ art 1), Kazakhstan, Armenia, Ukraine: read as
    # following the people whose data is processed (not verified article by article).
    ("GE", "GE-PDP-", PEOPLE, {SA, IND}),
    ("TR", "TR-KVKK-", PEOPLE, {SA, IND}),
    ("IL", "IL-PPL-", PEOPLE, {SA}),
    ("RU", "RU-152FZ-", PEOPLE, {SA}),
    ("KZ", "KZ-PDL-", PEOPLE, {SA}),
    # ------------------------------------------------------------------ The Americas
    # PIPEDA: a real and substantial connection with Canada (Lawson v Accusearch 2007 FC 125; A.T.
    # v Globe24h.com 2017 FC 114); Quebec's Private Sector Act s 1: an enterprise collecting
    # personal information in Quebec.
    ("CA", "CA-PIPEDA-", PEOPLE, {SA, IND}),
    ("CA-QC", "CA-QC-LAW25-", PEOPLE, {SA, IND}),
    # LGPD art 3: processing in Brazil, offering goods or services to individuals in Brazil, or data
    # collected in Brazil.
    ("BR", "BR-LGPD-", PEOPLE, {SA, IND}),
    # Ley 18.331 art 3 bis (Ley 19.670 art 37): a controller not established in Uruguay offering
    # goods or services to inhabitants of Uruguay or analysing their behaviour.
    ("UY", "UY-LPDP-", PEOPLE, {SA, IND}),
    # Ley 1581 art 2: processing in Colombian territory; the SIC treats collection from people in
    # Colombia through the internet as processing there.
    ("CO", "CO-LPDP-", PEOPLE, {SA}),
    # DS 016-2024-JUS art IV (Peru), Ley 21.719 art 1 bis (Chile), LOPDP art 2 (Ecuador): offering
    # goods or services to, or monitoring, people in the country.
    ("PE", "PE-LPDP-", PEOPLE, {SA, IND}),
    ("CL", "CL-LPDP-", PEOPLE, {SA, IND}),
    ("EC", "EC-LOPDP-", PEOPLE, {SA, IND}),
    # Reglamento de la LFPDPPP (2011) art 4, applied under the 2025 Law: processing in an
    # establishment of the controller in Mexico, by a processor for a controller established in
    # Mexico, where Mexican law applies by contract or international law, or by a controller not
    # established in Mexico using means situated there (not for transit only).
    ("MX", "MX-LFPDPPP-", EST, {IND}),
    # Ley 81/2019 art 2 (databases in Panama, controllers domiciled there) as widened by Decreto
    # Ejecutivo 285 art 2 (processing whose origin or destination is Panama): read as reaching
    # data collected from people in Panama.
    ("PA", "PA-LPDP-", PEOPLE, {SA, IND}),
    # Ley 8968 art 2 (Costa Rica): no territorial limit in the text; read as following the people.
    ("CR", "CR-LPDP-", PEOPLE, {SA, IND}),
    # DPA 2019 s 3(1)(b) (Barbados), DPA 2020 s 3(1)(b)(ii) (Jamaica): offering goods or services to
    # data subjects in the country.
    ("BB", "BB-DPA-", PEOPLE, {SA, IND}),
    ("JM", "JM-DPA-", PEOPLE, {SA, IND}),
    # ------------------------------------------------------------------ Middle East and Africa
    # PDPL art 2 (Saudi Arabia: processing outside the Kingdom of data of residents), Decree-Law
    # 45/2021 art 2 (UAE: controllers outside the State processing data of data subjects in it),
    # Law 151/2020 art 2 (Egypt), Qatar's PDPPL, Oman's PDPL.
    ("SA", "SA-PDPL-", PEOPLE, {SA, IND}),
    ("AE", "AE-PDPL-", PEOPLE, {SA, IND}),
    ("EG", "EG-PDPL-", PEOPLE, {SA, IND}),
    ("QA", "QA-PDPPL-", PEOPLE, {SA, IND}),
    ("OM", "OM-PDPL-", PEOPLE, {SA, IND}),
    # Loi 09-08 art 2 (Morocco): a controller established on Moroccan territory, or one not
    # established there using means situated there. No breach notice in force.
    ("MA", "MA-L0908-", EST, set()),
    # Loi 2008-12 art 2 (Senegal): processing carried out on Senegalese territory. No breach notice.
    ("SN", "SN-L200812-", EST, set()),
    # DPA 2019 s 4(b) (Kenya: data subjects located in Kenya), NDPA s 2(2)(c) (Nigeria), Act 843 s
    # 45(1)(c) (Ghana: information originating from Ghana), DPPA s 1 (Uganda: data of Ugandan
    # citizens), Law 058/2021 art 2 (Rwanda), DPA 2024 s 4 (Botswana: goods or services offered to,
    # or behaviour monitored of, people in Botswana).
    ("KE", "KE-DPA-", PEOPLE, {SA, IND}),
    ("NG", "NG-NDPA-", PEOPLE, {SA, IND}),
    ("GH", "GH-DPA-", PEOPLE, {SA, IND}),
    ("UG", "UG-DPPA-", PEOPLE, {SA, IND}),
    ("RW", "RW-DPP-", PEOPLE, {SA, IND}),
    ("BW", "BW-DPA-", PEOPLE, {SA, IND}),
    # Zambia (DPA 2021) and Tanzania (PDPA 2022 s 2): no territorial article beyond the Act's
    # extent; read as following the people (not verified).
    ("ZM", "ZM-DPA-", PEOPLE, {SA, IND}),
    ("TZ", "TZ-PDPA-", PEOPLE, {SA}),
    # CDPA [Chapter 12:07] s 4 (Zimbabwe): processing in the context of the effective and actual
    # activities of a controller established in Zimbabwe, or by one not established there using
    # means located in Zimbabwe (not for transit); such a controller designates a representative.
    ("ZW", "ZW-CDPA-", EST, {SA}),
    # DPA 2022 s 3 (Eswatini): a controller or processor using automated or non-automated means in
    # Eswatini, whether or not domiciled there. Lesotho's DPA 2011 follows the South African POPI
    # Bill, whose s 3(1)(b) scope is the same (not verified in Lesotho's text).
    ("SZ", "SZ-DPA-", EST, {SA, IND}),
    ("LS", "LS-DPA-", EST, {SA, IND}),
    # Controls, settled in the fifth independent set.
    ("ZA", "ZA-POPIA-", EST, {SA, IND}),
    ("KY", "KY-DPA-", EST, {SA, IND}),
    ("BM", "BM-PIPA-", EST, {SA, IND}),
    ("MU", "MU-DPA-", EST, {SA, IND}),
]

PERSON_SCOPES = {"residents", "residents_or_establishment", "lead_authority"}


def _facts(place, est):
    return incident_facts(
        {place: 2000},
        discovered=DISCOVERED,
        data=("name", "national_id", "financial_account"),
        est=(HOME, *est),
    )


def _notices(out, place):
    return {
        o["recipient"]
        for o in out.doc["obligations"]
        if o["jurisdiction"] == place and o["rule"].startswith(PREFIX[place])
    }


PREFIX = {place: prefix for place, prefix, _, _ in LAWS}


@pytest.mark.parametrize(("place", "prefix", "people", "owed"), LAWS, ids=[r[0] for r in LAWS])
def test_foreign_and_established_controller(clocks, place, prefix, people, owed):
    established = _notices(clocks(_facts(place, (place,))), place)
    foreign = _notices(clocks(_facts(place, ())), place)
    assert owed <= established
    assert foreign == (established if people else set())


@pytest.mark.parametrize(("place", "prefix", "people", "owed"), LAWS, ids=[r[0] for r in LAWS])
def test_scope_field_follows_the_scope_article(shipped, place, prefix, people, owed):
    # A public body's own line (APPI Art 68) binds the country's own bodies: establishment only.
    rules = [
        r
        for r in shipped.rules
        if r.code.startswith(prefix)
        and r.jurisdiction == place
        and "public_body" not in (r.requires_subject_to or ())
    ]
    assert rules, prefix
    scopes = {r.code: r.scope for r in rules}
    if people:
        # A head-count line may be split: the establishment's rule counts the whole breach and its
        # -ABROAD twin counts only the people in the country (APPI Art 171, PIPA, PDPA).
        for code, scope in scopes.items():
            assert scope in PERSON_SCOPES or scopes.get(f"{code}-ABROAD") in PERSON_SCOPES, code
    else:
        assert set(scopes.values()) == {"establishment"}, scopes
    assert (place in ESTABLISHMENT_SCOPED) is (not people)
