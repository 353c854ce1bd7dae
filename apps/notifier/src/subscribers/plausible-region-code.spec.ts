import { isPlausibleRegionCode } from './plausible-region-code';

describe('plausible region codes', () => {
  it('accepts provinces, cities and districts', () => {
    for (const code of ['440000', '440100', '440106', '110101', '650102', '419001', '810000']) {
      expect([code, isPlausibleRegionCode(code)]).toEqual([code, true]);
    }
  });

  it('refuses wrong lengths, unknown provinces and a district without a city', () => {
    for (const code of ['44010', '4401066', '44010a', '000000', '990101', '100000', '440006']) {
      expect([code, isPlausibleRegionCode(code)]).toEqual([code, false]);
    }
  });
});
