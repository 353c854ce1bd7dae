/**
 * Plane and sphere geometry for alert areas, in WGS-84 degrees. Polygons are small (a district, a river basin), so
 * the point-in-polygon test works on lat/lon as a plane, as CAP's own examples do; distances for circles are great
 * circle distances. No antimeridian or pole handling: every area we serve lies in China.
 */
export interface LatLon {
  lat: number;
  lon: number;
}

export interface Circle {
  centre: LatLon;
  radiusKm: number;
}

export interface BoundingBox {
  south: number;
  west: number;
  north: number;
  east: number;
}

/** IUGG mean Earth radius: the sphere haversine distances are measured on. */
export const EARTH_RADIUS_KM = 6371.0088;
const KM_PER_DEGREE = (EARTH_RADIUS_KM * Math.PI) / 180;
/** How close to an edge counts as on it, in degrees (~0.1 mm): absorbs rounding, nothing a person could stand in. */
const EDGE_TOLERANCE_DEG = 1e-9;

export function haversineKm(a: LatLon, b: LatLon): number {
  const toRad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * toRad;
  const dLon = (b.lon - a.lon) * toRad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * toRad) * Math.cos(b.lat * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Inside or on the edge of the circle. */
export function isInCircle(point: LatLon, circle: Circle): boolean {
  return haversineKm(point, circle.centre) <= circle.radiusKm;
}

/**
 * Ray casting on a ring of vertices (closed or not: a repeated first vertex adds an empty edge). A point on an edge
 * or vertex counts as inside: a boundary drawn through someone's street includes them rather than leaving them out.
 */
export function isInPolygon(point: LatLon, ring: readonly LatLon[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const a = ring[i];
    const b = ring[j];
    if (distanceToSegmentDeg(point, a, b) <= EDGE_TOLERANCE_DEG) return true;
    const crossesRay =
      a.lat > point.lat !== b.lat > point.lat &&
      point.lon < ((b.lon - a.lon) * (point.lat - a.lat)) / (b.lat - a.lat) + a.lon;
    if (crossesRay) inside = !inside;
  }
  return inside;
}

export function polygonBox(ring: readonly LatLon[]): BoundingBox {
  const box = { south: Infinity, west: Infinity, north: -Infinity, east: -Infinity };
  for (const { lat, lon } of ring) {
    box.south = Math.min(box.south, lat);
    box.north = Math.max(box.north, lat);
    box.west = Math.min(box.west, lon);
    box.east = Math.max(box.east, lon);
  }
  return box;
}

/**
 * A box that holds the whole circle: a degree of latitude is the same length everywhere, a degree of longitude
 * shrinks with cos(latitude), so the longitude span is taken at the circle's widest latitude (nearest the pole).
 */
export function circleBox(circle: Circle): BoundingBox {
  const dLat = circle.radiusKm / KM_PER_DEGREE;
  const south = Math.max(-90, circle.centre.lat - dLat);
  const north = Math.min(90, circle.centre.lat + dLat);
  const widestLat = Math.max(Math.abs(south), Math.abs(north));
  const cosWidest = Math.cos((widestLat * Math.PI) / 180);
  const dLon = cosWidest > 1e-6 ? Math.min(180, circle.radiusKm / (KM_PER_DEGREE * cosWidest)) : 180;
  // Widened by a hair so a point exactly on the circle is not lost to rounding before the exact test.
  const margin = 1e-7;
  return {
    south: south - margin,
    north: north + margin,
    west: circle.centre.lon - dLon - margin,
    east: circle.centre.lon + dLon + margin,
  };
}

function distanceToSegmentDeg(p: LatLon, a: LatLon, b: LatLon): number {
  const dx = b.lon - a.lon;
  const dy = b.lat - a.lat;
  const lengthSquared = dx * dx + dy * dy;
  const t =
    lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((p.lon - a.lon) * dx + (p.lat - a.lat) * dy) / lengthSquared));
  return Math.hypot(p.lon - (a.lon + t * dx), p.lat - (a.lat + t * dy));
}
