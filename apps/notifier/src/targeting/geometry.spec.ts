import { circleBox, haversineKm, isInCircle, isInPolygon, polygonBox } from './geometry';

const at = (lat: number, lon: number) => ({ lat, lon });

describe('point in polygon', () => {
  // A 0.1° square over Tianhe, closed as CAP writes it (first vertex repeated).
  const square = [at(23.1, 113.3), at(23.1, 113.4), at(23.2, 113.4), at(23.2, 113.3), at(23.1, 113.3)];

  it('tells inside from outside', () => {
    expect(isInPolygon(at(23.15, 113.35), square)).toBe(true);
    expect(isInPolygon(at(23.25, 113.35), square)).toBe(false);
    expect(isInPolygon(at(23.15, 113.29), square)).toBe(false);
    expect(isInPolygon(at(23.15, 113.41), square)).toBe(false);
  });

  it('counts a point on an edge or a vertex as inside', () => {
    expect(isInPolygon(at(23.1, 113.35), square)).toBe(true);
    expect(isInPolygon(at(23.15, 113.4), square)).toBe(true);
    expect(isInPolygon(at(23.2, 113.3), square)).toBe(true);
  });

  it('follows a slanted edge, with a hair outside staying outside', () => {
    const triangle = [at(23.0, 113.0), at(23.0, 113.2), at(23.2, 113.0), at(23.0, 113.0)];
    expect(isInPolygon(at(23.1, 113.1), triangle)).toBe(true); // on the hypotenuse
    expect(isInPolygon(at(23.05, 113.05), triangle)).toBe(true);
    expect(isInPolygon(at(23.1, 113.1001), triangle)).toBe(false); // ~10 m beyond it
  });

  it('is not fooled by a ray through vertices', () => {
    const diamond = [at(23.0, 113.1), at(23.1, 113.2), at(23.2, 113.1), at(23.1, 113.0), at(23.0, 113.1)];
    expect(isInPolygon(at(23.1, 113.05), diamond)).toBe(true);
    expect(isInPolygon(at(23.1, 112.95), diamond)).toBe(false);
    expect(isInPolygon(at(23.1, 113.25), diamond)).toBe(false);
  });

  it('leaves out the notch of a concave outline', () => {
    // An L: the square above without its north-east quarter.
    const ell = [
      at(23.1, 113.3),
      at(23.1, 113.4),
      at(23.15, 113.4),
      at(23.15, 113.35),
      at(23.2, 113.35),
      at(23.2, 113.3),
    ];
    expect(isInPolygon(at(23.175, 113.375), ell)).toBe(false);
    expect(isInPolygon(at(23.175, 113.325), ell)).toBe(true);
    expect(isInPolygon(at(23.125, 113.375), ell)).toBe(true);
  });

  it('has a bounding box of its extremes', () => {
    expect(polygonBox(square)).toEqual({ south: 23.1, west: 113.3, north: 23.2, east: 113.4 });
  });
});

describe('circles', () => {
  it('measures a degree of latitude as 111.195 km (the mean Earth radius × π/180)', () => {
    expect(haversineKm(at(23, 113), at(24, 113))).toBeCloseTo(111.195, 3);
    expect(haversineKm(at(0, 100), at(0, 101))).toBeCloseTo(111.195, 3);
    // A step east at 60° N is half as long as at the equator.
    expect(haversineKm(at(60, 100), at(60, 100.01)) / haversineKm(at(0, 100), at(0, 100.01))).toBeCloseTo(0.5, 5);
  });

  it('includes the points within the radius, the edge too', () => {
    const circle = { centre: at(23, 113), radiusKm: 10 };
    expect(isInCircle(at(23.0899, 113), circle)).toBe(true); // 9.996 km north
    expect(isInCircle(at(23.09, 113), circle)).toBe(false); // 10.008 km north
    expect(isInCircle(at(23, 113), circle)).toBe(true);
    expect(isInCircle(at(23, 113), { centre: at(23, 113), radiusKm: 0 })).toBe(true);
  });

  it('boxes the whole circle, wider in longitude than latitude away from the equator', () => {
    const circle = { centre: at(40, 116.4), radiusKm: 25 };
    const box = circleBox(circle);
    const dLat = 25 / 111.19508;
    expect(box.north).toBeCloseTo(40 + dLat, 6);
    expect(box.south).toBeCloseTo(40 - dLat, 6);
    expect(box.east - 116.4).toBeGreaterThan(dLat / Math.cos((40 * Math.PI) / 180));
    // Every point on the circle's rim lies in the box.
    for (let bearing = 0; bearing < 360; bearing += 5) {
      const rim = destination(circle.centre, bearing, 25);
      expect(haversineKm(rim, circle.centre)).toBeCloseTo(25, 6);
      expect(rim.lat).toBeGreaterThanOrEqual(box.south);
      expect(rim.lat).toBeLessThanOrEqual(box.north);
      expect(rim.lon).toBeGreaterThanOrEqual(box.west);
      expect(rim.lon).toBeLessThanOrEqual(box.east);
    }
  });
});

/** The point `km` away on a bearing, on the same sphere (the standard direct formula). */
function destination(from: { lat: number; lon: number }, bearingDeg: number, km: number) {
  const rad = Math.PI / 180;
  const angular = km / 6371.0088;
  const lat1 = from.lat * rad;
  const lat2 = Math.asin(
    Math.sin(lat1) * Math.cos(angular) + Math.cos(lat1) * Math.sin(angular) * Math.cos(bearingDeg * rad),
  );
  const lon2 =
    from.lon * rad +
    Math.atan2(
      Math.sin(bearingDeg * rad) * Math.sin(angular) * Math.cos(lat1),
      Math.cos(angular) - Math.sin(lat1) * Math.sin(lat2),
    );
  return { lat: lat2 / rad, lon: lon2 / rad };
}
