"""The register as CSV: one row per case, the same entries as the page and the JSON API."""

from __future__ import annotations

import csv
import io

from accounts.templatetags.when import local_text

COLUMNS = (
    ("reference", "Reference"),
    ("title", "Title"),
    ("organisation", "Organisation"),
    ("privileged", "Privileged"),
    ("classification", "Classification"),
    ("discovered_at", "Discovered"),
    ("aware_at", "Aware"),
    ("data", "Data affected"),
    ("affected", "People affected"),
    ("jurisdictions", "Where they live"),
    ("cause", "Cause"),
    ("effects", "Effects"),
    ("remedial_action", "Remedial action"),
    ("risk_of_harm", "Risk of harm"),
    ("notified", "Notified"),
    ("notifications", "Notifications made"),
    ("decision", "Decision"),
    ("reasons", "Reasons"),
)


def _safe(value: str) -> str:
    # A cell starting with = + - @ is a formula to a spreadsheet: quote it so it stays text.
    if value and value[0] in "=+-@\t\r":
        return "'" + value
    return value


def row(entry) -> dict:
    from assessments.scales import RISK_LABELS

    inc = entry.incident
    return {
        "reference": inc.reference,
        "title": inc.title,
        "organisation": entry.organisation,
        "privileged": "Yes" if inc.privileged else "No",
        "classification": entry.classification_label,
        "discovered_at": local_text(entry.discovered_at) if entry.discovered_at else "",
        "aware_at": local_text(entry.aware_at) if entry.aware_at else "",
        "data": "; ".join(entry.data),
        "affected": str(entry.affected_total),
        "jurisdictions": " ".join(entry.jurisdictions),
        "cause": entry.cause,
        "effects": entry.effects,
        "remedial_action": entry.remedial_action,
        "risk_of_harm": RISK_LABELS.get(entry.risk_of_harm, "Not yet assessed"),
        "notified": "Yes" if entry.notified else "No",
        "notifications": "; ".join(
            f"{n.recipient} ({n.regime}) {local_text(n.sent_at)}" for n in entry.notifications
        ),
        "decision": entry.decision,
        "reasons": " | ".join(entry.reasons),
    }


def register_csv(entries, *, machine: bool = False) -> str:
    """People's download: labelled columns. ``machine`` (the API): the JSON keys as the header,
    ``notified`` as true/false, times in ISO 8601 UTC."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([key if machine else label for key, label in COLUMNS])
    for entry in entries:
        values = row(entry)
        if machine:
            data = entry.as_dict()
            values["notified"] = "true" if entry.notified else "false"
            values["privileged"] = "true" if entry.incident.privileged else "false"
            values["discovered_at"] = data["discovered_at"] or ""
            values["aware_at"] = data["aware_at"] or ""
            values["classification"] = entry.classification
            values["risk_of_harm"] = entry.risk_of_harm
        writer.writerow([_safe(values[key]) for key, _ in COLUMNS])
    return out.getvalue()
