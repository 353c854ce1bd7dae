import { AlertArea, isInAnyArea, isInAnyShape, isInArea, narrowingOf } from './alert-area';

const at = (lat: number, lon: number) => ({ lat, lon });
const area = (parts: Partial<AlertArea>): AlertArea => ({ regionCodes: [], polygons: [], circles: [], ...parts });
const tianheSquare = [at(23.1, 113.3), at(23.1, 113.4), at(23.2, 113.4), at(23.2, 113.3), at(23.1, 113.3)];

describe('whether an alert area reaches a subscriber', () => {
  it('reaches by region code, both ways round', () => {
    const cityAlert = area({ regionCodes: ['440100'] });
    expect(isInArea({ regionCodes: ['440106'], location: null }, cityAlert)).toBe(true);
    expect(isInArea({ regionCodes: ['440000'], location: null }, cityAlert)).toBe(true);
    expect(isInArea({ regionCodes: ['440306'], location: null }, cityAlert)).toBe(false);
  });

  it('reaches by location inside a polygon or a circle, and not by region alone', () => {
    const polygonAlert = area({ polygons: [tianheSquare] });
    expect(isInArea({ regionCodes: [], location: at(23.15, 113.35) }, polygonAlert)).toBe(true);
    expect(isInArea({ regionCodes: [], location: at(23.25, 113.35) }, polygonAlert)).toBe(false);
    expect(isInArea({ regionCodes: ['440106'], location: null }, polygonAlert)).toBe(false);
    const circleAlert = area({ circles: [{ centre: at(23, 113), radiusKm: 10 }] });
    expect(isInArea({ regionCodes: [], location: at(23.0899, 113) }, circleAlert)).toBe(true);
    expect(isInArea({ regionCodes: [], location: at(23.09, 113) }, circleAlert)).toBe(false);
  });

  it('reaches whoever any part of any area reaches', () => {
    const areas = [area({ regionCodes: ['440104'] }), area({ polygons: [tianheSquare] })];
    expect(isInAnyArea({ regionCodes: ['440104'], location: null }, areas)).toBe(true);
    expect(isInAnyArea({ regionCodes: ['440303'], location: at(23.15, 113.35) }, areas)).toBe(true);
    expect(isInAnyArea({ regionCodes: ['440303'], location: at(22.5, 114.0) }, areas)).toBe(false);
  });
});

describe('whether a location is inside an alert’s shapes', () => {
  it('tests polygons and circles, and ignores region codes', () => {
    const areas = [
      area({ regionCodes: ['440106'] }),
      area({ polygons: [tianheSquare], circles: [{ centre: at(23, 113), radiusKm: 10 }] }),
    ];
    expect(isInAnyShape(at(23.15, 113.35), areas)).toBe(true);
    expect(isInAnyShape(at(23.0899, 113), areas)).toBe(true);
    expect(isInAnyShape(at(23.09, 113), areas)).toBe(false);
    expect(isInAnyShape(at(23.25, 113.35), [area({ regionCodes: ['440106'] })])).toBe(false);
  });
});

describe('what the database is asked first', () => {
  it('turns codes into index lookups and shapes into their boxes', () => {
    const narrowing = narrowingOf([
      area({ regionCodes: ['440106', '440104'], polygons: [tianheSquare] }),
      area({ circles: [{ centre: at(23, 113), radiusKm: 10 }] }),
    ]);
    expect(narrowing.inScope).toEqual(['440106', '440104']);
    expect(narrowing.around).toEqual(['440100', '440000']);
    expect(narrowing.boxes[0]).toEqual({ south: 23.1, west: 113.3, north: 23.2, east: 113.4 });
    expect(narrowing.boxes[1].north).toBeCloseTo(23 + 10 / 111.195, 4);
    expect(narrowing.boxes).toHaveLength(2);
  });

  it('asks about one box around many shapes rather than dozens of boxes', () => {
    const many = Array.from({ length: 40 }, (_, n) => ({ centre: at(22 + n * 0.05, 113), radiusKm: 1 }));
    const { boxes } = narrowingOf([area({ circles: many })]);
    expect(boxes).toHaveLength(1);
    expect(boxes[0].south).toBeLessThan(22);
    expect(boxes[0].north).toBeGreaterThan(22 + 39 * 0.05);
  });
});
