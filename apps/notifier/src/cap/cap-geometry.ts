/**
 * The geometry of a CAP <area> (CAP 1.2, 3.2.4): WGS-84 "lat,lon" points. A <polygon> is a closed ring of at
 * least four points, the first and last the same; a <circle> is a centre and a radius in kilometres.
 */
export interface LatLon {
  lat: number;
  lon: number;
}

export interface CapCircle {
  centre: LatLon;
  radiusKm: number;
}

export type Reading<T> = { value: T } | { problem: string };

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const MIN_RING_POINTS = 4;

export function readPolygon(text: string): Reading<LatLon[]> {
  const pairs = text.trim().split(/\s+/).filter(Boolean);
  const points: LatLon[] = [];
  for (const [index, pair] of pairs.entries()) {
    const point = readPoint(pair, `第 ${index + 1} 个点`);
    if ('problem' in point) return point;
    points.push(point.value);
  }
  if (points.length < MIN_RING_POINTS) {
    return {
      problem: `多边形至少需要 ${MIN_RING_POINTS} 个点（首尾为同一点，围成闭合环），现有 ${points.length} 个`,
    };
  }
  const first = points[0];
  const last = points[points.length - 1];
  if (first.lat !== last.lat || first.lon !== last.lon) {
    return {
      problem: `多边形没有闭合：最后一个点须与第一个点相同（首点 ${pairs[0]}，末点 ${pairs[pairs.length - 1]}）`,
    };
  }
  return { value: points };
}

export function readCircle(text: string): Reading<CapCircle> {
  const shape = '圆形区域须写成「纬度,经度 半径」，半径以千米计，如「23.13,113.26 5」';
  const parts = text.trim().split(/\s+/);
  if (parts.length !== 2) return { problem: shape };
  const centre = readPoint(parts[0], '圆心');
  if ('problem' in centre) return centre;
  if (!DECIMAL.test(parts[1])) return { problem: `${shape}；半径「${parts[1].slice(0, 20)}」不是数字` };
  const radiusKm = Number(parts[1]);
  if (radiusKm < 0) return { problem: `圆形区域的半径不能为负数（现为 ${parts[1]} 千米）` };
  return { value: { centre: centre.value, radiusKm } };
}

function readPoint(pair: string, name: string): Reading<LatLon> {
  const [latText, lonText, ...rest] = pair.split(',');
  if (rest.length > 0 || !DECIMAL.test(latText ?? '') || !DECIMAL.test(lonText ?? '')) {
    return { problem: `${name}「${pair.slice(0, 40)}」须写成「纬度,经度」（WGS-84 十进制度数，如 23.13,113.26）` };
  }
  const lat = Number(latText);
  const lon = Number(lonText);
  if (lat < -90 || lat > 90) return { problem: `${name}「${pair}」的纬度须在 -90 到 90 之间` };
  if (lon < -180 || lon > 180) return { problem: `${name}「${pair}」的经度须在 -180 到 180 之间` };
  return { value: { lat, lon } };
}
