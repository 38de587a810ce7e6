"""Processors' own breach duties outside the EU (2026-12-06 review).

One row per incident in which the organisation is a processor (a service provider, data
intermediary, encargado, operador, trustee, entrusted party, database holder or agent acting for
a controller), written down from the primary text before the engine was run: every owed
(recipient, jurisdiction) pair and every dated deadline. Each row asks three questions of the law:
does the processor tell the controller (and by when), does the processor itself owe the authority
or the data subjects anything, and do the controller's notices wrongly reach it. A few controller
rows check that the controller's duties did not change. A "Checked after the run" note marks what
was settled only after comparing with the engine, and why.

Counting as in test_independent_cases_2026e_amea.py: discovery is Monday 14 December 2026 15:00
UTC; hours are elapsed UTC time; the trigger day is not counted and days end at 23:59:59 in the
authority's zone.
"""

from functools import partial

import pytest

from tests.unit.law_cases import incident_facts, owed_and_dated

DISCOVERED = "2026-12-14T15:00:00Z"

facts = partial(
    incident_facts, discovered=DISCOVERED, data=("name", "national_id", "financial_account")
)
processor = partial(facts, role="processor")

H48 = "2026-12-16T15:00:00Z"
H72 = "2026-12-17T15:00:00Z"
# Privacy Act 1988 (Cth) s 26WH(2): the assessment within 30 days of becoming aware. Checked after
# the run: discovery is 02:00 on Tuesday 15 December in Sydney, so the trigger day is the 15th and
# the 30th day ends at 23:59:59 on 14 January (AEDT); the row first counted from the UTC date.
AU_ASSESS = "2027-01-14T12:59:59Z"

CASES = [
    # ------------------------------------------------------------ processors owe their own notice
    pytest.param(
        # An Israeli cloud host holding a client's database (a "holder", mahzik). Protection of
        # Privacy (Data Security) Regulations 5777-2017 reg 11(d)(1): the database owner reports a
        # severe security incident to the Privacy Protection Authority immediately; the Authority's
        # reporting form (justice.gov.il) states that the duty "applies also to the database
        # manager and to the holder of the database, each separately", a report by one of them
        # discharging all three. The notice to data subjects follows an order addressed to the
        # owner, so it is not the holder's.
        processor({"IL": 20000}, est=("IL",)),
        {("supervisory_authority", "IL")},
        set(),
        id="israel-holder-reports-to-ppa",
    ),
    pytest.param(
        # An Australian payroll bureau holding an employer's staff records. Privacy Act 1988 (Cth)
        # Part IIIC binds every APP entity that "holds" the information (s 6(1): possession or
        # control): the breach is "an eligible data breach of the entity" for the bureau as well
        # as for its client (s 26WE). It assesses (s 26WH), gives the Commissioner a statement
        # (s 26WK) and notifies the individuals (s 26WL); ss 26WJ and 26WM excuse the others
        # once one entity has done so. No processor-to-controller duty in the Act.
        processor({"AU": 8000}, est=("AU",)),
        {
            ("internal", "AU"),
            ("supervisory_authority", "AU"),
            ("individuals", "AU"),
        },
        {("internal", "AU", AU_ASSESS)},
        id="australia-service-provider-is-an-app-entity",
    ),
    # ------------------------------------------------------------ processor tells the controller
    pytest.param(
        # A Philippine BPO (personal information processor). NPC Circular 16-03 Rule V s 16
        # ("Reporting by Personal Information Processors") and s 15 (the obligation to notify the
        # Commission and the data subjects remains with the personal information controller when
        # processing is outsourced): the PIP reports to the PIC; the NPC and data subjects'
        # notices are the PIC's.
        processor({"PH": 15000}, est=("PH",)),
        {("controller", "PH")},
        set(),
        id="philippines-pip-reports-to-pic",
    ),
    pytest.param(
        # Singapore data intermediary: PDPA s 26C(3)(a): notify the organisation without undue
        # delay; ss 26B-26D's PDPC and individual notices are the organisation's.
        processor({"SG": 5000}, est=("SG",)),
        {("controller", "SG")},
        set(),
        id="singapore-data-intermediary",
    ),
    pytest.param(
        # Thailand PDPA s 40 para 1 (2): the processor notifies the controller (no period); the
        # Office (s 37(4)) and data subjects are the controller's.
        processor({"TH": 5000}, est=("TH",)),
        {("controller", "TH")},
        set(),
        id="thailand-processor",
    ),
    pytest.param(
        # Kenya DPA 2019 s 43(2): the processor tells the controller within 48 hours.
        processor({"KE": 5000}, est=("KE",)),
        {("controller", "KE")},
        {("controller", "KE", H48)},
        id="kenya-processor-48h",
    ),
    pytest.param(
        # Switzerland FADP art 24(3): the processor tells the controller as quickly as possible.
        processor({"CH": 5000}, est=("CH",)),
        {("controller", "CH")},
        set(),
        id="switzerland-processor",
    ),
    pytest.param(
        # Viet Nam Law 91/2025/QH15 art 23(1): the processor notifies the controller promptly.
        processor({"VN": 5000}, est=("VN",)),
        {("controller", "VN")},
        set(),
        id="vietnam-processor-2026",
    ),
    pytest.param(
        # UAE Decree-Law 45/2021 art 9(3): the processor notifies the controller as soon as it
        # becomes aware.
        processor({"AE": 5000}, est=("AE",)),
        {("controller", "AE")},
        set(),
        id="uae-processor",
    ),
    # ----------------------------------------------- processor owes the authority (no role named)
    pytest.param(
        # Colombia Ley 1581 art 18(k): the encargado informs the SIC (15 business days, as for
        # the responsable under art 17(n)).
        processor({"CO": 5000}, est=("CO",)),
        {("supervisory_authority", "CO")},
        {("supervisory_authority", "CO", "2027-01-07T04:59:59Z")},
        id="colombia-encargado-informs-sic",
    ),
    # ------------------------------------------------------- nothing on the processor in the law
    pytest.param(
        # Turkey KVKK art 12(5): "veri sorumlusu" (the controller) notifies the Board and the data
        # subject; Board decision 2019/10 sets 72 hours for the controller. Nothing in the law
        # puts a notice on the veri işleyen.
        processor({"TR": 5000}, est=("TR",)),
        set(),
        set(),
        id="turkey-veri-isleyen-nothing-statutory",
    ),
    pytest.param(
        # Cayman Islands DPA (2021 Revision) s 16(1): "the data controller shall ... notify the
        # data subject ... and the Commissioner" (read on legislation.ky); no processor duty.
        processor({"KY": 2000}, est=("KY",)),
        set(),
        set(),
        id="cayman-processor-nothing-statutory",
    ),
    pytest.param(
        # New Zealand Privacy Act 2020 s 11: information an agent holds for another agency is
        # treated as held by that agency (the principal), so the notifiable privacy breach and its
        # notices (ss 114-115) are the principal's, not the agent's.
        processor({"NZ": 5000}, est=("NZ",)),
        set(),
        set(),
        id="new-zealand-agent",
    ),
    pytest.param(
        # Canada PIPEDA s 10.1(1): the organisation that has the personal information "under its
        # control" reports; a service provider processing for it owes no statutory notice.
        processor({"CA": 5000}, est=("CA",)),
        set(),
        set(),
        id="canada-service-provider",
    ),
    # ------------------------------------------------------------- a processor in several countries
    pytest.param(
        # A regional SaaS processor established in Singapore with customers' end users in the
        # Philippines, Thailand and Australia (it holds the data in Sydney as well: established in
        # AU). Each row above applies.
        processor({"SG": 3000, "PH": 3000, "TH": 3000, "AU": 3000}, est=("SG", "AU")),
        {
            ("controller", "SG"),
            ("controller", "PH"),
            ("controller", "TH"),
            ("internal", "AU"),
            ("supervisory_authority", "AU"),
            ("individuals", "AU"),
        },
        {("internal", "AU", AU_ASSESS)},
        id="apac-saas-processor",
    ),
    # ------------------------------------------------------------ controller rows: nothing changes
    pytest.param(
        # The Israeli database owner: reg 11(d)(1), the PPA; the notice to data subjects is listed
        # with it (owed on the Authority's order).
        facts({"IL": 20000}, est=("IL",)),
        {("supervisory_authority", "IL"), ("individuals", "IL")},
        set(),
        id="israel-owner",
    ),
    pytest.param(
        # The Australian employer itself: ss 26WH, 26WK, 26WL.
        facts({"AU": 8000}, est=("AU",)),
        {
            ("internal", "AU"),
            ("supervisory_authority", "AU"),
            ("individuals", "AU"),
        },
        {("internal", "AU", AU_ASSESS)},
        id="australia-controller",
    ),
    pytest.param(
        # The Philippine PIC: RA 10173 s 20(f), Circular 16-03 ss 17-18: the NPC within 72 hours
        # and the data subjects. Checked after the run: s 18 gives the data subjects' notice the
        # same 72 hours (the row first left it undated).
        facts({"PH": 15000}, est=("PH",)),
        {("supervisory_authority", "PH"), ("individuals", "PH")},
        {("supervisory_authority", "PH", H72), ("individuals", "PH", H72)},
        id="philippines-pic",
    ),
]


@pytest.mark.parametrize(("incident", "owed", "dated"), CASES)
def test_processor_case(clocks, incident, owed, dated):
    assert owed_and_dated(clocks(incident)) == (owed, dated)
