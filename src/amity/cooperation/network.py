"""The "who learns from whom" graph: cities as nodes on a circle, transfers as arrows.

Drawn as SVG on the server from the transfers alone (no map tiles, no script), so it works
offline. The home city, which is not a registry place, sits in the middle: most practices
travel to or from it.
"""

import math
from collections import Counter
from dataclasses import dataclass

SIZE = 560.0
RADIUS = 210.0
NODE_RADIUS = 9.0
HOME = None  # the key of the home city among the nodes


@dataclass(frozen=True)
class Node:
    key: int | None
    label: str
    x: float
    y: float
    # Transfers in which this city learns (in) and teaches (out).
    learns: int
    teaches: int
    label_anchor: str
    label_x: float
    label_y: float


@dataclass(frozen=True)
class Edge:
    source: Node
    target: Node
    count: int
    stages: str
    # End points shortened so the arrow head stops at the node's rim.
    x1: float
    y1: float
    x2: float
    y2: float
    width: float


@dataclass(frozen=True)
class Graph:
    size: float
    nodes: list[Node]
    edges: list[Edge]


def _shorten(ax: float, ay: float, bx: float, by: float, by_units: float) -> tuple[float, float]:
    length = math.hypot(bx - ax, by - ay) or 1.0
    return (
        round(bx - (bx - ax) * by_units / length, 1),
        round(by - (by - ay) * by_units / length, 1),
    )


def layout(
    links: list[tuple[int | None, int | None, str]],
    labels: dict[int | None, str],
) -> Graph:
    """``links``: (from key, to key, stage label) per transfer; ``labels``: key -> city name.

    Key ``None`` is the home city (drawn in the centre); the others are placed on a circle in
    the order of their names, so the same data always gives the same picture.
    """
    learns = Counter(to for _, to, _ in links)
    teaches = Counter(source for source, _, _ in links)
    keys = sorted({k for s, t, _ in links for k in (s, t)} - {HOME}, key=lambda k: labels[k])
    centre = SIZE / 2
    nodes: dict[int | None, Node] = {}
    if any(HOME in (s, t) for s, t, _ in links):
        nodes[HOME] = Node(
            HOME,
            labels[HOME],
            centre,
            centre,
            learns[HOME],
            teaches[HOME],
            "middle",
            centre,
            centre - NODE_RADIUS - 8,
        )
    for index, key in enumerate(keys):
        angle = -math.pi / 2 + 2 * math.pi * index / max(len(keys), 1)
        x = round(centre + RADIUS * math.cos(angle), 1)
        y = round(centre + RADIUS * math.sin(angle), 1)
        anchor = "start" if math.cos(angle) > 0.2 else "end" if math.cos(angle) < -0.2 else "middle"
        label_x = round(x + (NODE_RADIUS + 6) * math.cos(angle), 1)
        label_y = round(y + (NODE_RADIUS + 12) * math.sin(angle) + 4, 1)
        nodes[key] = Node(
            key, labels[key], x, y, learns[key], teaches[key], anchor, label_x, label_y
        )
    grouped: dict[tuple[int | None, int | None], list[str]] = {}
    for source, target, stage in links:
        grouped.setdefault((source, target), []).append(stage)
    edges = []
    for (source, target), stages in sorted(grouped.items(), key=lambda item: str(item[0])):
        a, b = nodes[source], nodes[target]
        x1, y1 = _shorten(b.x, b.y, a.x, a.y, NODE_RADIUS)
        x2, y2 = _shorten(a.x, a.y, b.x, b.y, NODE_RADIUS + 4)
        edges.append(
            Edge(
                source=a,
                target=b,
                count=len(stages),
                stages=", ".join(sorted(set(stages))),
                x1=x1,
                y1=y1,
                x2=x2,
                y2=y2,
                width=min(1.5 + len(stages), 6.0),
            )
        )
    return Graph(size=SIZE, nodes=list(nodes.values()), edges=edges)
