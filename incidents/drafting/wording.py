"""How the facts of a case read in a notice: data categories in plain words, the risks they
carry, dates in the reader's zone. Pure functions, table-tested."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

# Each data category of the facts format as a notice names it (plural, plain words).
DATA_WORDS = {
    "name": "names",
    "contact": "contact details (such as email and postal addresses, telephone numbers)",
    "date_of_birth": "dates of birth",
    "ssn": "Social Security numbers",
    "national_id": "national identification numbers",
    "drivers_license": "driver's licence or state identification card numbers",
    "passport": "passport numbers",
    "military_id": "military identification numbers",
    "tax_id": "tax identification numbers",
    "tax_withholding": "the income tax withheld from pay",
    "employee_id": "identification numbers assigned by an employer",
    "mothers_maiden_name": "mothers' maiden names",
    "vital_record": "birth or marriage certificates",
    "electronic_signature": "electronic or digital signatures",
    "financial_account": "financial account numbers",
    "payment_card": "payment card numbers",
    "account_credentials": "online account user names and passwords",
    "medical": "medical information",
    "health_insurance": "health insurance information",
    "biometric": "biometric data",
    "genetic": "genetic data",
    "location": "location data",
    "special_category": "special categories of personal data (GDPR Art 9)",
    "children": "children's personal data",
    "other": "other personal information",
}

# The likely consequence each category carries (neutral wording: letters to people and to
# authorities both use it).
RISKS = {
    "ssn": "identity theft, such as accounts opened in someone else's name",
    "national_id": "identity fraud",
    "drivers_license": "identity fraud",
    "passport": "identity fraud",
    "military_id": "identity fraud",
    "tax_id": "tax-related identity fraud",
    "tax_withholding": "tax-related identity fraud, such as a false tax return filed for a refund",
    "employee_id": "unauthorised access to employment and payroll accounts",
    "mothers_maiden_name": "answers to security questions being used to take over accounts",
    "vital_record": "identity fraud",
    "electronic_signature": "documents or transactions signed in someone else's name",
    "financial_account": "fraudulent transactions on financial accounts",
    "payment_card": "fraudulent payment card charges",
    "account_credentials": "unauthorised sign-in to online accounts",
    "medical": "disclosure of sensitive health information and medical identity fraud",
    "health_insurance": "medical identity fraud",
    "contact": "targeted phishing emails, calls or letters",
    "biometric": "misuse of biometric identifiers, which cannot be changed",
    "genetic": "disclosure of sensitive genetic information",
    "special_category": "discrimination or distress from disclosure of sensitive information",
    "location": "disclosure of where people live or go",
}

# What a person can do about each category.
ADVICE = {
    "payment_card": "Check your card statements and tell your card issuer about any charge you "
    "do not recognise; you can ask for a new card.",
    "financial_account": "Review your bank statements and tell your bank about any transaction "
    "you do not recognise.",
    "account_credentials": "Change your password for this account and for any other account "
    "where you use the same password, and turn on two-step verification.",
    "contact": "Be careful with emails, calls or letters asking for personal information or "
    "payment, even if they seem to come from us; we will never ask for your password.",
    "ssn": "Watch your credit reports for accounts you did not open.",
}

CAUSE_WORDS = {
    "external_attack": "an attack on our systems by an outside party",
    "ransomware": "a ransomware attack",
    "insider_misuse": "misuse of access by an insider",
    "loss_or_theft": "the loss or theft of a device or documents",
    "misdirected_disclosure": "information sent to the wrong recipient",
    "system_failure": "a system failure",
    "other": "",
}

US_STYLE = ("US", "PR", "GU", "VI", "AS", "MP")


def join_words(items: list[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


# The same, for one person's letter ("your name, Social Security number ...").
DATA_WORDS_ONE = {
    "name": "name",
    "contact": "contact details (such as your email or postal address and telephone number)",
    "date_of_birth": "date of birth",
    "ssn": "Social Security number",
    "national_id": "national identification number",
    "drivers_license": "driver's licence or state identification card number",
    "passport": "passport number",
    "military_id": "military identification number",
    "tax_id": "tax identification number",
    "tax_withholding": "income tax withheld from your pay",
    "employee_id": "identification number assigned by your employer",
    "mothers_maiden_name": "mother's maiden name",
    "vital_record": "birth or marriage certificate",
    "electronic_signature": "electronic or digital signature",
    "financial_account": "financial account number",
    "payment_card": "payment card number",
    "account_credentials": "online account user name and password",
    "medical": "medical information",
    "health_insurance": "health insurance information",
    "biometric": "biometric data",
    "genetic": "genetic data",
    "location": "location data",
    "special_category": "sensitive personal data",
    "children": "children's personal data",
    "other": "other personal information",
}


def data_words(categories: list[str], *, one_person: bool = False) -> str:
    words = DATA_WORDS_ONE if one_person else DATA_WORDS
    return join_words([words.get(c, c.replace("_", " ")) for c in categories])


def risks(categories: list[str]) -> list[str]:
    seen: list[str] = []
    for c in categories:
        risk = RISKS.get(c)
        if risk and risk not in seen:
            seen.append(risk)
    return seen


def advice(categories: list[str]) -> list[str]:
    return [ADVICE[c] for c in categories if c in ADVICE]


def us_style(jurisdiction: str) -> bool:
    return (jurisdiction or "").split("-")[0] in US_STYLE


def date_text(value: datetime, zone: ZoneInfo, *, us: bool) -> str:
    """A date as a letter writes it, in ``zone``: "March 20, 2026" (US) or "20 March 2026"."""
    local = value.astimezone(zone)
    return f"{local:%B} {local.day}, {local.year}" if us else f"{local.day} {local:%B %Y}"


def time_text(value: datetime, zone: ZoneInfo, *, us: bool) -> str:
    """A moment in the reader's zone, with UTC beside it so no reader has to convert:
    "March 20, 2026 at 2:00 AM PDT (09:00 UTC)" / "20 March 2026 at 10:00 CET (09:00 UTC)"."""
    local = value.astimezone(zone)
    utc = value.astimezone(ZoneInfo("UTC"))
    clock = local.strftime("%I:%M %p").lstrip("0") if us else local.strftime("%H:%M")
    abbreviation = local.tzname() or ""
    if abbreviation == "UTC":
        return f"{date_text(value, zone, us=us)} at {clock} UTC"
    return f"{date_text(value, zone, us=us)} at {clock} {abbreviation} ({utc:%H:%M} UTC)"


def count_text(count: int) -> str:
    return f"{count:,}"
