"""The indicator chart and the learning network: geometry inside the drawing, deterministic."""

import datetime

from hypothesis import given
from hypothesis import strategies as st

from amity.cooperation.charts import line_chart
from amity.cooperation.network import HOME, layout

DAYS = st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2040, 12, 31))
VALUES = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)


@given(st.lists(st.tuples(DAYS, VALUES), min_size=1, max_size=30, unique_by=lambda p: p[0]))
def test_every_point_lies_inside_the_plot_area(values):
    chart = line_chart(values, baseline=0.0, target=100.0)

    assert len(chart.points) == len(values)
    for point in chart.points:
        assert chart.left <= point.x <= chart.right
        assert chart.top <= point.y <= chart.bottom


def test_a_larger_value_is_drawn_higher_and_a_later_day_further_right():
    chart = line_chart([(datetime.date(2024, 1, 1), 10.0), (datetime.date(2023, 1, 1), 2.0)])

    earlier, later = chart.points
    assert (earlier.day, later.day) == (datetime.date(2023, 1, 1), datetime.date(2024, 1, 1))
    assert earlier.x < later.x
    assert later.y < earlier.y


def test_the_target_line_is_above_the_baseline():
    chart = line_chart([(datetime.date(2024, 1, 1), 4.0)], baseline=0.0, target=100.0)

    assert chart.target_y < chart.baseline_y


def test_network_puts_the_home_city_in_the_middle_and_groups_transfers_of_one_pair():
    links = [(HOME, 1, "Adopted"), (HOME, 1, "Interest"), (2, 1, "Pilot")]

    graph = layout(links, {HOME: "Shanghai", 1: "Johannesburg", 2: "Dunedin"})

    nodes = {node.key: node for node in graph.nodes}
    assert (nodes[HOME].x, nodes[HOME].y) == (graph.size / 2, graph.size / 2)
    assert sorted((e.source.label, e.target.label, e.count) for e in graph.edges) == [
        ("Dunedin", "Johannesburg", 1),
        ("Shanghai", "Johannesburg", 2),
    ]
    assert (nodes[1].learns, nodes[HOME].teaches) == (3, 2)


def test_network_without_the_home_city_has_no_home_node():
    graph = layout([(1, 2, "Pilot")], {HOME: "Shanghai", 1: "A", 2: "B"})

    assert {node.key for node in graph.nodes} == {1, 2}
