"""HTML templates rendered to PDF bytes, with the project's print stylesheet."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlparse

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

# Fonts the print stylesheet asks for, in order; the first is the one CI and `make demo`
# machines install (fonts-wqy-zenhei). Latin text uses the same font so a line never mixes
# baselines.
CJK_FONT_FAMILIES = ("WenQuanYi Zen Hei", "Noto Sans CJK SC", "Source Han Sans SC")


class DocumentError(Exception):
    """A document could not be made; the message says why, for the person who asked."""


def _fetcher():
    # Imported on first use: WeasyPrint loads Pango, which a page request never needs.
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class LocalOnlyFetcher(URLFetcher):
        """data: URLs and our static files; nothing from the network or the disk elsewhere.

        Content typed by users (a venue's address, a note) ends up in documents; a remote
        image URL in it must not make the server fetch that URL.
        """

        def fetch(self, url, headers=None):
            parsed = urlparse(url)
            if parsed.scheme == "data":
                return super().fetch(url, headers)
            if parsed.scheme in ("", "file") and "/static/" in parsed.path:
                found = finders.find(parsed.path.split("/static/", 1)[1])
                if found:
                    with open(found, "rb") as handle:
                        return URLFetcherResponse(url, handle.read())
            raise DocumentError(_("a document may not load %(url)s") % {"url": url})

    return LocalOnlyFetcher()


def render_pdf(template_name: str, context: dict[str, Any]) -> bytes:
    """Render ``template_name`` (which extends ``documents/base.html``) to a PDF."""
    return html_to_pdf(render_to_string(template_name, {**context, "cjk_fonts": CJK_FONT_FAMILIES}))


def html_to_pdf(html: str) -> bytes:
    import weasyprint

    document = weasyprint.HTML(string=html, base_url="/", url_fetcher=_fetcher())
    return document.write_pdf()
