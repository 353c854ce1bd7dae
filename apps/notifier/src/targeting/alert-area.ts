import { BoundingBox, Circle, circleBox, isInCircle, isInPolygon, LatLon, polygonBox } from './geometry';
import { reachesAnyRegion, regionLookup } from './region-reach';

/**
 * Where an alert applies, as CAP's <area> blocks say it: administrative codes (the 6-digit GB/T 2260 geocodes; other
 * geocode schemes are the caller's to translate or drop), polygons (rings of WGS-84 vertices) and circles. An alert
 * reaches whoever any of its areas reaches.
 */
export interface AlertArea {
  regionCodes: readonly string[];
  polygons: ReadonlyArray<readonly LatLon[]>;
  circles: readonly Circle[];
}

/** What targeting knows about a subscriber's whereabouts: the regions they registered and where they said they are. */
export interface Whereabouts {
  regionCodes: readonly string[];
  location: LatLon | null;
}

export function isInAnyArea(subscriber: Whereabouts, areas: readonly AlertArea[]): boolean {
  return areas.some((area) => isInArea(subscriber, area));
}

/**
 * By region code both ways (region-reach.ts); by location inside a polygon or a circle, edges included. A subscriber
 * who registered only regions is never reached by a polygon: "somewhere in Tianhe" is not a point to test.
 */
export function isInArea(subscriber: Whereabouts, area: AlertArea): boolean {
  if (reachesAnyRegion(area.regionCodes, subscriber.regionCodes)) return true;
  return subscriber.location !== null && isInShapeOf(subscriber.location, area);
}

/** Inside (or on the edge of) one of the areas' polygons or circles. */
export function isInAnyShape(location: LatLon, areas: readonly AlertArea[]): boolean {
  return areas.some((area) => isInShapeOf(location, area));
}

function isInShapeOf(location: LatLon, area: AlertArea): boolean {
  return (
    area.polygons.some((ring) => isInPolygon(location, ring)) ||
    area.circles.some((circle) => isInCircle(location, circle))
  );
}

/** Past this many shapes the index is asked about one box around them all: fewer, coarser lookups. */
const MAX_BOXES = 32;

/**
 * What the database is asked first: the region codes as index lookups, and a box around each shape. Everyone the
 * areas reach is among the answers; a few near a shape's corners are not reached and are dropped by isInArea.
 */
export function narrowingOf(areas: readonly AlertArea[]): {
  inScope: string[];
  around: string[];
  boxes: BoundingBox[];
} {
  const { inScope, around } = regionLookup(areas.flatMap((area) => area.regionCodes));
  const boxes = areas.flatMap((area) => [...area.polygons.map(polygonBox), ...area.circles.map(circleBox)]);
  return { inScope, around, boxes: boxes.length > MAX_BOXES ? [enclosing(boxes)] : boxes };
}

function enclosing(boxes: readonly BoundingBox[]): BoundingBox {
  return {
    south: Math.min(...boxes.map((box) => box.south)),
    west: Math.min(...boxes.map((box) => box.west)),
    north: Math.max(...boxes.map((box) => box.north)),
    east: Math.max(...boxes.map((box) => box.east)),
  };
}
