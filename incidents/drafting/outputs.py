"""A notice draft as people use it: a PDF (WeasyPrint, ``incidents.pdf``), a Word document
(python-docx) for counsel who edit in Word, and plain text. Callers pass a draft of a case they
read through ``visible_to``."""

from __future__ import annotations

import io

from django.utils.html import escape

from incidents.pdf import render_pdf

from . import checklist, render


def _inline_html(text: str) -> str:
    """Escaped text with its gap markers highlighted and its lines kept."""
    out = []
    last = 0
    for match in checklist.GAP_RE.finditer(text):
        out.append(escape(text[last : match.start()]))
        out.append(f'<span class="gap">{escape(match.group(0))}</span>')
        last = match.end()
    out.append(escape(text[last:]))
    return "".join(out).replace("\n", "<br>")


def draft_html(text: str) -> str:
    parts = []
    for kind, body in render.blocks(text):
        if kind == "title":
            parts.append(f"<h1>{_inline_html(body)}</h1>")
        elif kind == "heading":
            parts.append(f"<h2>{_inline_html(body)}</h2>")
        else:
            parts.append(f"<p>{_inline_html(body)}</p>")
    return "\n".join(parts)


def _min_type(draft) -> float:
    fmt = (draft.requirements or {}).get("format") or {}
    try:
        return max(10.5, float(fmt.get("min_type_pt") or 0))
    except (TypeError, ValueError):
        return 10.5


def draft_reference(draft, version) -> str:
    return f"{draft.incident.reference} · {draft.rule_code} · version {version.number}"


def draft_pdf(draft, version, *, sent: bool = False) -> bytes:
    """The PDF of one version: the privilege banner while the case is privileged and the
    notice unsent; the reference, rule and version on every page."""
    privileged = bool(draft.incident.privileged) and not sent
    title = render.title_and_headings(version.text)[0] or f"Notice {draft.rule_code}"
    return render_pdf(
        draft_html(version.text),
        reference=draft_reference(draft, version),
        privileged=privileged,
        title=title,
        min_type_pt=_min_type(draft),
    )


def draft_docx(draft, version) -> bytes:
    """A Word document of one version: title and headings as Word headings, gaps highlighted,
    the reference in the page header (and the privilege label while it applies)."""
    from docx import Document
    from docx.enum.text import WD_COLOR_INDEX
    from docx.shared import Pt

    from incidents.pdf import PRIVILEGE_BANNER

    document = Document()
    style = document.styles["Normal"]
    style.font.size = Pt(_min_type(draft) + 0.5)
    header = document.sections[0].header.paragraphs[0]
    label = draft_reference(draft, version)
    if draft.is_privileged:
        label = f"{PRIVILEGE_BANNER} · {label}"
    header.text = label
    for kind, body in render.blocks(version.text):
        if kind == "title":
            document.add_heading(body, level=1)
            continue
        if kind == "heading":
            document.add_heading(body, level=2)
            continue
        paragraph = document.add_paragraph()
        last = 0
        for match in checklist.GAP_RE.finditer(body):
            paragraph.add_run(body[last : match.start()])
            run = paragraph.add_run(match.group(0))
            run.bold = True
            run.font.highlight_color = WD_COLOR_INDEX.YELLOW
            last = match.end()
        paragraph.add_run(body[last:])
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
