"""NIS2 (Directive (EU) 2022/2555, Art 23) by member state on 6 December 2026.

The directive binds an entity only through the national law transposing it, so each stage (early
warning 24 h, Art 23(4)(a); incident notification 72 h, Art 23(4)(b); final report one month,
Art 23(4)(d)) is owed only where that law is in force. Rows were written from the sources named
in the rule book's `authorities` entries (re-checked 2026-12-06 for BG, CY, EE, MT, PL, SI and the
states still without a law: ES, FR, IE, LU, NL, and IS, LI, NO under the EEA; the other entries
restate the book's earlier research) before the engine was run:

* in force: the three stages are owed to the named CSIRT/authority, the transposition cited with
  its date of entry into force;
* not in force: each stage is not applicable, the reason naming the bill and its status.

Essential and important entities report alike (Art 23(1) "essential and important entities"),
so the rows alternate the two. Times: classified as significant on Tue 1 Dec 2026 10:00 UTC;
24 h -> 2 Dec 10:00, 72 h -> 4 Dec 10:00 (hours are elapsed time).
"""

import pytest

from tests.unit.law_cases import breach

STAGES = ("EU-NIS2-23-EW", "EU-NIS2-23-CSIRT", "EU-NIS2-23-FINAL")
AUTH_RULES = ("EU-NIS2-23-EW", "EU-NIS2-23-CSIRT", "EU-NIS2-23-FINAL", "EU-NIS2-23-TSP")
EU27 = "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split()
EEA_EFTA = ("IS", "LI", "NO")


def nis2_case(state, entity, day="2026-12-01"):
    facts = breach({state: 10}, subject_to=(f"nis2:{entity}",), discovered=f"{day}T08:00:00Z")
    facts["events"]["classified_major_at"] = f"{day}T10:00:00Z"
    facts["organisation"]["main_establishment"] = state
    return facts


# (state, entity type, authority name starts with, citation contains, in force from, source)
IN_FORCE = [
    # Austria: NISG 2026 § 34 (read in the RIS): sector-specific CSIRT, else the national CSIRT;
    # 24 h / 72 h / one month; in force since 1 Oct 2026
    ("AT", "essential", "Computer-Notfallteam (CSIRT)", "§ 34", "2026-10-01", "NISG 2026 § 34"),
    (
        "BE",
        "important",
        "Centre for Cybersecurity Belgium",
        "26 avril 2024",
        "2024-10-18",
        "arts 34-35",
    ),
    # Bulgaria: ZID of the Cybersecurity Act, 2nd reading 5 Feb 2026, in force 17 Feb 2026
    ("BG", "essential", "CERT Bulgaria", "Закона за", "2026-02-17", "ZID ZKS 2026"),
    ("HR", "important", "National CSIRT", "NN 14/2024", "2024-02-15", "ZKS art 37"),
    # Cyprus: Law 60(I)/2025 amending 89(I)/2020, in force 25 Apr 2025; s 35Β(1)(a),(e): notice to
    # the Digital Security Authority, which forwards it to the CSIRT; 6 h early warning reported
    ("CY", "essential", "Digital Security Authority", "60(I)/2025", "2025-04-25", "s 35Β"),
    # Czech Republic: higher-obligation regime reports to NÚKIB, lower regime (the counterpart of
    # important entities) to the National CERT, CSIRT.CZ (csirt-cz.cz on zákon 264/2025 Sb.)
    ("CZ", "essential", "Národní úřad", "264/2025", "2025-11-01", "zákon 264/2025 Sb."),
    ("CZ", "important", "Národní CERT (CSIRT.CZ)", "264/2025", "2025-11-01", "zákon 264/2025 Sb."),
    ("DK", "essential", "Styrelsen for Samfundssikkerhed", "434", "2025-07-01", "lov nr. 434/2025"),
    # Estonia: KüTS amended by RT I, 30.12.2025, 4, in force 1 Jan 2026
    ("EE", "important", "Riigi Infosüsteemi Amet", "RT I, 30.12.2025, 4", "2026-01-01", "KüTS"),
    ("FI", "essential", "Traficom", "124/2025", "2025-04-08", "kyberturvallisuuslaki"),
    ("DE", "important", "Bundesamt für Sicherheit", "BSIG § 32", "2025-12-06", "BSIG § 32(1)"),
    (
        "GR",
        "essential",
        "National Cybersecurity Authority",
        "5160/2024",
        "2024-11-27",
        "N. 5160/2024",
    ),
    ("HU", "important", "Nemzeti Kibervédelmi Intézet", "LXIX", "2025-01-01", "Act LXIX of 2024"),
    (
        "IT",
        "essential",
        "Agenzia per la cybersicurezza",
        "138",
        "2026-01-01",
        "D.Lgs. 138/2024 art 25",
    ),
    ("LV", "important", "CERT.LV", "Nacionālās kiberdrošības", "2024-09-01", "NKDL"),
    ("LT", "essential", "Nacionalinis kibernetinio", "kibernetinio saugumo", "2024-10-18", "KSĮ"),
    # Malta: L.N. 71 of 2025 (S.L. 460.41) in force 23 Jan 2026; L.N. 89 of 2026: MITA is the CSIRT
    (
        "MT",
        "important",
        "National CSIRT (Malta Information Technology Agency",
        "L.N. 71 of 2025",
        "2026-01-23",
        "S.L. 460.41",
    ),
    # Poland: Act of 23 Jan 2026, Dz.U. 2026 poz. 252, in force 3 Apr 2026; art 11 24 h/72 h/1 month
    (
        "PL",
        "essential",
        "CSIRT GOV / CSIRT NASK / CSIRT MON",
        "Dz.U. 2026 poz. 252",
        "2026-04-03",
        "UKSC art 11",
    ),
    (
        "PT",
        "important",
        "Centro Nacional de Cibersegurança",
        "125/2025",
        "2026-04-03",
        "DL 125/2025",
    ),
    (
        "RO",
        "essential",
        "Directoratul Național de Securitate",
        "155/2024",
        "2024-12-31",
        "OUG 155/2024",
    ),
    (
        "SK",
        "important",
        "Národný bezpečnostný úrad",
        "366/2024",
        "2025-01-01",
        "zákon 69/2018 Z. z.",
    ),
    # Slovenia: ZInfV-1, Uradni list RS 40/2025 (4 Jun 2025), in force 19 Jun 2025
    ("SI", "essential", "SI-CERT", "ZInfV-1", "2025-06-19", "Uradni list RS 40/2025"),
    (
        "SE",
        "important",
        "Myndigheten för civilt försvar",
        "2025:1506",
        "2026-01-15",
        "SFS 2025:1506",
    ),
]

# (state, entity type, bill named in the reason, source of the status)
NOT_IN_FORCE = [
    ("ES", "essential", "Anteproyecto de Ley de Coordinación", "CM 14 Jan 2025; not in BOE"),
    ("FR", "important", "Projet de loi relatif à la résilience", "AN n° 1779; not promulgated"),
    ("IE", "essential", "National Cyber Security Bill", "Summer 2026 programme; not enacted"),
    ("LU", "important", "Projet de loi n° 8364", "not found on Legilux"),
    ("NL", "essential", "Kamerstukken 36 764", "Eerste Kamer / Staatsblad not found"),
    ("IS", "important", "NIS2 not incorporated into the EEA Agreement", "EEA Joint Committee"),
    ("LI", "essential", "NIS2 not incorporated into the EEA Agreement", "EEA Joint Committee"),
    ("NO", "important", "NIS2 not incorporated into the EEA Agreement", "EEA Joint Committee"),
]

# Laws whose date of entry into force the book lacked: an incident before it owes no NIS2 notice
# there (the national NIS1 regime may apply). (state, day before the law, day it is in force)
NEWLY_DATED = [
    ("BG", "2026-02-16", "2026-02-17"),
    ("CY", "2025-04-24", "2025-04-25"),
    ("EE", "2025-12-31", "2026-01-01"),
    ("MT", "2026-01-22", "2026-01-23"),
    ("PL", "2026-04-02", "2026-04-03"),
    ("SI", "2025-06-18", "2025-06-19"),
    # already dated in the book; § 34 NISG 2026 "in Kraft seit 01.10.2026"
    ("AT", "2026-09-30", "2026-10-01"),
]


@pytest.mark.parametrize(("state", "entity", "authority", "citation", "since", "source"), IN_FORCE)
def test_stages_owed_where_transposed(clocks, state, entity, authority, citation, since, source):
    out = clocks(nis2_case(state, entity))
    for code in STAGES:
        assert code in out.owed, (state, code, out.excluded.get(code))
        ob = out.owed[code]
        assert ob["jurisdiction"] == state
        assert ob["authority"].startswith(authority), (code, ob["authority"])
        assert citation in ob["transposition"]["citation"]
        assert ob["transposition"]["status"] == "in_force"
        assert ob["transposition"]["effective_from"] == since
    assert out.owed["EU-NIS2-23-EW"]["due_at"] == "2026-12-02T10:00:00Z"
    assert out.owed["EU-NIS2-23-CSIRT"]["due_at"] == "2026-12-04T10:00:00Z"


@pytest.mark.parametrize(("state", "entity", "bill", "source"), NOT_IN_FORCE)
def test_stages_not_applicable_where_not_transposed(clocks, state, entity, bill, source):
    out = clocks(nis2_case(state, entity))
    for code in STAGES:
        assert code not in out.owed, (state, code)
        ex = out.excluded[code]
        assert ex["jurisdiction"] == state
        assert "not adopted (proposal only)" in ex["why"]
        assert bill in ex["why"], ex["why"]


@pytest.mark.parametrize(("state", "before", "from_"), NEWLY_DATED)
def test_no_nis2_notice_before_the_national_law(clocks, state, before, from_):
    early = clocks(nis2_case(state, "essential", day=before))
    for code in STAGES:
        assert code not in early.owed, (state, before, code)
        assert f"in force from {from_}" in early.excluded[code]["why"]
    later = clocks(nis2_case(state, "important", day=from_))
    assert set(STAGES) <= set(later.owed), (state, from_)


def test_cyprus_early_warning_names_the_six_hour_limit(clocks):
    """Law 60(I)/2025 is reported to shorten the early warning to 6 hours (CSIRT-CY): until the
    text is read the stage counts 24 h, and the authority named says 6 hours."""
    ew = clocks(nis2_case("CY", "essential")).owed["EU-NIS2-23-EW"]
    assert "6 hours" in ew["authority"]


def test_trust_service_provider_24h_in_poland(clocks):
    """Art 23(4) second subparagraph: 24 h incident notification for a trust service provider."""
    facts = nis2_case("PL", "trust_service_provider")
    ob = clocks(facts).owed["EU-NIS2-23-TSP"]
    assert ob["authority"].startswith("CSIRT GOV / CSIRT NASK / CSIRT MON")
    assert ob["due_at"] == "2026-12-02T10:00:00Z"


def test_every_stage_rule_carries_the_same_member_state_data(shipped):
    """One member state's law, status and date must not differ between the stages."""
    maps = {r.code: r.authorities for r in shipped.rules if r.code in AUTH_RULES}
    assert set(maps) == set(AUTH_RULES)
    first = maps["EU-NIS2-23-CSIRT"]
    for code, authorities in maps.items():
        assert authorities == first, code
    assert set(EU27) | set(EEA_EFTA) == {key.split("#")[0] for key in first}


def test_every_entry_is_dated_or_marked_not_in_force(shipped):
    """The class of error behind the stale rows: an entry with neither a date of entry into force
    nor a not-in-force status is read as always in force."""
    (rule,) = [r for r in shipped.rules if r.code == "EU-NIS2-23-CSIRT"]
    for state, entry in rule.authorities.items():
        if entry.status == "in_force":
            assert entry.effective_from, state
        else:
            assert entry.status == "proposed_not_in_force", state
            assert entry.note, state
