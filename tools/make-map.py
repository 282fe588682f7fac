#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Converts Natural Earth's 1:110m country shapes, as the npm package
world-atlas carries them (TopoJSON, public domain), into data/map/world.json:
one entry per country with its ISO 3166-1 alpha-2 code (from Debian's
iso-codes), its rings as longitude/latitude in hundredths of a degree, and a
point to put a marker on (the centroid of its largest polygon). Countries
too small for the 1:110m shapes (Singapore, Malta, Monaco…) come from the
1:50m file as a marker alone, so that their hubs have a place on the map.

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python3 tools/make-map.py package/countries-110m.json package/countries-50m.json > data/map/world.json
"""

import json
import sys

ISO = "/usr/share/iso-codes/json/iso_3166-1.json"
# Shapes Natural Earth draws without an ISO number.
NO_NUMBER = {"Kosovo": "XK", "N. Cyprus": None, "Somaliland": None}


def decode_arcs(topo):
    scale_x, scale_y = topo["transform"]["scale"]
    shift_x, shift_y = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)
    return arcs


def ring_points(arcs, indices):
    points = []
    for index in indices:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


def unwrap(ring):
    """Makes longitudes continuous along the ring (no jump over 180)."""
    out = [ring[0]]
    for lon, lat in ring[1:]:
        prev = out[-1][0]
        while lon - prev > 180:
            lon -= 360
        while lon - prev < -180:
            lon += 360
        out.append((lon, lat))
    return out


def clip(ring, limit, keep_below):
    """Sutherland-Hodgman clipping of a ring against the meridian `limit`."""
    inside = (lambda p: p[0] <= limit) if keep_below else (lambda p: p[0] >= limit)
    out = []
    for i, current in enumerate(ring):
        previous = ring[i - 1]
        if inside(current):
            if not inside(previous):
                out.append(cross(previous, current, limit))
            out.append(current)
        elif inside(previous):
            out.append(cross(previous, current, limit))
    return out


def cross(a, b, limit):
    t = (limit - a[0]) / (b[0] - a[0])
    return (limit, a[1] + t * (b[1] - a[1]))


def split_at_antimeridian(ring):
    """Natural Earth rings that cross 180° (Russia, Fiji) or go round a pole
    (Antarctica) become rings within -180..180 that draw without a stray
    line across the map."""
    ring = unwrap(ring)
    drift = ring[-1][0] - ring[0][0]
    if abs(drift) > 180:
        # Round a pole: close the ring along the pole's latitude.
        pole = -90 if sum(p[1] for p in ring) < 0 else 90
        ring = ring + [(ring[-1][0], pole), (ring[0][0], pole)]
    low = min(p[0] for p in ring)
    high = max(p[0] for p in ring)
    if low >= -180 and high <= 180:
        return [ring]
    pieces = []
    for shift in (-720, -360, 0, 360, 720):
        shifted = [(x + shift, y) for x, y in ring]
        if max(p[0] for p in shifted) < -180 or min(p[0] for p in shifted) > 180:
            continue
        piece = clip(clip(shifted, 180, True), -180, False)
        if len(piece) >= 3:
            pieces.append(piece)
    return pieces


def area_and_centroid(ring):
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    area /= 2
    if abs(area) < 1e-12:
        return 0.0, ring[0]
    return abs(area), (cx / (6 * area), cy / (6 * area))


def read_countries(path, numeric):
    """Each country of a world-atlas file: code, name, rings, marker."""
    topo = json.load(open(path))
    arcs = decode_arcs(topo)
    countries = []
    for geometry in topo["objects"]["countries"]["geometries"]:
        name = geometry["properties"]["name"]
        code = numeric.get(geometry.get("id")) if "id" in geometry else NO_NUMBER.get(name)
        if geometry["type"] == "Polygon":
            polygons = [geometry["arcs"]]
        elif geometry["type"] == "MultiPolygon":
            polygons = geometry["arcs"]
        else:
            continue
        rings = []
        best = (0.0, None)
        for polygon in polygons:
            for i, ring in enumerate(polygon):
                for points in split_at_antimeridian(ring_points(arcs, ring)):
                    if i == 0:
                        area, centre = area_and_centroid(points)
                        if area > best[0] or best[1] is None:
                            best = (area, centre)
                    rings.append([v for x, y in points for v in (round(x * 100), round(y * 100))])
        centre = best[1] or (0, 0)
        countries.append({
            "code": code,
            "name": name,
            "marker": [round(centre[0] * 100), round(centre[1] * 100)],
            "rings": rings,
        })
    return countries


def main():
    numeric = {c["numeric"]: c["alpha_2"] for c in json.load(open(ISO))["3166-1"] if "numeric" in c}
    countries = read_countries(sys.argv[1], numeric)
    source = "Natural Earth 1:110m cultural vectors, version 4.1.0 (public domain)"
    if len(sys.argv) > 2:
        # the countries the 1:110m shapes leave out: a marker alone
        drawn = {c["code"] for c in countries if c["code"]}
        for country in read_countries(sys.argv[2], numeric):
            if country["code"] and country["code"] not in drawn:
                drawn.add(country["code"])
                countries.append(dict(country, rings=[]))
        source += ", with the markers of smaller countries from the 1:50m ones"
    countries.sort(key=lambda c: (c["code"] or "~", c["name"]))
    out = {
        "source": source + ", as world-atlas 2.0.2 carries them; converted by tools/make-map.py",
        "units": "hundredths of a degree of longitude and latitude",
        "countries": countries,
    }
    json.dump(out, sys.stdout, separators=(",", ":"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
