"""HTML to PDF for documents a case produces (notice drafts, filing sheets, evidence packs).

WeasyPrint lays the page out; every page carries the case reference, "page N of M" and, for a
privileged document, the privilege banner, through ``@page`` margin boxes (so a printed page
that is separated from the rest still says what it is). Fonts are the Liberation TTF files
shipped under ``static/fonts`` (licence beside them). Nothing is fetched: the URL fetcher only
serves those font files, so a link or image in the HTML can never reach the network.

Callers pass HTML they built from a case they read through ``visible_to``; this module reads
nothing itself.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.utils.html import escape

FONT_DIR = Path(settings.BASE_DIR) / "static" / "fonts" / "liberation"
FONT_FAMILY = "Breachclock Sans"
_FONTS = {
    ("normal", "normal"): "LiberationSans-Regular.ttf",
    ("bold", "normal"): "LiberationSans-Bold.ttf",
    ("normal", "italic"): "LiberationSans-Italic.ttf",
    ("bold", "italic"): "LiberationSans-BoldItalic.ttf",
}
PRIVILEGE_BANNER = "PRIVILEGED & CONFIDENTIAL - ATTORNEY-CLIENT COMMUNICATION"


class FetchRefused(ValueError):
    """The HTML asked for something that is not one of the shipped fonts."""


def _font_fetcher():
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class ShippedFontsOnly(URLFetcher):
        """Serves the shipped font files and refuses everything else (network and disk)."""

        def fetch(self, url, headers=None):
            if url.startswith("file://"):
                path = Path(url[len("file://") :]).resolve()
                if path.parent == FONT_DIR.resolve() and path.name in _FONTS.values():
                    return URLFetcherResponse(
                        url, body=path.read_bytes(), headers={"Content-Type": "font/ttf"}
                    )
            raise FetchRefused(f"not fetched: {url[:80]}")

    return ShippedFontsOnly()


def _css_string(text: str) -> str:
    """A value for CSS ``content: "..."`` (quotes and backslashes escaped, one line)."""
    flat = " ".join(str(text).split())
    return '"' + flat.replace("\\", "\\\\").replace('"', '\\"') + '"'


def page_css(*, reference: str, privileged: bool, min_type_pt: float = 10.5) -> str:
    """The ``@page`` rules and fonts every case document uses."""
    faces = "\n".join(
        f"@font-face {{ font-family: '{FONT_FAMILY}'; font-weight: {weight}; "
        f"font-style: {style}; src: url('file://{(FONT_DIR / name).resolve()}'); }}"
        for (weight, style), name in _FONTS.items()
    )
    banner = (
        f"@top-center {{ content: {_css_string(PRIVILEGE_BANNER)}; font-weight: bold; "
        "font-size: 8pt; border-bottom: 1pt solid #000; width: 100%; }"
        if privileged
        else ""
    )
    return f"""
{faces}
@page {{
  size: A4;
  margin: 22mm 18mm 20mm 18mm;
  {banner}
  @bottom-left {{ content: {_css_string(reference)}; font-size: 8pt; }}
  @bottom-right {{ content: "Page " counter(page) " of " counter(pages); font-size: 8pt; }}
}}
@page {{ font-family: '{FONT_FAMILY}'; }}
html {{ font-family: '{FONT_FAMILY}'; font-size: {max(min_type_pt, 10)}pt; line-height: 1.4; }}
h1 {{ font-size: 1.5em; margin: 0 0 0.8em; }}
h2 {{ font-size: 1.15em; margin: 1.2em 0 0.4em; page-break-after: avoid; }}
p {{ margin: 0 0 0.6em; }}
table {{ border-collapse: collapse; width: 100%; }}
tr {{ page-break-inside: avoid; }}
th, td {{ border: 0.5pt solid #666; padding: 3pt 5pt; vertical-align: top; text-align: left; }}
.gap {{ background: #ffe9a8; font-weight: bold; }}
.meta {{ font-size: 0.85em; color: #333; }}
"""


def html_document(body_html: str, *, title: str) -> str:
    """Wrap a body (already escaped HTML) into a document."""
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title></head><body>{body_html}</body></html>"
    )


def render_pdf(
    html: str,
    *,
    reference: str,
    privileged: bool,
    title: str = "",
    min_type_pt: float = 10.5,
    extra_css: str = "",
) -> bytes:
    """The PDF of ``html`` (a whole document, or a body fragment wrapped with ``title``).

    ``reference`` (the case reference) is printed on every page; ``privileged`` adds the
    privilege banner to every page. ``min_type_pt`` is the body type size (never under 10 pt:
    several laws set a minimum, e.g. Cal. Civ. Code 1798.82(d)(1)).
    """
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    if "<html" not in html[:200].lower():
        html = html_document(html, title=title or reference)
    fetcher = _font_fetcher()
    # @font-face rules only take effect through a font configuration shared by CSS and layout.
    fonts = FontConfiguration()
    css = page_css(reference=reference, privileged=privileged, min_type_pt=min_type_pt)
    stylesheets = [CSS(string=css, url_fetcher=fetcher, font_config=fonts)]
    if extra_css:
        stylesheets.append(CSS(string=extra_css, url_fetcher=fetcher, font_config=fonts))
    document = HTML(string=html, url_fetcher=fetcher, base_url=str(FONT_DIR))
    return document.write_pdf(stylesheets=stylesheets, font_config=fonts)
