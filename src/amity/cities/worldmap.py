"""Where a place appears on the offline world map.

The country shapes are drawn once, by ``tools/build_world_map.py``, into
``static/amity/map/world.svg`` with the projection below; markers placed at run time must use the
very same projection and canvas, so both live here and the build script imports them. No Django
import: the build script runs without settings.
"""

import math
from dataclasses import dataclass

# The canvas of world.svg. The height leaves out Antarctica (nobody's partner) to give the
# inhabited continents more room.
MAP_WIDTH = 1000.0
MAP_TOP_LATITUDE = 84.0
MAP_BOTTOM_LATITUDE = -58.0

# Natural Earth I (Šavrič, Jenny, Patterson & Jenny 2011): a compromise projection that looks
# familiar from atlases and is a pair of polynomials, so no projection library is needed.
_X_COEFFICIENTS = (0.8707, -0.131979, -0.013791, 0.003971, -0.001529)
_Y_COEFFICIENTS = (1.007226, 0.015085, -0.044475, 0.028874, -0.005916)


def _natural_earth(longitude: float, latitude: float) -> tuple[float, float]:
    """Project degrees to the unscaled Natural Earth I plane (x to the east, y to the north)."""
    lam = math.radians(longitude)
    phi = math.radians(latitude)
    p2 = phi * phi
    p4 = p2 * p2
    # d3-geo's geoNaturalEarth1: x has terms in phi^0, 2, 4, 10 and 12.
    x = lam * (
        _X_COEFFICIENTS[0]
        + _X_COEFFICIENTS[1] * p2
        + p4 * (_X_COEFFICIENTS[2] + p4 * (_X_COEFFICIENTS[3] * p2 + _X_COEFFICIENTS[4] * p4))
    )
    # … and y has terms in phi^1, 3, 7, 9 and 11.
    y = phi * (
        _Y_COEFFICIENTS[0]
        + _Y_COEFFICIENTS[1] * p2
        + p2 * p4 * (_Y_COEFFICIENTS[2] + _Y_COEFFICIENTS[3] * p2 + _Y_COEFFICIENTS[4] * p4)
    )
    return x, y


_LEFT, _ = _natural_earth(-180.0, 0.0)
_RIGHT, _ = _natural_earth(180.0, 0.0)
_, _TOP = _natural_earth(0.0, MAP_TOP_LATITUDE)
_, _BOTTOM = _natural_earth(0.0, MAP_BOTTOM_LATITUDE)
_SCALE = MAP_WIDTH / (_RIGHT - _LEFT)
MAP_HEIGHT = round((_TOP - _BOTTOM) * _SCALE, 1)


@dataclass(frozen=True)
class MapPoint:
    """A position on the canvas, in SVG user units (origin top left, y downwards)."""

    x: float
    y: float


def project(latitude: float, longitude: float) -> MapPoint:
    """Place a latitude/longitude (degrees) on the world.svg canvas."""
    # Clamp rather than reject: a place beyond the drawn band still gets a marker at the edge.
    latitude = max(MAP_BOTTOM_LATITUDE, min(MAP_TOP_LATITUDE, latitude))
    longitude = max(-180.0, min(180.0, longitude))
    x, y = _natural_earth(longitude, latitude)
    return MapPoint(x=round((x - _LEFT) * _SCALE, 1), y=round((_TOP - y) * _SCALE, 1))


def view_box() -> str:
    """The SVG viewBox shared by world.svg and every page that draws markers on it."""
    return f"0 0 {MAP_WIDTH:g} {MAP_HEIGHT:g}"


def view_box_around(point: MapPoint, width: float = 320.0, height: float = 180.0) -> str:
    """A viewBox that zooms into the region around a point, kept inside the canvas."""
    left = min(max(point.x - width / 2, 0.0), MAP_WIDTH - width)
    top = min(max(point.y - height / 2, 0.0), MAP_HEIGHT - height)
    return f"{left:g} {top:g} {width:g} {height:g}"
