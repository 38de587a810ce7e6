"""The PDF renderer: every page says which case, which page, and (when privileged) its privilege;
fonts come from the app, nothing is fetched."""

from __future__ import annotations

import io

from pypdf import PdfReader

from incidents.pdf import PRIVILEGE_BANNER, render_pdf


def pdf_pages(pdf: bytes) -> list[str]:
    """The text of each page (whitespace collapsed to single spaces)."""
    reader = PdfReader(io.BytesIO(pdf))
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def _pages(pdf: bytes, tmp_path=None) -> list[str]:
    return pdf_pages(pdf)


def _long_body(paragraphs: int = 80) -> str:
    return "<h1>Notice of Data Breach</h1>" + "".join(
        f"<p>Paragraph {i}: what happened, and what you can do about it.</p>"
        for i in range(paragraphs)
    )


def test_every_page_has_reference_page_number_and_privilege_banner(tmp_path):
    pdf = render_pdf(_long_body(), reference="INC-2026-0042", privileged=True, title="Notice")
    pages = _pages(pdf, tmp_path)
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        assert "INC-2026-0042" in page
        assert f"Page {number} of {len(pages)}" in page
        assert PRIVILEGE_BANNER in page


def test_no_banner_when_not_privileged(tmp_path):
    pages = _pages(render_pdf(_long_body(5), reference="INC-1", privileged=False), tmp_path)
    assert pages and PRIVILEGE_BANNER not in pages[0] and "Page 1 of 1" in pages[0]


def test_fonts_are_the_shipped_ones_embedded():
    pdf = render_pdf("<p>Straße, § 1798.82 – ü <b>bold</b></p>", reference="R", privileged=False)
    reader = PdfReader(io.BytesIO(pdf))
    fonts = []
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            descriptor = font.get_object()
            fonts.append(descriptor)
    names = [str(f["/BaseFont"]) for f in fonts]
    # The family the shipped @font-face files are declared under, never a system fallback.
    assert names and all("Breachclock-Sans" in n for n in names), names
    for font in fonts:
        inner = font.get("/DescendantFonts")
        descendant = inner[0].get_object() if inner else font
        assert "/FontFile2" in descendant["/FontDescriptor"].get_object()  # embedded
    assert "Straße, § 1798.82 – ü" in pdf_pages(pdf)[0]


def test_outside_addresses_are_never_fetched(tmp_path, monkeypatch):
    import urllib.request

    def no_network(*args, **kwargs):
        raise AssertionError("the renderer tried to reach the network")

    monkeypatch.setattr(urllib.request, "urlopen", no_network)
    html = (
        '<link rel="stylesheet" href="https://cdn.example.org/x.css">'
        '<img src="http://example.org/pixel.png"><img src="/etc/passwd"><p>Body text</p>'
    )
    pages = _pages(render_pdf(html, reference="R-9", privileged=False), tmp_path)
    assert "Body text" in pages[0]
