"""The case list's table rows, its sortable column heads and its filter choices, written as HTML
here rather than in the template.

The list is the page people reload most: 25 rows of nine cells through the template engine cost
more than finding the cases (about 1.5 ms against 0.3 ms here), and the loops over the column
heads and the filter choices cost the template about as much again. The markup below is what
``templates/incidents/case_list.html`` would otherwise loop over; every text a person typed
goes through ``escape``.
"""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from html import escape  # the standard library's: Django's adds a lazy-text check per call
from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language

from accounts.templatetags.when import countdown, when

from .choices import IncidentStatus, Severity
from .listing import ListedCase

STATUS_LABELS = dict(IncidentStatus.choices)
SEVERITY_LABELS = dict(Severity.choices)
MAX_TITLE = 80
MAX_PLACES = 6
PRIVILEGED = ' <span class="badge badge-privileged">Privileged</span>'
OVERDUE_ROW = ' class="row-overdue"'
NO_DEADLINE = '<span class="muted">—</span>'
SORT_COLUMNS = (
    ("reference", "Reference"),
    ("title", "Title"),
    ("status", "Status"),
    ("severity", "Severity"),
    ("next_due", "Next deadline"),
    ("created", "Opened"),
)


@lru_cache(maxsize=512)
def head_html(params: tuple[tuple[str, str], ...], current_sort: str) -> SafeString:
    """The table's head row: each sortable column links to the list sorted by it (``params``:
    the other filters, kept), the current one with its arrow; a second click reverses it.
    Kept per filters and sort: the same few come back on every reload."""
    cells = []
    for key, label in SORT_COLUMNS:
        if current_sort == key:
            direction = "-" + key
        elif current_sort == "-" + key:
            direction = key
        else:  # newest cases first, but the earliest deadline first
            direction = "-created" if key == "created" else key
        arrow = ""
        if current_sort.lstrip("-") == key:
            arrow = " ▼" if current_sort.startswith("-") else " ▲"
        url = "?" + urlencode({**dict(params), "sort": direction})
        nowrap = ' class="nowrap"' if key == "next_due" else ""
        cells.append(f'<th{nowrap}><a href="{escape(url)}">{escape(label)}{arrow}</a></th>')
        if key == "title":
            cells.append("<th>Owner</th>")
        elif key == "next_due":
            cells.append('<th class="num">Open</th><th>Jurisdictions</th>')
    return mark_safe("<tr>" + "".join(cells) + "</tr>")  # noqa: S308 - built from escaped parts


# The filter form's fields, written out rather than rendered widget by widget.
FILTER_FIELDS = (
    ("q", "Search", '<input type="search" name="q" id="id_q" maxlength="200"'
     ' placeholder="Reference, title or description" value="{}">'),
    ("status", "Status", None),  # a select of the field's choices
    ("jurisdiction", "Jurisdiction", '<input type="text" name="jurisdiction" id="id_jurisdiction"'
     ' maxlength="10" size="8" placeholder="DE, US, US-CA" value="{}">'),
    ("owner", "Owner", '<input type="text" name="owner" id="id_owner" maxlength="150" size="12"'
     ' placeholder="username" value="{}">'),
    ("due_within", "Deadline", None),
)  # fmt: skip


def submitted(form, name: str) -> str:
    """What was submitted for ``name`` ("" for nothing), as the field shows it."""
    value = form[name].value()
    return "" if value is None else str(value)


def filters_html(form) -> SafeString:
    """The filter form's fields (with their errors, if any) and the kept sort."""
    errors = form.errors if form.is_bound else {}
    parts = []
    for name, label, control in FILTER_FIELDS:
        value = submitted(form, name)
        if control is None:
            choices = tuple(form.fields[name].choices)
            control_html = (
                f'<select name="{name}" id="id_{name}">{options_html(choices, value)}</select>'
            )
        else:
            control_html = control.format(escape(value))
        messages = errors.get(name)
        error_html = (
            f'<ul class="errorlist" id="id_{name}_error">'
            + "".join(f"<li>{escape(str(message))}</li>" for message in messages)
            + "</ul>"
            if messages
            else ""
        )
        parts.append(
            f'<div class="field{" field-error" if messages else ""}">'
            f'<label for="id_{name}">{label}:</label>{control_html}{error_html}</div>'
        )
    sort = submitted(form, "sort")
    if sort:
        parts.append(f'<input type="hidden" name="sort" value="{escape(sort)}">')
    return mark_safe("\n".join(parts))  # noqa: S308 - built from escaped parts


@lru_cache(maxsize=512)
def options_html(choices: tuple[tuple[str, str], ...], current: str) -> SafeString:
    """A select's options, ``current`` (the submitted value) selected."""
    return mark_safe(  # noqa: S308 - built from escaped parts
        "".join(
            f'<option value="{escape(str(value))}"{" selected" if str(value) == current else ""}>'
            f"{escape(str(text))}</option>"
            for value, text in choices
        )
    )


def rows_html(cases: list[ListedCase], now: datetime) -> SafeString:
    # One reverse() for the page, not one per row: the case URL differs only by its id.
    marker = 2**31 - 1
    url_head, url_tail = reverse("incidents:detail", args=[marker]).split(str(marker))
    # The reader's zone and language (British or American dates) are part of every kept text.
    reader = (timezone.get_current_timezone(), get_language())
    return mark_safe(  # noqa: S308 - built from escaped parts
        "".join(_row(case, f"{url_head}{case.pk}{url_tail}", now, reader) for case in cases)
    )


@lru_cache(maxsize=4096)
def _when(value: datetime, reader) -> str:
    # The same instants come back on every reload of a page; formatting one for the reader
    # (``reader``: the active zone and language, part of the key) costs more than its row.
    return when(value)


def _row(case: ListedCase, url: str, now: datetime, reader) -> str:
    title = case.title
    if len(title) > MAX_TITLE:
        title = Truncator(title).chars(MAX_TITLE)
    privileged = PRIVILEGED if case.privileged else ""
    if case.next_due:
        due = f"{_when(case.next_due, reader)}<br>{countdown(case.next_due)}"
    else:
        due = NO_DEADLINE
    overdue = case.overdue_obligations(now)
    badge = f' <span class="badge badge-overdue">{overdue} overdue</span>' if overdue else ""
    places = ", ".join(case.jurisdictions[:MAX_PLACES])
    if len(case.jurisdictions) > MAX_PLACES:
        places += " …"
    status = escape(case.status)
    return (
        f"<tr{OVERDUE_ROW if overdue else ''}>"
        f'<td class="nowrap" data-label="Reference">'
        f'<a href="{url}" class="case-ref">{escape(case.reference)}</a></td>'
        f'<td data-label="Title"><a href="{url}">{escape(title)}</a>{privileged}</td>'
        f'<td data-label="Owner">{escape(case.owner)}</td>'
        f'<td data-label="Status"><span class="badge badge-{status}">'
        f"{escape(STATUS_LABELS.get(case.status, case.status))}</span></td>"
        f'<td data-label="Severity">'
        f"{escape(SEVERITY_LABELS.get(case.severity, case.severity))}</td>"
        f'<td class="nowrap" data-label="Next deadline">{due}</td>'
        f'<td class="num" data-label="Open">{case.open_obligations}{badge}</td>'
        f'<td class="small" data-label="Jurisdictions">{escape(places)}</td>'
        f'<td class="nowrap small" data-label="Opened">{_when(case.created_at, reader)}</td>'
        "</tr>\n"
    )
