"""A rule's notice content in the console: the model field, a readable summary and its changes.

The data and its validation live in ``jurisdictions.engine.notice_content``; this module only
presents them to people (the admin's read-only summary beside the JSON, the preview's "what
changes" table and the rule history).
"""

from __future__ import annotations

from django.utils.html import format_html, format_html_join

from jurisdictions.notice_vocabulary import DELIVERY_METHODS

NOTICE_CONTENT_FIELD = {
    "verbose_name": "notice content",
    "default": dict,
    "blank": True,
    "help_text": "What the notice must and must not say: required elements with the clause each "
    "comes from, forbidden content, title and headings, format, delivery methods and "
    'attachments. E.g. {"profile": "us-ca-1798.82"} for a shared profile (jurisdictions/'
    "rulebook/notice_content.yaml), optionally with elements_add / elements_remove; or "
    '{"silent": true, "note": "...", "source": "..."} when the law says nothing about content. '
    "Empty: not recorded.",
}


def _sourced(text: str, source: str | None):
    if source:
        return format_html("{} <small class='muted'>({})</small>", text, source)
    return format_html("{}", text)


def summary_html(block: dict | None):
    """The requirements as a reader would check them: headings, elements, forbidden, delivery."""
    if not block:
        return format_html("<p>{}</p>", "No content requirements recorded.")
    parts = []
    head = "The law says nothing about the notice's content." if block.get("silent") else ""
    if block.get("profile"):
        head = f"{head} From profile {block['profile']}.".strip()
    confidence = block.get("confidence")
    parts.append(
        format_html(
            "<p>{} <b>Source:</b> {}{}</p>",
            head,
            block.get("source") or "-",
            f" (confidence: {confidence})" if confidence and confidence != "high" else "",
        )
    )
    if block.get("note"):
        parts.append(format_html("<p>{}</p>", block["note"]))
    if block.get("title"):
        title = block["title"]
        parts.append(
            format_html("<p><b>Title:</b> {}</p>", _sourced(title["text"], title["source"]))
        )
    if block.get("headings"):
        parts.append(
            format_html(
                "<p><b>Headings, in order:</b></p><ol>{}</ol>",
                format_html_join("", "<li>{}</li>", ((h["text"],) for h in block["headings"])),
            )
        )
    for name, caption in (
        ("elements", "Must say"),
        ("forbidden", "Must not say"),
        ("attachments", "Attachments owed"),
    ):
        items = block.get(name) or []
        if not items:
            continue
        rows = []
        for item in items:
            extra = " ".join(
                x
                for x in (
                    f"Only {item['condition']}." if item.get("condition") else "",
                    item.get("guidance") or "",
                    f"Confidence: {item['confidence']}." if item.get("confidence") else "",
                    item.get("note") or "",
                )
                if x
            )
            rows.append((_sourced(item["label"], item.get("source")), extra))
        parts.append(
            format_html(
                "<p><b>{}:</b></p><ul>{}</ul>",
                caption,
                format_html_join("", "<li>{}<br><small>{}</small></li>", rows),
            )
        )
    fmt = block.get("format") or {}
    if fmt:
        bits = []
        if fmt.get("min_type_pt"):
            bits.append(f"type at least {fmt['min_type_pt']} point")
        if fmt.get("plain_language"):
            bits.append("plain language")
        if fmt.get("languages"):
            bits.append("language: " + ", ".join(fmt["languages"]))
        if fmt.get("notes"):
            bits.append(fmt["notes"])
        parts.append(
            format_html("<p><b>Format:</b> {}</p>", _sourced("; ".join(bits), fmt.get("source")))
        )
    if block.get("delivery"):
        rows = [
            (
                DELIVERY_METHODS.get(d["method"], d["method"]),
                f" - {d['condition']}" if d.get("condition") else "",
                f" ({d['source']})" if d.get("source") else "",
            )
            for d in block["delivery"]
        ]
        parts.append(
            format_html(
                "<p><b>Delivery allowed:</b></p><ul>{}</ul>",
                format_html_join("", "<li>{}{}<small>{}</small></li>", rows),
            )
        )
    return format_html_join("", "{}", ((p,) for p in parts))


def _labels(items: list, key: str = "key") -> dict:
    return {i.get(key): i for i in items or []}


def describe_change(before: dict | None, after: dict | None) -> list[str]:
    """What changed between two notice-content blocks, one sentence per change."""
    before, after = before or {}, after or {}
    if before == after:
        return []
    lines = []
    if not before:
        lines.append(
            "Content requirements added"
            + (f" (profile {after['profile']})" if after.get("profile") else "")
        )
        before = {"profile": after.get("profile"), "source": after.get("source"), "silent": False}
        before.update(
            confidence=after.get("confidence"), note=after.get("note"), sources=after.get("sources")
        )
    if not after:
        return ["Content requirements removed"]
    for name in ("profile", "source", "confidence", "note"):
        if before.get(name) != after.get(name):
            lines.append(
                f"{name.capitalize()}: {before.get(name) or '(none)'} -> "
                f"{after.get(name) or '(none)'}"
            )
    if before.get("silent") != after.get("silent"):
        lines.append(
            "Now: the law says nothing about content"
            if after.get("silent")
            else "Now: the law lists content"
        )
    title_b = (before.get("title") or {}).get("text")
    title_a = (after.get("title") or {}).get("text")
    if title_b != title_a:
        lines.append(f"Title: {title_b or '(none)'} -> {title_a or '(none)'}")
    heads_b = [h["text"] for h in before.get("headings") or []]
    heads_a = [h["text"] for h in after.get("headings") or []]
    if heads_b != heads_a:
        lines.append(
            f"Headings: {', '.join(heads_b) or '(none)'} -> {', '.join(heads_a) or '(none)'}"
        )
    for name, caption, key in (
        ("elements", "Required element", "key"),
        ("forbidden", "Forbidden content", "key"),
        ("attachments", "Attachment", "key"),
        ("delivery", "Delivery method", "method"),
    ):
        old, new = _labels(before.get(name), key), _labels(after.get(name), key)
        for k in new.keys() - old.keys():
            lines.append(f"{caption} added: {new[k].get('label') or DELIVERY_METHODS.get(k, k)}")
        for k in old.keys() - new.keys():
            lines.append(f"{caption} removed: {old[k].get('label') or DELIVERY_METHODS.get(k, k)}")
        for k in old.keys() & new.keys():
            if old[k] != new[k]:
                lines.append(
                    f"{caption} changed: {new[k].get('label') or DELIVERY_METHODS.get(k, k)}"
                )
    if (before.get("format") or {}) != (after.get("format") or {}):
        lines.append(
            f"Format: {before.get('format') or '(none)'} -> {after.get('format') or '(none)'}"
        )
    if before.get("sources") != after.get("sources"):
        lines.append("Sources changed")
    return lines or ["Content requirements changed"]


def in_brief(block: dict | None) -> str:
    """A notice-content block in one line, e.g. 'profile us-ca-1798.82: title, 5 headings, 9
    required elements'."""
    if not block:
        return "(none)"
    if block.get("silent"):
        parts = ["the law says nothing about content"]
    else:
        parts = []
        if block.get("title"):
            parts.append("title")
        for name, word in (
            ("headings", "heading"),
            ("elements", "required element"),
            ("forbidden", "forbidden item"),
        ):
            count = len(block.get(name) or [])
            if count:
                parts.append(f"{count} {word}{'s' if count != 1 else ''}")
    head = f"profile {block['profile']}: " if block.get("profile") else ""
    return head + ", ".join(parts)


def readable_difference(name: str, before, after) -> tuple:
    """(before, after) as a change table shows them: notice content in words, others as is."""
    if name != "notice_content":
        return before, after
    return in_brief(before), "; ".join(describe_change(before, after)) or in_brief(after)
