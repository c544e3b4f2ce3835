"""Every registry page: for every role, in Chinese, under a strict CSP."""

import re
from html.parser import HTMLParser

import pytest
from babel.messages.pofile import read_po

from tests.catalogue import PO_FILE
from tests.cities.views.browsing import ROLES, log_in, make_partner, url
from tests.factories import ContactFactory, ExchangeFactory, PartnershipFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", ["cities:partner-list", "cities:network", "cities:partner-detail"])
def test_public_pages_render_for_every_role(client, role, page):
    partnership = PartnershipFactory()
    log_in(client, role)
    args = [partnership.pk] if page == "cities:partner-detail" else []

    response = client.get(url(page, *args))

    assert response.status_code == 200


# Labels of the main pages, each with its expected Simplified Chinese.
CHINESE_LABELS = {
    "cities:partner-list": [
        "友好城市",
        "按名称搜索",
        "大洲",
        "国家",
        "关系类型",
        "状态",
        "合作领域",
    ],
    "cities:network": ["网络概览", "按年代建立的关系", "各大洲的伙伴"],
    "cities:partner-detail": ["主要事实", "建立时间", "时间线", "在地图上"],
}
ENGLISH_LABELS = {
    "cities:partner-list": ["Partner cities", "Search by name", "Continent", "Sort by", "Apply"],
    "cities:network": ["Network overview", "per decade", "per continent", "Legend"],
    "cities:partner-detail": ["Key facts", "Established", "Timeline", "On the map", "Status"],
}


@pytest.mark.parametrize("page", list(CHINESE_LABELS))
def test_chinese_pages_show_chinese_labels_and_no_english_ones(client, page):
    partnership = make_partner("Dunedin", place__name_zh="达尼丁")
    args = [partnership.pk] if page == "cities:partner-detail" else []

    html = client.get(url(page, *args, lang="zh-hans")).content.decode()

    assert [label for label in CHINESE_LABELS[page] if label not in html] == []
    visible = re.sub(r"<[^>]+>", " ", html)
    assert [label for label in ENGLISH_LABELS[page] if label in visible] == []
    assert "达尼丁" in html


# English UI labels of the registry's pages; none may show on a page in Chinese mode. Choice
# labels are left out: the import format page lists them in English on purpose.
ENGLISH_UI_LABELS = [
    "Partners",
    "Network",
    "Add partner",
    "Import",
    "Administration",
    "Log out",
    "Log in",
    "Password",
    "Skip to content",
    "Search",
    "Key facts",
    "Timeline",
    "On the map",
    "Edit",
    "Find a city",
    "The partner place",
    "The relationship",
    "Latitude",
    "Time zone",
    "Population",
    "Save",
    "Cancel",
    "Check and import",
    "Required columns",
    "Help: file format",
    "Import file format",
    "The rules",
    "All or nothing",
    "Accepted values",
    "What it holds",
    "optional",
    "Example",
    "Legend",
    "per decade",
]


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href")
        if tag == "a" and href and href.startswith("/zh-hans/"):
            self.hrefs.append(href)


def _visible_text(html: str) -> str:
    html = re.sub(r"<(script|style|code|pre)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.mark.parametrize("role", ["anonymous", "organiser"])
def test_every_page_reachable_from_the_navigation_is_chinese_in_chinese_mode(client, role):
    log_in(client, role)
    partnership = make_partner("Dunedin", place__name_zh="达尼丁")
    ExchangeFactory(partnership=partnership)
    ContactFactory(partnership=partnership)
    start = url("cities:partner-list", lang="zh-hans")
    # Follow links three steps from the list (menu, partner page, its edit page, import help,
    # login); a page's filtered or paginated variants, downloads and the admin are left out.
    seen, frontier, problems = {start}, [start], {}
    for _depth in range(3):
        next_frontier = []
        for page in frontier:
            response = client.get(page)
            assert response.status_code == 200, page
            html = response.content.decode()
            text = _visible_text(html)
            found = [label for label in ENGLISH_UI_LABELS if re.search(rf"\b{label}\b", text)]
            if found:
                problems[page] = found
            links = _Links()
            links.feed(html)
            for href in links.hrefs:
                path = href.split("#")[0].split("?")[0]
                if "/admin/" in path or "/export." in path or path in seen:
                    continue
                seen.add(path)
                next_frontier.append(path)
        frontier = next_frontier

    expected = {
        "anonymous": {"cities:network", "cities:partner-detail", "accounts:login"},
        "organiser": {
            "cities:network",
            "cities:partner-detail",
            "cities:partner-update",
            "cities:partner-create",
            "cities:partner-import",
            "cities:import-format",
        },
    }[role]
    with_pk = {"cities:partner-detail", "cities:partner-update"}
    assert problems == {}
    assert {
        url(name, *([partnership.pk] if name in with_pk else []), lang="zh-hans")
        for name in expected
    } <= seen


def test_catalogue_has_every_entry_translated_and_none_fuzzy():
    with PO_FILE.open("rb") as po:
        catalogue = read_po(po, locale="zh_Hans")

    untranslated = [
        message.id
        for message in catalogue
        if message.id
        and (
            not all(message.string if isinstance(message.string, tuple) else [message.string])
            or message.fuzzy
        )
    ]
    assert untranslated == []
    assert len(catalogue) > 200


class InlineCodeFinder(HTMLParser):
    """Collects what a strict CSP would block: inline scripts, <style>, style attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = {name for name, _value in attrs}
        if tag == "script" and "src" not in names:
            self.problems.append("inline <script>")
        if tag == "style":
            self.problems.append("<style> element")
        if "style" in names:
            self.problems.append(f"style attribute on <{tag}>")
        self.problems += [f"{name} handler on <{tag}>" for name in names if name.startswith("on")]


@pytest.mark.parametrize(
    "page",
    [
        "cities:partner-list",
        "cities:network",
        "cities:partner-detail",
        "cities:partner-import",
        "cities:partner-create",
        "cities:partner-update",
        "accounts:login",
    ],
)
def test_pages_send_a_strict_csp_and_contain_no_inline_code(organiser_client, page):
    partnership = PartnershipFactory(is_demo=True)
    ContactFactory(partnership=partnership)
    args = [partnership.pk] if page in {"cities:partner-detail", "cities:partner-update"} else []
    if page == "accounts:login":
        organiser_client.logout()

    response = organiser_client.get(url(page, *args))

    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "style-src 'self'" in policy
    finder = InlineCodeFinder()
    finder.feed(response.content.decode())
    assert finder.problems == []
