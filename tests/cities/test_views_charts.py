"""The pure geometry behind the network page: bar charts and the map projection."""

import datetime
import itertools

import pytest

from amity.cities.charts import (
    BAR_THICKNESS,
    CHART_WIDTH,
    LABEL_WIDTH,
    VALUE_WIDTH,
    bar_chart,
    count_by_decade,
)
from amity.cities.worldmap import MAP_HEIGHT, MAP_WIDTH, MapPoint, project, view_box_around


def test_bar_chart_longest_bar_fills_the_track():
    chart = bar_chart([("Asia", 16), ("Europe", 8), ("Africa", 0)])

    assert [bar.width for bar in chart.bars] == [
        CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH,
        (CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH) / 2,
        0.0,
    ]


def test_bar_chart_rows_do_not_overlap():
    chart = bar_chart([("a", 1), ("b", 2), ("c", 3)])

    tops = [bar.y for bar in chart.bars]
    assert all(later - earlier >= BAR_THICKNESS for earlier, later in itertools.pairwise(tops))
    assert chart.total == 6


def test_bar_chart_empty_has_no_bars():
    chart = bar_chart([])

    assert chart.bars == []
    assert chart.total == 0


def test_count_by_decade_keeps_empty_decades_and_skips_unknown_dates():
    dates = [
        datetime.date(1973, 11, 30),
        datetime.date(1979, 6, 25),
        None,
        datetime.date(2004, 1, 1),
    ]

    assert count_by_decade(dates) == [(1970, 2), (1980, 0), (1990, 0), (2000, 1)]


def test_count_by_decade_no_dates_is_empty():
    assert count_by_decade([None]) == []


def test_project_equator_and_prime_meridian_is_the_horizontal_centre():
    point = project(0.0, 0.0)

    assert point.x == MAP_WIDTH / 2


@pytest.mark.parametrize(("longitude", "expected_x"), [(-180.0, 0.0), (180.0, MAP_WIDTH)])
def test_project_antimeridian_on_the_equator_is_the_canvas_edge(longitude, expected_x):
    assert project(0.0, longitude).x == expected_x


def test_project_north_is_up_and_east_is_right():
    shanghai = project(31.23, 121.47)
    dunedin = project(-45.87, 170.50)

    assert shanghai.y < dunedin.y
    assert shanghai.x < dunedin.x
    assert 0 <= dunedin.y <= MAP_HEIGHT


@pytest.mark.parametrize(
    ("corner", "expected_origin"),
    [
        (MapPoint(0.0, 0.0), (0.0, 0.0)),
        (MapPoint(MAP_WIDTH, MAP_HEIGHT), (MAP_WIDTH - 320.0, MAP_HEIGHT - 180.0)),
    ],
)
def test_view_box_around_a_corner_stays_inside_the_canvas(corner, expected_origin):
    left, top, width, height = map(float, view_box_around(corner).split())

    assert (left, top) == pytest.approx(expected_origin)
    assert (width, height) == (320.0, 180.0)
