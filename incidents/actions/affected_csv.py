"""Reading a file of affected people per jurisdiction (``jurisdiction,count``)."""

from __future__ import annotations

import csv
import io
import re

from jurisdictions.engine.facts import MAX_AFFECTED


class AffectedCSVError(ValueError):
    """A counts file with problems; ``errors`` lists ``(line_number, message)``, all of them."""

    def __init__(self, errors: list[tuple[int, str]]):
        self.errors = errors
        self.field = "file"
        super().__init__("; ".join(f"line {n}: {msg}" if n else msg for n, msg in errors))


CSV_MAX_BYTES = 1_000_000
_CODE = re.compile(r"^[A-Z]{2}(-[A-Z0-9]{1,3})?$")


def parse_affected_csv(file) -> dict[str, int]:
    """Read a ``jurisdiction,count`` CSV (header optional; ``;`` or tab also accepted).

    Returns ``{code: count}``; raises ``AffectedCSVError`` listing every bad line, so a person can
    fix the file in one go. Counts may carry thousands separators ("9,000" when quoted, "9 000").
    """
    raw = file.read(CSV_MAX_BYTES + 1) if hasattr(file, "read") else file
    if isinstance(raw, bytes):
        if len(raw) > CSV_MAX_BYTES:
            raise AffectedCSVError([(0, f"the file is larger than {CSV_MAX_BYTES:,} bytes")])
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise AffectedCSVError([(0, "the file is not UTF-8 text")]) from None
    else:
        text = str(raw)
        if len(text) > CSV_MAX_BYTES:
            raise AffectedCSVError([(0, f"the file is larger than {CSV_MAX_BYTES:,} bytes")])
        text = text.lstrip("\ufeff")
    if "\x00" in text:
        raise AffectedCSVError([(0, "the file is not a text file")])
    try:
        dialect = csv.Sniffer().sniff(text[:2048], delimiters=",;\t")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    counts: dict[str, int] = {}
    first_line: dict[str, int] = {}
    errors: list[tuple[int, str]] = []
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    for line_no, row in enumerate(reader, start=1):
        cells = [c.strip() for c in row]
        if not any(cells) or cells[0].startswith("#"):
            continue
        if len(cells) < 2 or (len(cells) > 2 and any(cells[2:])):
            errors.append((line_no, "expected two columns: jurisdiction code, count"))
            continue
        code, count_text = cells[0].upper(), cells[1]
        if line_no == 1 and not _CODE.match(code) and not _is_count(count_text):
            continue  # a header row such as "jurisdiction,count"
        if not _CODE.match(code):
            errors.append(
                (line_no, f"{cells[0]!r} is not a jurisdiction code (ISO 3166: DE, US-CA)")
            )
            continue
        count = _parse_count(count_text)
        if count is None:
            errors.append((line_no, f"count {count_text!r} for {code} is not a whole number"))
            continue
        if count < 0:
            errors.append((line_no, f"count for {code} must not be negative"))
            continue
        if count > MAX_AFFECTED:
            errors.append((line_no, f"count for {code} must be at most {MAX_AFFECTED:,} people"))
            continue
        if code in counts:
            errors.append((line_no, f"{code} is listed twice (first on line {first_line[code]})"))
            continue
        counts[code] = count
        first_line[code] = line_no
    if errors:
        raise AffectedCSVError(errors)
    if not counts:
        raise AffectedCSVError([(0, "the file has no jurisdiction,count rows")])
    return counts


def _parse_count(text: str) -> int | None:
    cleaned = text.replace(",", "").replace("_", "").replace(" ", "").replace("\u00a0", "")
    if re.fullmatch(r"-?[0-9]+", cleaned):
        # A longer number than any plausible count would only slow int() down; cap it.
        if len(cleaned) > 20:
            return -1 if cleaned.startswith("-") else MAX_AFFECTED + 1
        return int(cleaned)
    return None


def _is_count(text: str) -> bool:
    return _parse_count(text) is not None
