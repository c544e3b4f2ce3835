"""Server-rendered bar charts: geometry computed here, drawn as SVG by the templates.

No chart library and no JavaScript: the Content Security Policy forbids inline styles, so bar
lengths cannot be CSS widths; SVG attributes carry them instead. Each chart is also rendered as
a table for screen readers (see ``cities/partials/bar_chart.html``).
"""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

# Layout in SVG user units; the SVG scales to its container, so these are proportions.
CHART_WIDTH = 480.0
LABEL_WIDTH = 150.0
VALUE_WIDTH = 40.0
ROW_HEIGHT = 26.0
BAR_THICKNESS = 18.0


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    # Geometry of the bar and of its two texts (label left of the bar, value after it).
    x: float
    y: float
    width: float
    height: float
    text_y: float
    value_x: float


@dataclass(frozen=True)
class BarChart:
    bars: list[Bar]
    width: float
    height: float
    label_x: float
    total: int


def bar_chart(items: Iterable[tuple[str, int]]) -> BarChart:
    """Horizontal bars, one row per (label, value), lengths proportional to the largest value."""
    items = list(items)
    largest = max((value for _, value in items), default=0)
    track = CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH
    bars = []
    for row, (label, value) in enumerate(items):
        width = round(track * value / largest, 1) if largest else 0.0
        y = row * ROW_HEIGHT + (ROW_HEIGHT - BAR_THICKNESS) / 2
        bars.append(
            Bar(
                label=label,
                value=value,
                x=LABEL_WIDTH,
                y=y,
                width=width,
                height=BAR_THICKNESS,
                text_y=round(y + BAR_THICKNESS / 2, 1),
                value_x=round(LABEL_WIDTH + width + 6, 1),
            )
        )
    return BarChart(
        bars=bars,
        width=CHART_WIDTH,
        height=max(len(items), 1) * ROW_HEIGHT,
        label_x=LABEL_WIDTH - 8,
        total=sum(value for _, value in items),
    )


def count_by_decade(dates: Iterable[date | None]) -> list[tuple[int, int]]:
    """(first year of decade, count) for every decade from the earliest to the latest date.

    Decades with no relationship established are kept (count 0) so the chart's time axis has
    no gaps; unknown dates are left out.
    """
    counts = Counter(day.year // 10 * 10 for day in dates if day is not None)
    if not counts:
        return []
    return [(decade, counts[decade]) for decade in range(min(counts), max(counts) + 10, 10)]
