import { haversineKm } from '../targeting/geometry';
import { gcj02ToWgs84, wgs84ToGcj02 } from './gcj02';

// WGS-84 → GCJ-02 pairs published with the open-source eviltransform library (googollee/eviltransform, its tests).
const KNOWN_PAIRS = [
  {
    place: 'Shanghai, Pudong',
    wgs84: { lat: 31.1774276, lon: 121.5272106 },
    gcj02: { lat: 31.17530398364597, lon: 121.531541859215 },
  },
  {
    place: 'Shenzhen, Nanshan',
    wgs84: { lat: 22.543847, lon: 113.912316 },
    gcj02: { lat: 22.540796131694766, lon: 113.9171764808363 },
  },
  {
    place: 'Beijing, Xicheng',
    wgs84: { lat: 39.911954, lon: 116.377817 },
    gcj02: { lat: 39.91334545536069, lon: 116.38404722455657 },
  },
];

describe('GCJ-02 ↔ WGS-84', () => {
  it.each(KNOWN_PAIRS)('shifts $place as the public formula does', ({ wgs84, gcj02 }) => {
    const shifted = wgs84ToGcj02(wgs84);
    expect(shifted.lat).toBeCloseTo(gcj02.lat, 9);
    expect(shifted.lon).toBeCloseTo(gcj02.lon, 9);
  });

  it.each(KNOWN_PAIRS)(
    'brings a WeChat location in $place back to within a metre of its GPS position',
    ({ wgs84, gcj02 }) => {
      // The datum moves these points by hundreds of metres: stored unconverted, they would be in the wrong street.
      expect(haversineKm(wgs84, gcj02) * 1000).toBeGreaterThan(300);
      expect(haversineKm(gcj02ToWgs84(gcj02), wgs84) * 1000).toBeLessThan(1);
    },
  );

  it('inverts the forward shift across China, not only at the sample points', () => {
    for (let lat = 18; lat <= 53; lat += 5) {
      for (let lon = 74; lon <= 134; lon += 6) {
        const gps = { lat: lat + 0.123, lon: lon + 0.456 };
        expect(haversineKm(gcj02ToWgs84(wgs84ToGcj02(gps)), gps) * 1000).toBeLessThan(0.01);
      }
    }
  });

  it('agrees with another implementation (hujiulong/gcoord) on a point in Heilongjiang', () => {
    const wgs84 = gcj02ToWgs84({ lat: 45, lon: 123 });
    expect(wgs84.lon).toBeCloseTo(122.99395597, 5);
    expect(wgs84.lat).toBeCloseTo(44.99804071, 5);
  });

  it('leaves positions outside China as they are', () => {
    const paris = { lat: 48.8584, lon: 2.2945 };
    expect(gcj02ToWgs84(paris)).toEqual(paris);
    expect(wgs84ToGcj02(paris)).toEqual(paris);
  });
});
