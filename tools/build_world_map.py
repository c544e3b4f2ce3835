"""Build the offline world map (static/amity/map/world.svg) from Natural Earth TopoJSON.

Usage (from the project root; the input comes from the npm registry, not from the web):

    cd /tmp && npm pack world-atlas@2 && tar xzf world-atlas-2.0.2.tgz
    .venv/bin/python tools/build_world_map.py /tmp/package/countries-110m.json

The output is committed, so the site never needs this script or the network at run time. The
projection is imported from ``amity.cities.worldmap`` so the markers drawn by the pages land
exactly on the shapes drawn here.
"""

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from amity.cities.worldmap import MAP_BOTTOM_LATITUDE, project, view_box  # noqa: E402

DEFAULT_OUTPUT = ROOT / "src" / "amity" / "static" / "amity" / "map" / "world.svg"
# ISO 3166-1 numeric code of Antarctica, left out of the canvas (see worldmap.py).
ANTARCTICA = "010"

Ring = list[tuple[float, float]]


def decode_arcs(topology: dict) -> list[Ring]:
    """Undo TopoJSON's quantisation and delta encoding: arcs as (longitude, latitude) lists."""
    (scale_x, scale_y), (shift_x, shift_y) = (
        topology["transform"]["scale"],
        topology["transform"]["translate"],
    )
    arcs: list[Ring] = []
    for arc in topology["arcs"]:
        x = y = 0
        points: Ring = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)
    return arcs


def ring_points(arc_indexes: list[int], arcs: list[Ring]) -> Ring:
    """Join a ring's arcs; a negative index (~i) means arc i walked backwards."""
    points: Ring = []
    for index in arc_indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        # Consecutive arcs share their joining point; keep it once.
        points.extend(arc if not points else arc[1:])
    return points


def unwrap(points: Ring) -> Ring:
    """Make longitudes continuous: a ring crossing the antimeridian jumps from 180 to -180."""
    result: Ring = []
    offset = 0.0
    for index, (longitude, latitude) in enumerate(points):
        if index:
            step = longitude + offset - result[-1][0]
            if step > 180:
                offset -= 360
            elif step < -180:
                offset += 360
        result.append((longitude + offset, latitude))
    return result


def clip(points: Ring, limit: float, keep_below: bool) -> Ring:
    """Sutherland–Hodgman: the part of a ring on one side of the meridian ``limit``."""

    def inside(point: tuple[float, float]) -> bool:
        return point[0] <= limit if keep_below else point[0] >= limit

    result: Ring = []
    for index, current in enumerate(points):
        previous = points[index - 1]
        if inside(current) != inside(previous):
            share = (limit - previous[0]) / (current[0] - previous[0])
            result.append((limit, previous[1] + share * (current[1] - previous[1])))
        if inside(current):
            result.append(current)
    return result


def split_at_antimeridian(points: Ring) -> list[Ring]:
    """The pieces of a ring that fall within -180..180 once its longitudes are unwrapped."""
    points = unwrap(points)
    if all(-180 <= longitude <= 180 for longitude, _ in points):
        return [points]
    pieces = []
    for shift in (-360.0, 0.0, 360.0):
        shifted = [(longitude + shift, latitude) for longitude, latitude in points]
        piece = clip(clip(shifted, 180.0, keep_below=True), -180.0, keep_below=False)
        if len(piece) > 2:
            pieces.append(piece)
    return pieces


def ring_path(points: Ring) -> str:
    """SVG path data of one ring, projected, rounded to 0.1 unit, repeated points dropped."""
    commands: list[str] = []
    previous = None
    for longitude, latitude in points:
        point = project(latitude, longitude)
        coords = (point.x, point.y)
        if coords == previous:
            continue
        commands.append(f"{'M' if previous is None else 'L'}{point.x:g},{point.y:g}")
        previous = coords
    return "".join(commands) + "Z" if len(commands) > 2 else ""


def country_paths(topology: dict) -> list[tuple[str, str, str]]:
    """(numeric id, English name, path data) of every country except Antarctica."""
    arcs = decode_arcs(topology)
    result = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry.get("id") == ANTARCTICA or geometry["type"] not in {
            "Polygon",
            "MultiPolygon",
        }:
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        data = "".join(
            ring_path(piece)
            for polygon in polygons
            for ring in polygon
            for piece in split_at_antimeridian(ring_points(ring, arcs))
            if any(latitude > MAP_BOTTOM_LATITUDE for _, latitude in piece)
        )
        if data:
            result.append((geometry.get("id", ""), geometry["properties"]["name"], data))
    return result


def render_svg(paths: list[tuple[str, str, str]]) -> str:
    # Colours are presentation attributes, not a <style> element: the file is shown through
    # <image>, where page CSS cannot reach it.
    lines = [
        '<svg xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="{view_box()}" preserveAspectRatio="xMidYMid meet">',
        "<!-- Natural Earth 1:110m countries (public domain) via world-atlas 2 (ISC). "
        "Generated by tools/build_world_map.py; do not edit. -->",
        '<g fill="#dfe6e9" stroke="#ffffff" stroke-width="0.6" stroke-linejoin="round">',
    ]
    lines += [f'<path data-id="{cid}" data-name="{name}" d="{d}"/>' for cid, name, d in paths]
    lines += ["</g>", "</svg>", ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("topojson", type=Path, help="countries-110m.json from world-atlas@2")
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    topology = json.loads(args.topojson.read_text(encoding="utf-8"))
    svg = render_svg(country_paths(topology))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(svg, encoding="utf-8")
    print(f"wrote {args.output} ({len(svg) // 1024} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
