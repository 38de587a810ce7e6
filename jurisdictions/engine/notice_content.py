"""What a notice must (and must not) say, as rule data: validation and profile resolution.

A rule's ``notice_content`` lists the law's content requirements for the notice: required
elements (each with the clause it comes from), forbidden content, a required title and headings,
format constraints, the delivery methods allowed and the attachments owed. Requirements shared by
many rules are *profiles* in ``jurisdictions/rulebook/notice_content.yaml``; a rule refers to one
with ``{profile: NAME}`` and may override any key, or add to and remove from its lists with
``elements_add`` / ``elements_remove`` (and the same for ``forbidden``, ``headings``,
``delivery`` and ``attachments``). A profile may itself start from another profile.

``check_notice_content`` returns the *resolved* form, with every key present and the profile
name kept: that is what the database stores and ``export_rules`` writes. A block that has every
key is taken as already resolved (its profile name is only a record of where it came from), so
resolving is idempotent and an exported rule book imports unchanged even after the shipped
profiles move on. ``{}`` means nothing is recorded (an organisation's own contract clause, say);
``silent: true`` means the law says nothing about content (with a note and the source).

No Django import; the element keys come from ``jurisdictions.notice_vocabulary``.
"""

from __future__ import annotations

import difflib
from functools import cache
from pathlib import Path
from typing import Any

from jurisdictions.notice_vocabulary import ATTACHMENTS, DELIVERY_METHODS, ELEMENTS, FORBIDDEN

PROFILES_FORMAT = "breachclock.notice-profiles/1"
FIELD = "notice_content"
CONFIDENCE = ("high", "medium", "low")
# Every key of the resolved form, in the order the file and the admin show them.
RESOLVED_KEYS = (
    "profile",
    "silent",
    "source",
    "sources",
    "confidence",
    "note",
    "title",
    "headings",
    "elements",
    "forbidden",
    "format",
    "delivery",
    "attachments",
)
LISTS = ("headings", "elements", "forbidden", "delivery", "attachments")
EDIT_KEYS = tuple(f"{name}_{op}" for name in LISTS for op in ("add", "remove"))
FORMAT_KEYS = ("min_type_pt", "plain_language", "languages", "notes", "source")


class NoticeContentError(ValueError):
    """A notice-content block that cannot be used; ``message`` says where, in words."""

    def __init__(self, message: str):
        self.message = message
        super().__init__(message)


def default_profiles_path() -> Path:
    return Path(__file__).resolve().parent.parent / "rulebook" / "notice_content.yaml"


@cache
def shipped_profiles() -> dict[str, dict]:
    """The profiles shipped with the code (read once per process)."""
    return read_profiles(default_profiles_path())


def read_profiles(path) -> dict[str, dict]:
    import yaml

    path = Path(path)
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as handle:
        doc = yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506
    if not isinstance(doc, dict) or doc.get("format") != PROFILES_FORMAT:
        raise NoticeContentError(f"{path}: not a notice-profiles file (format {PROFILES_FORMAT})")
    profiles = doc.get("profiles") or {}
    if not isinstance(profiles, dict):
        raise NoticeContentError(f"{path}: profiles must be a map of name to requirements")
    return profiles


def empty_block() -> dict:
    return {
        "profile": None,
        "silent": False,
        "source": "",
        "sources": [],
        "confidence": "high",
        "note": "",
        "title": None,
        "headings": [],
        "elements": [],
        "forbidden": [],
        "format": {},
        "delivery": [],
        "attachments": [],
    }


# --------------------------------------------------------------------------- resolution


def _suggest(word: str, known) -> str:
    close = difflib.get_close_matches(str(word), list(known), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def _is_resolved(value: dict) -> bool:
    return all(key in value for key in RESOLVED_KEYS)


def _item_key(name: str, item: Any) -> Any:
    if not isinstance(item, dict):
        return item
    if name == "delivery":
        return item.get("method")
    if name == "headings":
        return item.get("text")
    return item.get("key")


def _edit_list(name: str, items: list, add: Any, remove: Any) -> list:
    out = list(items)
    if remove is not None:
        if not isinstance(remove, list):
            raise NoticeContentError(f"{name}_remove must be a list of keys")
        gone = set(remove)
        missing = gone - {_item_key(name, i) for i in out}
        if missing:
            raise NoticeContentError(
                f"{name}_remove names {sorted(map(str, missing))[0]!r}, "
                "which the profile does not have"
            )
        out = [i for i in out if _item_key(name, i) not in gone]
    if add is not None:
        if not isinstance(add, list):
            raise NoticeContentError(f"{name}_add must be a list")
        for item in add:
            key = _item_key(name, item)
            same = [n for n, i in enumerate(out) if _item_key(name, i) == key]
            if same and key is not None:
                out[same[0]] = item  # an override of the profile's entry, in its place
            else:
                out.append(item)
    return out


def _resolve(value: dict, profiles: dict, trail: tuple[str, ...]) -> dict:
    name = value.get("profile")
    if name is not None and not isinstance(name, str):
        raise NoticeContentError("profile must be a profile name")
    base: dict = {}
    if name and not _is_resolved(value):
        if name in trail:
            raise NoticeContentError(f"profiles refer to each other: {' -> '.join((*trail, name))}")
        if name not in profiles:
            raise NoticeContentError(
                f"unknown profile {name!r}{_suggest(name, profiles)} "
                "(profiles live in jurisdictions/rulebook/notice_content.yaml)"
            )
        raw = profiles[name]
        if not isinstance(raw, dict):
            raise NoticeContentError(f"profile {name!r} must be a map")
        base = _resolve(raw, profiles, (*trail, name))
    merged = {**base, **{k: v for k, v in value.items() if k not in EDIT_KEYS}}
    for key in LISTS:
        add, remove = value.get(f"{key}_add"), value.get(f"{key}_remove")
        if add is not None or remove is not None:
            merged[key] = _edit_list(key, merged.get(key) or [], add, remove)
    merged["profile"] = name or base.get("profile")
    return merged


# --------------------------------------------------------------------------- validation


def _text(where: str, value: Any, *, required: bool) -> str:
    if value is None or value == "":
        if required:
            raise NoticeContentError(f"{where} is required")
        return ""
    if not isinstance(value, str):
        raise NoticeContentError(f"{where} must be text (got {value!r})")
    return value


def _map(where: str, value: Any, allowed: tuple[str, ...]) -> dict:
    if not isinstance(value, dict):
        raise NoticeContentError(f"{where} must be a map with {', '.join(allowed)}")
    unknown = sorted(set(value) - set(allowed))
    if unknown:
        raise NoticeContentError(
            f"{where} has an unknown field {unknown[0]!r}{_suggest(unknown[0], allowed)} "
            f"(known: {', '.join(allowed)})"
        )
    return value


def _confidence(where: str, value: Any, default: str | None) -> str | None:
    if value is None:
        return default
    if value not in CONFIDENCE:
        raise NoticeContentError(f"{where} must be high, medium or low (got {value!r})")
    return value


def _keyed(kind: str, items: Any, table: dict, allowed: tuple[str, ...], *, label_from_table: bool):
    if not isinstance(items, list):
        raise NoticeContentError(f"{kind}s must be a list")
    out, seen = [], set()
    for n, item in enumerate(items, start=1):
        where = f"{kind} {n}"
        item = _map(where, item, allowed)
        key = item.get("key")
        if key not in table:
            raise NoticeContentError(
                f"{where}: {key!r} is not a known {kind} key{_suggest(key, table)} "
                f"(the keys are listed in jurisdictions/notice_vocabulary.py)"
            )
        where = f"{kind} {n} ({key})"
        if key in seen:
            raise NoticeContentError(f"{where} is listed twice")
        seen.add(key)
        entry = {"key": key}
        entry["label"] = _text(f"{where}: label", item.get("label"), required=not label_from_table)
        entry["label"] = entry["label"] or table[key].label
        entry["source"] = _text(
            f"{where}: source (the clause it comes from)", item.get("source"), required=True
        )
        for name in allowed:
            if name in ("key", "label", "source"):
                continue
            if name == "confidence":
                conf = _confidence(f"{where}: confidence", item.get(name), None)
                if conf:
                    entry[name] = conf
            elif item.get(name) not in (None, ""):
                entry[name] = _text(f"{where}: {name}", item.get(name), required=False)
        out.append(entry)
    return out


def _texts(kind: str, items: Any) -> list[dict]:
    if not isinstance(items, list):
        raise NoticeContentError(f"{kind}s must be a list of {{text, source}}")
    out = []
    for n, item in enumerate(items, start=1):
        item = _map(f"{kind} {n}", item, ("text", "source"))
        out.append(
            {
                "text": _text(f"{kind} {n}: text", item.get("text"), required=True),
                "source": _text(f"{kind} {n}: source", item.get("source"), required=True),
            }
        )
    return out


def _format(value: Any) -> dict:
    if value in (None, {}):
        return {}
    value = _map("format", value, FORMAT_KEYS)
    out: dict = {}
    if value.get("min_type_pt") is not None:
        size = value["min_type_pt"]
        if isinstance(size, bool) or not isinstance(size, int | float) or size <= 0:
            raise NoticeContentError(
                f"format: min_type_pt must be a type size in points (got {size!r})"
            )
        out["min_type_pt"] = size
    if value.get("plain_language") is not None:
        if not isinstance(value["plain_language"], bool):
            raise NoticeContentError("format: plain_language must be true or false")
        out["plain_language"] = value["plain_language"]
    if value.get("languages") is not None:
        langs = value["languages"]
        if not isinstance(langs, list) or not all(isinstance(x, str) and x for x in langs):
            raise NoticeContentError(
                "format: languages must be a list of language codes, e.g. [en]"
            )
        out["languages"] = list(langs)
    for name in ("notes", "source"):
        if value.get(name):
            out[name] = _text(f"format: {name}", value[name], required=False)
    return out


def _delivery(items: Any) -> list[dict]:
    if not isinstance(items, list):
        raise NoticeContentError("delivery must be a list of {method, condition, source}")
    out = []
    for n, item in enumerate(items, start=1):
        item = _map(f"delivery {n}", item, ("method", "condition", "source", "note"))
        method = item.get("method")
        if method not in DELIVERY_METHODS:
            raise NoticeContentError(
                f"delivery {n}: {method!r} is not a delivery method"
                f"{_suggest(method, DELIVERY_METHODS)} "
                f"(known: {', '.join(DELIVERY_METHODS)})"
            )
        entry = {"method": method}
        for name in ("condition", "source", "note"):
            if item.get(name):
                entry[name] = _text(f"delivery {n} ({method}): {name}", item[name], required=False)
        out.append(entry)
    return out


def normalise(value: dict) -> dict:
    """Validate a resolved block and return it in the stored form (every key present)."""
    unknown = sorted(set(value) - set(RESOLVED_KEYS))
    if unknown:
        raise NoticeContentError(
            f"unknown field {unknown[0]!r}{_suggest(unknown[0], RESOLVED_KEYS + EDIT_KEYS)} "
            f"(known: {', '.join(RESOLVED_KEYS + EDIT_KEYS)})"
        )
    out = empty_block()
    out["profile"] = value.get("profile") or None
    silent = value.get("silent", False)
    if not isinstance(silent, bool):
        raise NoticeContentError("silent must be true or false")
    out["silent"] = silent
    out["source"] = _text(
        "source (the clause for the whole block)", value.get("source"), required=True
    )
    sources = value.get("sources") or []
    if not isinstance(sources, list) or not all(isinstance(s, str) and s.strip() for s in sources):
        raise NoticeContentError("sources must be a list of references (URLs or documents)")
    out["sources"] = list(sources)
    out["confidence"] = _confidence("confidence", value.get("confidence"), "high")
    out["note"] = _text("note", value.get("note"), required=silent)
    title = value.get("title")
    if title is not None:
        title = _map("title", title, ("text", "source"))
        out["title"] = {
            "text": _text("title: text", title.get("text"), required=True),
            "source": _text("title: source", title.get("source"), required=True),
        }
    out["headings"] = _texts("heading", value.get("headings") or [])
    out["elements"] = _keyed(
        "element",
        value.get("elements") or [],
        ELEMENTS,
        ("key", "label", "source", "guidance", "condition", "confidence", "note"),
        label_from_table=True,
    )
    out["forbidden"] = _keyed(
        "forbidden",
        value.get("forbidden") or [],
        FORBIDDEN,
        ("key", "label", "source", "confidence", "note"),
        label_from_table=True,
    )
    out["format"] = _format(value.get("format"))
    out["delivery"] = _delivery(value.get("delivery") or [])
    out["attachments"] = _keyed(
        "attachment",
        value.get("attachments") or [],
        ATTACHMENTS,
        ("key", "label", "source", "condition", "confidence", "note"),
        label_from_table=True,
    )
    if silent and (out["elements"] or out["forbidden"] or out["title"] or out["headings"]):
        raise NoticeContentError(
            "a silent law has no required elements, forbidden content, title or headings "
            "(set silent: false to list them)"
        )
    owed = out["elements"] or out["forbidden"] or out["title"] or out["headings"]
    if not silent and not (owed or out["attachments"]):
        raise NoticeContentError(
            "lists no required element, forbidden content, title, heading or attachment: if the "
            "law says nothing about content, set silent: true with a note and the source"
        )
    return out


def check_notice_content(value: Any, profiles: dict | None = None) -> dict:
    """The resolved, validated form of a rule's ``notice_content`` ({} when nothing is recorded).

    Raises ``NoticeContentError`` with a message that says where the problem is in words.
    """
    if value in (None, {}):
        return {}
    if not isinstance(value, dict):
        raise NoticeContentError(
            "must be a map: {profile: NAME} or the requirements themselves (elements, ...)"
        )
    resolved = _resolve(value, shipped_profiles() if profiles is None else profiles, ())
    try:
        return normalise(resolved)
    except NoticeContentError as error:
        if resolved.get("profile"):
            raise NoticeContentError(f"{error.message} (profile {resolved['profile']})") from None
        raise


def resolve_profile(name: str, profiles: dict | None = None) -> dict:
    """A profile as a rule referring to it would store it."""
    return check_notice_content({"profile": name}, profiles)
