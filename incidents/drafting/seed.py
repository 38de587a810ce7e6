"""The shipped English notice templates: a letter for every recipient kind, and the inserts that
rules require (credit agencies, FTC, security freeze, police report...).

Loaded by the migration that creates the templates and by ``seed_templates()``; afterwards they
are data that rules administrators change in the admin (each change versioned). A template that
exists is never overwritten here: the administrators' wording wins.

Contact details of the nationwide consumer reporting agencies and the FTC are the ones they
publish for consumers (equifax.com, experian.com, transunion.com, identitytheft.gov; reviewed
2026-12-06); the Massachusetts security-freeze wording follows M.G.L. c. 93H § 3(b) and
c. 93 § 56 (no charge for a freeze).
"""

from __future__ import annotations

_INDIVIDUALS = """# Notice of Data Breach

{{ notice_date }}

Dear {{ salutation }},

{{ organisation_name }} is writing to tell you about an incident that may involve your personal information. We take the protection of your information seriously, and we want you to know what happened, what we are doing, and what you can do.

## What Happened

{{ what_happened }}

{{ breach_dates }}

{{ law_enforcement_delay }}

## What Information Was Involved

{{ data_involved }}

{{ likely_consequences }}

## What We Are Doing

{{ measures_taken }}

## What You Can Do

{{ steps_individuals }}

{{ inserts }}

## For More Information

{{ contact_point }}

Sincerely,

{{ signatory }}
{{ organisation_name }}
"""

# Massachusetts: the resident notice must not state the nature of the breach or the number of
# residents affected (M.G.L. c. 93H § 3(b)), so this letter has no "What Happened" narrative.
_INDIVIDUALS_MA = """# Notice of Data Breach

{{ notice_date }}

Dear {{ salutation }},

{{ organisation_name }} is writing to let you know that personal information about you may have been involved in a data security incident, and to tell you about the steps you can take to protect yourself.

## What Information Was Involved

{{ data_involved }}

## What We Are Doing

{{ measures_taken }}

## What You Can Do

{{ steps_individuals }}

{{ inserts }}

## For More Information

{{ contact_point }}

Sincerely,

{{ signatory }}
{{ organisation_name }}
"""

_AUTHORITY = """# Notification of a personal data breach

To: {{ authority }}
From: {{ organisation_name }}, {{ organisation_address }}
Our reference: {{ reference }}
Date: {{ notice_date }}

## Nature of the personal data breach

{{ what_happened }}

{{ event_times }}

Categories of personal data concerned: {{ data_categories }}.

Categories and approximate number of data subjects concerned: {{ subjects_count }}

Approximate number of personal data records concerned: {{ records_count }}

## Contact point

{{ contact_point }}

## Likely consequences

{{ likely_consequences }}

## Measures taken or proposed

{{ measures_taken }}

Measures to mitigate possible adverse effects: {{ measures_to_mitigate }}

## Timing of this notification

{{ timing_statement }}

{{ phase_statement }}

{{ inserts }}

{{ signatory }}
{{ organisation_name }}
"""

_ATTORNEY_GENERAL = """# Notice of Data Breach to the {{ authority }}

{{ notice_date }}

To: {{ authority }}
From: {{ organisation_name }}, {{ organisation_address }}
Our reference: {{ reference }}

## Organisation reporting

{{ organisation_name }}, {{ organisation_address }}. Person reporting: {{ signatory }}.

## What happened

{{ what_happened }}

{{ event_times }}

Person responsible for the breach, if known: {{ root_cause }}

## Residents affected and information involved

Number of residents of {{ jurisdiction_name }} affected: {{ jurisdiction_count }}.

Personal information involved: {{ data_categories }}.

## What we are doing

{{ measures_taken }}

## Notice to residents

Residents were (or will be) notified on {{ notice_to_individuals_date }}. A sample copy of the notice to residents, without any personal information, is enclosed.

Credit monitoring or identity theft protection offered to residents: {{ credit_monitoring }}.

{{ law_enforcement_delay }}

{{ inserts }}

## Contact

{{ contact_point }}

{{ signatory }}
{{ organisation_name }}
"""

_CREDIT_AGENCIES = """# Notice of a data breach affecting consumers

{{ notice_date }}

To: {{ authority }}
From: {{ organisation_name }}, {{ organisation_address }}
Our reference: {{ reference }}

## Notice

We are notifying you of a breach of security affecting residents of {{ jurisdiction_name }}, as the law requires.

Number of residents affected: {{ jurisdiction_count }}.

Timing and distribution of the notices to residents: notices were (or will be) sent on {{ notice_to_individuals_date }} by {{ delivery_method }}.

Content of the notice: a sample copy is enclosed.

## Contact

{{ contact_point }}

{{ signatory }}
{{ organisation_name }}
"""

_MEDIA = """# Notice of Data Breach

{{ notice_date }}

## What Happened

{{ organisation_name }} is informing the public of a data security incident. {{ what_happened }}

{{ breach_dates }}

## What Information Was Involved

{{ data_involved }}

## What We Are Doing

{{ measures_taken }}

## What You Can Do

{{ steps_individuals }}

## For More Information

{{ contact_point }}
"""

_CONTROLLER = """# Notification of a personal data breach to the controller

To: {{ authority }}
From: {{ organisation_name }} (processor), {{ organisation_address }}
Our reference: {{ reference }}
Date: {{ notice_date }}

## What happened

We became aware of a personal data breach affecting personal data we process on your behalf. {{ what_happened }}

{{ event_times }}

## Data and people concerned

Categories of personal data concerned: {{ data_categories }}.

Approximate number of data subjects concerned: {{ subjects_count }}

## Likely consequences

{{ likely_consequences }}

## Measures taken or proposed

{{ measures_taken }}

## Contact point

{{ contact_point }}

We will give you further information as it becomes available, so that you can meet your own notification duties.
"""

_SERVICE_RECIPIENTS = """# Notice of a security incident affecting our services

To: {{ authority }}
From: {{ organisation_name }}
Our reference: {{ reference }}
Date: {{ notice_date }}

## What happened

{{ what_happened }}

{{ event_times }}

## Impact on the services we provide to you

{{ impact }}

## What we are doing

{{ measures_taken }}

## What you can do

{{ steps_recipients }}

## Contact

{{ contact_point }}
"""

_REGULATOR = """# Incident notification

To: {{ authority }}
From: {{ organisation_name }}, {{ organisation_address }}
Our reference: {{ reference }}
Date: {{ notice_date }}

## Description of the incident

{{ what_happened }}

{{ event_times }}

## Type and cause

{{ root_cause }}

## Impact

{{ impact }}

Personal information involved: {{ data_categories }}.

People affected: {{ subjects_count }}

## Measures taken or proposed

{{ measures_taken }}

## Status

{{ incident_status }}

## Contact point

{{ contact_point }}

{{ inserts }}
"""

_INTERNAL = """# Internal record of a breach

Reference: {{ reference }}
Recorded: {{ notice_date }}

## Facts

{{ what_happened }}

{{ event_times }}

## Effects

Personal information involved: {{ data_categories }}.

People affected: {{ subjects_count }}

{{ likely_consequences }}

## Remedial action taken

{{ measures_taken }}
"""

LETTERS = [
    ("individuals", "", "Letter to affected individuals (US model form headings)", _INDIVIDUALS),
    (
        "individuals",
        "US-MA",
        "Letter to Massachusetts residents (M.G.L. c. 93H § 3(b))",
        _INDIVIDUALS_MA,
    ),
    (
        "supervisory_authority",
        "",
        "Notification to a data protection authority (GDPR Art 33)",
        _AUTHORITY,
    ),
    ("attorney_general", "", "Notice to a state Attorney General", _ATTORNEY_GENERAL),
    ("state_agency", "", "Notice to a state agency", _ATTORNEY_GENERAL),
    (
        "consumer_reporting_agencies",
        "",
        "Notice to the consumer reporting agencies",
        _CREDIT_AGENCIES,
    ),
    ("media", "", "Notice to the media", _MEDIA),
    ("public", "", "Public notice", _MEDIA),
    (
        "controller",
        "",
        "Notification from a processor to the controller (GDPR Art 33(2))",
        _CONTROLLER,
    ),
    (
        "service_recipients",
        "",
        "Notice to service recipients and contract parties",
        _SERVICE_RECIPIENTS,
    ),
    ("sector_regulator", "", "Notification to a sector regulator", _REGULATOR),
    (
        "csirt_or_competent_authority",
        "",
        "Notification to a CSIRT or competent authority",
        _REGULATOR,
    ),
    ("internal", "", "Internal breach record (GDPR Art 33(5) and equivalents)", _INTERNAL),
]

_CRA_CONTACTS = """You can contact the three nationwide consumer reporting agencies:

Equifax, P.O. Box 105788, Atlanta, GA 30348-5788, 1-888-298-0045, www.equifax.com/personal/credit-report-services
Experian, P.O. Box 9554, Allen, TX 75013, 1-888-397-3742, www.experian.com/help
TransUnion, P.O. Box 2000, Chester, PA 19016, 1-888-909-8872, www.transunion.com/credit-help"""

_FTC = """You can learn more about protecting yourself, and report fraud, to the Federal Trade Commission: 600 Pennsylvania Avenue NW, Washington, DC 20580, 1-877-438-4338, www.identitytheft.gov and www.consumer.ftc.gov."""

_SECURITY_FREEZE = """Security freeze: you have the right to place a security freeze on your credit report, free of charge. A freeze stops a consumer reporting agency from releasing your credit report without your authorisation. To request one, contact each of the three agencies above by telephone, online or by mail, and give your full name, your Social Security number, your date of birth, your addresses of the past five years, proof of your current address (such as a utility bill), and a copy of a government-issued identity card. The agencies must place the freeze within one business day of a request made by telephone or online, and within three business days of a request by mail, and send you a PIN or password to lift it later. There is no charge to place, lift or remove a freeze."""

_POLICE_REPORT = """Police report: you have the right to obtain a police report about this incident. If you are a victim of fraud, you may also file a police report and ask for a copy of it."""

_FRAUD_ALERT = """Fraud alert: you can ask any one of the three agencies to place a free fraud alert on your credit file for one year; that agency tells the other two. An alert tells creditors to take extra steps to verify your identity before opening an account in your name."""

_CREDIT_MONITORING = (
    """Credit monitoring: we are offering you {{ credit_monitoring }} at no cost to you."""
)

_AG_CONTACT = """You can also contact your state Attorney General: {{ attorney_general_contact }}"""

_VIGILANT = """Remain vigilant: review your account statements and monitor your free credit reports (www.annualcreditreport.com, 1-877-322-8228) for activity you do not recognise, and report it to the institution concerned."""

_TOLL_FREE = """You can call us toll-free at {{ toll_free_number }}."""

_IDENTITY_THEFT = """If you believe your information has been misused, report it to the Federal Trade Commission at www.identitytheft.gov or 1-877-438-4338, and to your local police."""

_REASONS_FOR_DELAY = """Reasons for the delay: {{ reasons_for_delay }}"""

INSERTS = [
    ("credit_agencies_contact", "", "The consumer reporting agencies' contacts", _CRA_CONTACTS),
    ("ftc_contact", "", "The Federal Trade Commission's contacts", _FTC),
    ("security_freeze", "", "How to request a security freeze", _SECURITY_FREEZE),
    ("police_report", "", "The right to a police report", _POLICE_REPORT),
    ("fraud_alert", "", "How to place a fraud alert", _FRAUD_ALERT),
    ("credit_monitoring_offer", "", "The credit monitoring offer", _CREDIT_MONITORING),
    ("attorney_general_contact", "", "The state Attorney General's contacts", _AG_CONTACT),
    ("remain_vigilant", "", "Advice to remain vigilant", _VIGILANT),
    ("toll_free_number", "", "A toll-free number", _TOLL_FREE),
    ("identity_theft_advice", "", "Preventing and reporting identity theft", _IDENTITY_THEFT),
    ("reasons_for_delay", "", "Reasons for a late notification", _REASONS_FOR_DELAY),
]


def template_rows() -> list[dict]:
    """Every shipped template as field values of ``NoticeTemplate``."""
    rows = [
        {
            "kind": "letter",
            "recipient": recipient,
            "key": "",
            "language": "en",
            "jurisdiction": place,
            "name": name,
            "body": body,
        }
        for recipient, place, name, body in LETTERS
    ]
    rows += [
        {
            "kind": "insert",
            "recipient": "",
            "key": key,
            "language": "en",
            "jurisdiction": place,
            "name": name,
            "body": body,
        }
        for key, place, name, body in INSERTS
    ]
    return rows


def seed_templates(NoticeTemplate, NoticeTemplateChange=None) -> int:
    """Create the shipped templates that do not exist yet; returns how many were created."""
    created = 0
    for row in template_rows():
        lookup = {k: row[k] for k in ("kind", "recipient", "key", "language", "jurisdiction")}
        template, made = NoticeTemplate.objects.get_or_create(**lookup, defaults=row)
        if made:
            created += 1
            if NoticeTemplateChange is not None:
                NoticeTemplateChange.objects.create(
                    template=template,
                    version=1,
                    changed_by=None,
                    before=None,
                    after={k: row[k] for k in row},
                )
    return created
