"""The indicator chart: measured values over time as an SVG line, computed here, no JS.

The Content Security Policy forbids inline styles, so positions are SVG attributes; the page
also shows the values as a table for screen readers and for exact figures.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

WIDTH = 520.0
HEIGHT = 240.0
LEFT = 56.0
RIGHT = 16.0
TOP = 16.0
BOTTOM = 36.0


@dataclass(frozen=True)
class ChartPoint:
    x: float
    y: float
    day: date
    value: float


@dataclass(frozen=True)
class Tick:
    position: float
    label: str


@dataclass(frozen=True)
class LineChart:
    width: float
    height: float
    points: list[ChartPoint]
    # "x1,y1 x2,y2 …" for the polyline
    path: str
    y_ticks: list[Tick]
    x_ticks: list[Tick]
    # Horizontal reference lines (y position) or None when not set.
    target_y: float | None
    baseline_y: float | None
    left: float
    right: float
    top: float
    bottom: float


def _scale(value: float, low: float, high: float, start: float, end: float) -> float:
    if high == low:
        return (start + end) / 2
    return round(start + (value - low) * (end - start) / (high - low), 1)


def _nice_ticks(low: float, high: float, count: int = 4) -> list[float]:
    if high == low:
        return [low]
    step = (high - low) / count
    return [low + step * i for i in range(count + 1)]


def line_chart(
    values: Sequence[tuple[date, float]],
    *,
    baseline: float | None = None,
    target: float | None = None,
) -> LineChart:
    """Geometry for values sorted by day, with the baseline and target as reference lines."""
    values = sorted(values)
    numbers = [value for _, value in values] + [n for n in (baseline, target) if n is not None]
    low = min(min(numbers, default=0.0), 0.0)
    high = max(numbers, default=1.0)
    if high == low:
        high = low + 1.0
    days = [day.toordinal() for day, _ in values]
    first, last = (min(days), max(days)) if days else (0, 1)
    x_start, x_end = LEFT, WIDTH - RIGHT
    y_start, y_end = HEIGHT - BOTTOM, TOP  # larger values higher up

    def y_of(value: float) -> float:
        return _scale(value, low, high, y_start, y_end)

    points = [
        ChartPoint(
            x=_scale(day.toordinal(), first, last, x_start, x_end),
            y=y_of(value),
            day=day,
            value=value,
        )
        for day, value in values
    ]
    years = sorted({day.year for day, _ in values})
    x_ticks = [
        Tick(_scale(date(year, 1, 1).toordinal(), first, last, x_start, x_end), str(year))
        for year in years
        if first <= date(year, 1, 1).toordinal() <= last
    ]
    if not x_ticks and points:
        x_ticks = [Tick(points[0].x, str(points[0].day.year))]
    return LineChart(
        width=WIDTH,
        height=HEIGHT,
        points=points,
        path=" ".join(f"{p.x:g},{p.y:g}" for p in points),
        y_ticks=[Tick(y_of(v), f"{v:g}") for v in _nice_ticks(low, high)],
        x_ticks=x_ticks,
        target_y=y_of(target) if target is not None else None,
        baseline_y=y_of(baseline) if baseline is not None else None,
        left=x_start,
        right=x_end,
        top=y_end,
        bottom=y_start,
    )
