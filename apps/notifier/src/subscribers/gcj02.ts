import { LatLon } from '../targeting/geometry';

/**
 * GCJ-02 (the "Mars" datum of Chinese maps: WeChat, Tencent, Amap) and WGS-84 (GPS, CAP polygons). A location shared
 * in WeChat is GCJ-02, offset from the true position by a few hundred metres; an alert's polygon is WGS-84. Mixing
 * them would put a subscriber on the wrong side of a street-level boundary, so locations are stored in WGS-84.
 *
 * The WGS-84 → GCJ-02 formula is the well-known public one (Krasovsky ellipsoid, a = 6378245 m); it has no closed
 * inverse, so GCJ-02 → WGS-84 iterates: guess, shift the guess forward, correct by the miss. Each step shrinks the
 * miss about a hundredfold, and it stops once below 1e-9° (~0.1 mm). Outside China both datums coincide.
 */
const SEMI_MAJOR_AXIS_M = 6378245.0;
const ECCENTRICITY_SQUARED = 0.006693421622965943;

/** The rough box the datum applies in; outside it the offset is zero. */
export function isOutsideChina({ lat, lon }: LatLon): boolean {
  return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

export function wgs84ToGcj02(point: LatLon): LatLon {
  if (isOutsideChina(point)) return point;
  const { dLat, dLon } = offsetAt(point);
  return { lat: point.lat + dLat, lon: point.lon + dLon };
}

export function gcj02ToWgs84(point: LatLon): LatLon {
  if (isOutsideChina(point)) return point;
  let guess = { lat: point.lat, lon: point.lon };
  for (let step = 0; step < 20; step += 1) {
    const shifted = wgs84ToGcj02(guess);
    const missLat = shifted.lat - point.lat;
    const missLon = shifted.lon - point.lon;
    guess = { lat: guess.lat - missLat, lon: guess.lon - missLon };
    if (Math.abs(missLat) < 1e-9 && Math.abs(missLon) < 1e-9) break;
  }
  return guess;
}

function offsetAt({ lat, lon }: LatLon): { dLat: number; dLon: number } {
  const x = lon - 105.0;
  const y = lat - 35.0;
  const radLat = (lat / 180.0) * Math.PI;
  const sinLat = Math.sin(radLat);
  const magic = 1 - ECCENTRICITY_SQUARED * sinLat * sinLat;
  const sqrtMagic = Math.sqrt(magic);
  const dLat =
    (latitudeShift(x, y) * 180.0) /
    (((SEMI_MAJOR_AXIS_M * (1 - ECCENTRICITY_SQUARED)) / (magic * sqrtMagic)) * Math.PI);
  const dLon = (longitudeShift(x, y) * 180.0) / ((SEMI_MAJOR_AXIS_M / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return { dLat, dLon };
}

function latitudeShift(x: number, y: number): number {
  let shift = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  shift += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  shift += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  shift += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320.0 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  return shift;
}

function longitudeShift(x: number, y: number): number {
  let shift = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  shift += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  shift += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  shift += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  return shift;
}
