"""parse_affected_csv: counts per jurisdiction from a spreadsheet export, every bad line named."""

from __future__ import annotations

import io

import pytest

from incidents.actions import AffectedCSVError, parse_affected_csv


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "jurisdiction,count\nDE,9000\nFR,3000\nUS-CA,600\n",
            {"DE": 9000, "FR": 3000, "US-CA": 600},
        ),
        ("DE,9000\nus-ca,600\n", {"DE": 9000, "US-CA": 600}),  # no header, lower case
        ('code;people\nDE;9000\nFR;"3 000"\n', {"DE": 9000, "FR": 3000}),  # semicolons
        ('DE,"9,000"\n\n# comment\nFR,0\n', {"DE": 9000, "FR": 0}),
        ("\ufeffDE\t12\nCA-QC\t4\n", {"DE": 12, "CA-QC": 4}),  # BOM, tabs
    ],
)
def test_parses(text, expected):
    assert parse_affected_csv(io.BytesIO(text.encode())) == expected


def test_reports_every_bad_line_with_its_number():
    text = "jurisdiction,count\nDE,9000\nGermany,5\nFR,lots\nIT,-4\nDE,1\nES,1,extra\n"
    with pytest.raises(AffectedCSVError) as err:
        parse_affected_csv(io.BytesIO(text.encode()))
    lines = dict(err.value.errors)
    assert set(lines) == {3, 4, 5, 6, 7}
    assert "'Germany' is not a jurisdiction code" in lines[3]
    assert "count 'lots' for FR is not a whole number" in lines[4]
    assert "must not be negative" in lines[5]
    assert "DE is listed twice (first on line 2)" in lines[6]
    assert "expected two columns" in lines[7]
    assert err.value.field == "file"
    assert "line 3:" in str(err.value)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"", "no jurisdiction,count rows"),
        (b"jurisdiction,count\n", "no jurisdiction,count rows"),
        (b"\xff\xfe\x00D\x00E", "not UTF-8"),
        (b"DE,1\n" + b"x" * 1_000_001, "larger than"),
    ],
)
def test_rejects_files(raw, message):
    with pytest.raises(AffectedCSVError, match=message):
        parse_affected_csv(io.BytesIO(raw))
