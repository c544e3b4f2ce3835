"""PDFs print Chinese with the installed CJK font, carry QR codes, and fetch nothing remote."""

import io

import pytest
from django.template import Context, Template
from pypdf import PdfReader

from amity.documents.pdf import CJK_FONT_FAMILIES, DocumentError, _fetcher, html_to_pdf
from amity.documents.qr import qr_svg

TEMPLATE = Template(
    '{% extends "documents/base.html" %}{% block body %}<h1>{{ name_zh }} {{ name_en }}</h1>'
    "{{ qr }}{% endblock %}"
)


def test_pdf_renders_chinese_text_with_an_embedded_cjk_font():
    html = TEMPLATE.render(
        Context({"name_zh": "达尼丁", "name_en": "Dunedin", "cjk_fonts": CJK_FONT_FAMILIES})
    )

    reader = PdfReader(io.BytesIO(html_to_pdf(html)))

    text = reader.pages[0].extract_text()
    fonts = {
        str(font["/BaseFont"])
        for font in reader.pages[0]["/Resources"]["/Font"].values()
        if "/BaseFont" in font.get_object()
    }
    assert "达尼丁 Dunedin" in text
    assert any("WenQuanYi" in font for font in fonts), fonts


def test_qr_svg_is_an_svg_element_with_the_requested_size():
    svg = qr_svg("token-123", size_mm=20)

    assert svg.startswith('<svg width="20mm" height="20mm" ')
    assert svg.endswith("</svg>")


def test_qr_svg_of_a_markup_string_contains_no_markup_from_it():
    svg = qr_svg('"><script>alert(1)</script>')

    assert "<script" not in svg


@pytest.mark.parametrize(
    "url", ["http://evil.example/x.png", "https://169.254.169.254/latest", "file:///etc/passwd"]
)
def test_documents_refuse_to_fetch_anything_but_data_and_static_files(url):
    with pytest.raises(DocumentError):
        _fetcher().fetch(url)


def test_documents_may_embed_data_urls():
    fetched = _fetcher().fetch("data:text/plain;base64,aGVsbG8=")

    assert fetched.read() == b"hello"


def test_documents_may_embed_the_projects_static_files():
    fetched = _fetcher().fetch("file:///static/amity/favicon.svg")

    assert fetched.read().startswith(b"<svg")


def test_a_remote_image_in_a_document_is_left_out_and_the_pdf_still_renders():
    html = '<p>Venue</p><img src="http://evil.example/x.png">'

    pdf = html_to_pdf(html)

    assert PdfReader(io.BytesIO(pdf)).pages[0].extract_text().strip() == "Venue"
