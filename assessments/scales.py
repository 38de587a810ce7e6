"""The two ways a case's risk of harm is assessed, as pure functions (no Django import).

* ``enisa``: ENISA, "Recommendations for a methodology of the assessment of severity of personal
  data breaches", working document v1.0, December 2013 (used for GDPR Arts 33/34 and the laws
  that follow them). Severity SE = DPC x EI + CB:
    - DPC, data processing context: a base score by the kind of data (simple 1, behavioural 2,
      financial 3, sensitive 4), raised or lowered by the context (volume, the controller's
      characteristics, vulnerable individuals, invalid or public data...) and kept within 1-4;
    - EI, ease of identification: negligible 0.25, limited 0.5, significant 0.75, maximum 1;
    - CB, circumstances of the breach: loss of confidentiality (0 / +0.25 known recipients /
      +0.5 unknown recipients), of integrity (0 / +0.25 altered but recoverable / +0.5 not
      recoverable), of availability (0 / +0.25 temporary / +0.5 permanent) and malicious
      intent (+0.5).
  Bands: SE < 2 low, 2 <= SE < 3 medium, 3 <= SE < 4 high, SE >= 4 very high.
* ``us_harm``: the factors US counsel weigh under a state harm test (type of data, encryption and
  its key, who acquired the data, evidence of misuse, mitigation), giving a determination.

Each gives a ``Result``: the computed ``risk_of_harm`` of the facts format (none < unlikely <
risk < high) and, for every factor, the points and the words a reader checks. Counsel may then
settle on another level, with a reason (``assessments.actions``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

METHODS = ("enisa", "us_harm")
METHOD_LABELS = {
    "enisa": "ENISA severity (GDPR and laws that follow it)",
    "us_harm": "US harm test (counsel's factors)",
}
RISK_LABELS = {
    "none": "No reasonable likelihood of harm",
    "unlikely": "Harm unlikely",
    "risk": "Risk of harm",
    "high": "High risk of harm",
}
RISK_LEVELS = ("none", "unlikely", "risk", "high")

# --- ENISA ---------------------------------------------------------------------------------------
DPC_BASE = {
    "simple": (1, "Simple data (name, contact details, education, family life, work history)"),
    "behavioural": (2, "Behavioural data (location, traffic data, preferences and habits)"),
    "financial": (3, "Financial data (income, transactions, bank statements, card details)"),
    "sensitive": (4, "Sensitive data (health, political opinions, sex life, criminal records)"),
}
# Contextual factors (ENISA 2013, Annex A2): (points, label). Raise or lower the base score.
DPC_ADJUSTMENTS = {
    "volume": (1, "Volume: much data per person (e.g. a year of records, not a week)"),
    "controller": (1, "The controller's nature reveals more (e.g. a pharmacy's customer list)"),
    "vulnerable": (1, "Vulnerable individuals (children, patients, protected witnesses)"),
    "invalid": (-1, "Data invalid, inaccurate or out of date (e.g. expired cards)"),
    "public": (-1, "Data already publicly available before the breach"),
    "reveals_less": (-1, "The data reveal less than their category suggests"),
}
EI_LEVELS = {
    "negligible": (0.25, "Negligible: identifying the people is extremely hard"),
    "limited": (0.5, "Limited: identification needs other data not easily at hand"),
    "significant": (0.75, "Significant: identification is possible with some effort"),
    "maximum": (1.0, "Maximum: the data identify the people directly (e.g. full names)"),
}
CB_CONFIDENTIALITY = {
    "none": (0.0, "No loss of confidentiality"),
    "exposed": (0.0, "Exposed, with no evidence of unlawful processing"),
    "known": (0.25, "Disclosed to a number of known recipients"),
    "unknown": (0.5, "Disclosed to an unknown number of recipients"),
}
CB_INTEGRITY = {
    "none": (0.0, "No loss of integrity"),
    "recoverable": (0.25, "Altered, possibly used as valid, but recoverable"),
    "unrecoverable": (0.5, "Altered, possibly used as valid, and not recoverable"),
}
CB_AVAILABILITY = {
    "none": (0.0, "No loss of availability (recoverable without difficulty)"),
    "temporary": (0.25, "Temporarily unavailable"),
    "permanent": (0.5, "Permanently unavailable (cannot be recovered)"),
}
MALICIOUS_POINTS = 0.5
BANDS = (  # (upper bound, band, label, risk_of_harm)
    (2.0, "low", "Low", "unlikely"),
    (3.0, "medium", "Medium", "risk"),
    (4.0, "high", "High", "high"),
    (float("inf"), "very_high", "Very high", "high"),
)
ENISA_CITATION = (
    "ENISA, Recommendations for a methodology of the assessment of severity of personal data "
    "breaches, v1.0 (December 2013)"
)


class AssessmentError(ValueError):
    """A factor is missing or not on its scale; ``field`` names it for the form."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


@dataclass(frozen=True)
class Factor:
    key: str
    label: str  # the factor: "Data processing context"
    answer: str  # the answer chosen, in words
    points: float | None  # its contribution, where the method counts
    reason: str = ""  # why this answer (typed by the assessor)


@dataclass(frozen=True)
class Result:
    method: str
    risk_of_harm: str
    score: float | None = None
    band: str = ""  # "low" ... for ENISA; "" for the US test
    band_label: str = ""
    factors: tuple[Factor, ...] = ()
    why: tuple[str, ...] = field(default_factory=tuple)

    def as_dict(self) -> dict:
        return {
            "method": self.method,
            "risk_of_harm": self.risk_of_harm,
            "score": self.score,
            "band": self.band,
            "band_label": self.band_label,
            "factors": [
                {
                    "key": f.key,
                    "label": f.label,
                    "answer": f.answer,
                    "points": f.points,
                    "reason": f.reason,
                }
                for f in self.factors
            ],
            "why": list(self.why),
        }


def _pick(scale: dict, value, key: str, what: str):
    if value not in scale:
        raise AssessmentError(key, f"choose the {what}")
    return scale[value]


def band_for(score: float) -> tuple[str, str, str]:
    """(band, label, risk_of_harm) of an ENISA severity score."""
    for upper, band, label, risk in BANDS:
        if score < upper:
            return band, label, risk
    raise AssertionError("unreachable: the last band is unbounded")  # pragma: no cover


def enisa(answers: dict, reasons: dict | None = None) -> Result:
    """ENISA severity from the answers (keys: ``dpc_base``, ``dpc_adjustments`` (list),
    ``ei``, ``cb_confidentiality``, ``cb_integrity``, ``cb_availability``, ``malicious``)."""
    reasons = reasons or {}
    base, base_label = _pick(DPC_BASE, answers.get("dpc_base"), "dpc_base", "kind of data")
    adjustments = list(answers.get("dpc_adjustments") or [])
    for adj in adjustments:
        if adj not in DPC_ADJUSTMENTS:
            raise AssessmentError("dpc_adjustments", f"unknown contextual factor {adj!r}")
    raw = base + sum(DPC_ADJUSTMENTS[a][0] for a in adjustments)
    dpc = min(4, max(1, raw))  # ENISA keeps DPC within 1-4 whatever the adjustments
    adj_words = "; ".join(
        f"{DPC_ADJUSTMENTS[a][1]} ({DPC_ADJUSTMENTS[a][0]:+d})" for a in adjustments
    )
    dpc_answer = f"{base_label}: base {base}" + (f"; {adj_words}" if adj_words else "")
    if raw != dpc:
        dpc_answer += f" (kept within 1-4: {raw} -> {dpc})"
    ei, ei_label = _pick(EI_LEVELS, answers.get("ei"), "ei", "ease of identification")
    conf, conf_label = _pick(
        CB_CONFIDENTIALITY, answers.get("cb_confidentiality"), "cb_confidentiality",
        "loss of confidentiality",
    )  # fmt: skip
    integ, integ_label = _pick(
        CB_INTEGRITY, answers.get("cb_integrity"), "cb_integrity", "loss of integrity"
    )
    avail, avail_label = _pick(
        CB_AVAILABILITY, answers.get("cb_availability"), "cb_availability", "loss of availability"
    )
    malicious = bool(answers.get("malicious"))
    mal_points = MALICIOUS_POINTS if malicious else 0.0
    cb = conf + integ + avail + mal_points
    score = round(dpc * ei + cb, 2)
    band, band_label, risk = band_for(score)
    factors = (
        Factor("dpc", "Data processing context (DPC)", dpc_answer, float(dpc),
               reasons.get("dpc", "")),
        Factor("ei", "Ease of identification (EI)", ei_label, ei, reasons.get("ei", "")),
        Factor("cb_confidentiality", "Loss of confidentiality", conf_label, conf,
               reasons.get("cb_confidentiality", "")),
        Factor("cb_integrity", "Loss of integrity", integ_label, integ,
               reasons.get("cb_integrity", "")),
        Factor("cb_availability", "Loss of availability", avail_label, avail,
               reasons.get("cb_availability", "")),
        Factor("malicious", "Malicious intent",
               "Yes: an intentional act to harm the individuals or the controller"
               if malicious else "No: error, accident or misconfiguration",
               mal_points, reasons.get("malicious", "")),
    )  # fmt: skip
    why = (
        f"SE = DPC x EI + CB = {dpc} x {ei} + {cb:g} = {score:g}",
        f"{band_label} severity (bands: below 2 low, 2 to 3 medium, 3 to 4 high, 4 and above "
        f"very high) gives {RISK_LABELS[risk].lower()}",
        f"Method: {ENISA_CITATION}",
    )
    return Result("enisa", risk, score, band, band_label, factors, why)


# --- US harm test --------------------------------------------------------------------------------
US_DATA = {
    "low": "Low sensitivity (contact details, no identifier that opens accounts)",
    "identity": "Identity data (SSN, driver's licence, passport, government ID)",
    "financial": "Financial account or card data, or credentials that open accounts",
    "medical": "Medical, health-insurance, biometric or genetic data",
}
US_ENCRYPTION = {
    "encrypted": "Encrypted, key not compromised",
    "key_compromised": "Encrypted, but the key was or may have been acquired",
    "unencrypted": "Not encrypted (or redacted only in part)",
}
US_ACQUIRER = {
    "internal": "An employee or agent, in good faith, within their role",
    "trusted": "A known, trusted recipient who confirmed return or deletion",
    "unknown": "Unknown: cannot tell who saw or took the data",
    "malicious": "A criminal or other bad actor",
}
US_MISUSE = {
    "none": "No evidence of misuse after investigation",
    "indications": "Indications of misuse (dark-web listing, fraud reports, probing)",
    "confirmed": "Misuse confirmed (fraud, identity theft, extortion)",
}
US_MITIGATION = {
    "full": "Data recovered or destroyed, with an attestation",
    "partial": "Partly contained (access revoked, some copies recovered)",
    "none": "Not contained",
}


def us_harm(answers: dict, reasons: dict | None = None) -> Result:
    """A harm determination from the factors counsel weighs (keys ``data``, ``encryption``,
    ``acquirer``, ``misuse``, ``mitigation``). The first matching line decides, and says why:
    evidence of misuse and bad actors weigh most, then encryption, then who holds the data."""
    reasons = reasons or {}
    data = answers.get("data")
    enc = answers.get("encryption")
    acq = answers.get("acquirer")
    misuse = answers.get("misuse")
    mit = answers.get("mitigation")
    for key, scale, what, value in (
        ("data", US_DATA, "type of data", data),
        ("encryption", US_ENCRYPTION, "encryption", enc),
        ("acquirer", US_ACQUIRER, "who acquired the data", acq),
        ("misuse", US_MISUSE, "evidence of misuse", misuse),
        ("mitigation", US_MITIGATION, "mitigation", mit),
    ):
        _pick(scale, value, key, what)
    sensitive = data != "low"
    exposed = enc != "encrypted"
    if misuse == "confirmed":
        risk, why = "high", "misuse of the data is confirmed"
    elif acq == "malicious" and exposed and sensitive:
        risk, why = "high", "a bad actor acquired sensitive data that was readable"
    elif not exposed:
        risk, why = "none", "the data was encrypted and the key was not compromised"
    elif acq in ("internal", "trusted") and misuse == "none" and mit in ("full", "partial"):
        risk, why = (
            "none",
            "a good-faith or trusted recipient, no evidence of misuse, and the data contained",
        )
    elif misuse == "indications" or acq == "malicious":
        risk, why = "risk", "a bad actor or signs of misuse make harm reasonably likely"
    elif not sensitive and mit == "full":
        risk, why = "none", "low-sensitivity data, recovered or destroyed"
    elif mit == "full" and misuse == "none":
        risk, why = "unlikely", "no evidence of misuse and the data recovered or destroyed"
    else:
        risk, why = "risk", "readable data held by an unknown party: harm cannot be ruled out"
    factors = (
        Factor("data", "Type of data", US_DATA[data], None, reasons.get("data", "")),
        Factor("encryption", "Encryption and key", US_ENCRYPTION[enc], None,
               reasons.get("encryption", "")),
        Factor("acquirer", "Who acquired it", US_ACQUIRER[acq], None,
               reasons.get("acquirer", "")),
        Factor("misuse", "Evidence of misuse", US_MISUSE[misuse], None,
               reasons.get("misuse", "")),
        Factor("mitigation", "Mitigation", US_MITIGATION[mit], None,
               reasons.get("mitigation", "")),
    )  # fmt: skip
    return Result(
        "us_harm",
        risk,
        factors=factors,
        why=(f"{RISK_LABELS[risk]}: {why}",),
    )


def compute(method: str, answers: dict, reasons: dict | None = None) -> Result:
    if method == "enisa":
        return enisa(answers, reasons)
    if method == "us_harm":
        return us_harm(answers, reasons)
    raise AssessmentError("method", "choose ENISA severity or the US harm test")


# States whose harm test wants the no-harm determination in writing (kept for years) or sent to
# a regulator; where the law sets that sending as a duty, the rule book holds it with its clock
# (``US-FL-NOHARM``, ``US-VT-NOHARM``; Alaska's attorney-general notice is ``US-AK-AG``).
# state -> (years kept, or None where the text sets none; sent to whom and when; citation)
WRITTEN_DETERMINATION = {
    "US-AK": (5, "the Attorney General, in writing, before relying on it", "AS 45.48.010(c)"),
    "US-AR": (5, "", "Ark. Code 4-110-105(g)"),
    "US-FL": (5, "the Department of Legal Affairs within 30 days", "Fla. Stat. 501.171(4)(c)"),
    "US-IA": (5, "", "Iowa Code 715C.2(6)"),
    "US-LA": (
        5,
        "the Attorney General within 30 days of a written request",
        "La. Admin. Code tit. 16, pt. III, 701",
    ),
    "US-MO": (5, "", "Mo. Rev. Stat. 407.1500.2(5)"),
    "US-NJ": (5, "", "N.J.S.A. 56:8-163(a)"),
    "US-OR": (5, "", "ORS 646A.604"),
    "US-VT": (
        None,
        "the Attorney General (or the Department of Financial Regulation for its licensees), "
        "with a detailed explanation",
        "9 V.S.A. 2435(d)(1)",
    ),
}


def written_determination_duties(jurisdictions) -> list[dict]:
    """What the states among ``jurisdictions`` (codes) ask of a no-harm determination."""
    out = []
    for code in sorted(set(jurisdictions)):
        entry = WRITTEN_DETERMINATION.get(code)
        if entry:
            years, sent_to, citation = entry
            parts = []
            if years:
                parts.append(f"in writing and kept {years} years")
            if sent_to:
                parts.append(f"sent to {sent_to}")
            out.append(
                {
                    "jurisdiction": code,
                    "years": years,
                    "sent_to": sent_to,
                    "citation": citation,
                    "text": f"a no-harm determination must be {', and '.join(parts)}",
                }
            )
    return out
