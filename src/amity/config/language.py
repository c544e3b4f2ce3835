"""The language switch: the same page in the chosen language, whatever language came before.

Django's ``set_language`` translates the ``next`` address by resolving it in the language of
the request, which is the one in the language cookie. After choosing 中文 once, the cookie says
zh-hans, so an /en/… address no longer resolves and the switch sent the reader back to the
English page. Resolving the address in its own language (its prefix) fixes that.
"""

from urllib.parse import urlsplit

from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.views.decorators.http import require_POST
from django.views.i18n import set_language


@require_POST
def switch_language(request: HttpRequest) -> HttpResponse:
    next_url = request.POST.get("next") or ""
    language = translation.get_language_from_path(urlsplit(next_url).path)
    if language is None:
        return set_language(request)
    with translation.override(language):
        return set_language(request)
