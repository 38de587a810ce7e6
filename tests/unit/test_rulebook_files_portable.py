"""The shipped rule-book files read the same with PyYAML's pure-Python loader as with libyaml's:
the product falls back to the pure loader where libyaml is missing, and libyaml accepts some
text (an unquoted ``?`` inside ``[...]``) that the pure loader refuses."""

from pathlib import Path

import pytest
import yaml

RULEBOOK = Path(__file__).resolve().parents[2] / "jurisdictions" / "rulebook"


@pytest.mark.parametrize(
    "name", ["rulebook.yaml", "notice_content.yaml", "contract_templates.yaml"]
)
def test_pure_python_loader_reads_what_libyaml_reads(name):
    text = (RULEBOOK / name).read_text(encoding="utf-8")
    pure = yaml.load(text, Loader=yaml.SafeLoader)  # noqa: S506 - the safe loader
    assert pure == yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506
