import { reachesAnyRegion, reachesRegion, regionLookup, regionScope } from './region-reach';

describe('which registered regions an alert region reaches', () => {
  it('reaches the districts inside a city or province alert', () => {
    expect(reachesRegion('440100', '440106')).toBe(true);
    expect(reachesRegion('440000', '440106')).toBe(true);
    expect(reachesRegion('440000', '440300')).toBe(true);
    expect(reachesRegion('440106', '440106')).toBe(true);
  });

  it('reaches those who registered the whole city or province around a district alert', () => {
    expect(reachesRegion('440106', '440100')).toBe(true);
    expect(reachesRegion('440106', '440000')).toBe(true);
    expect(reachesRegion('440100', '440000')).toBe(true);
  });

  it('does not reach neighbours, other cities or other provinces', () => {
    expect(reachesRegion('440106', '440104')).toBe(false);
    expect(reachesRegion('440100', '440306')).toBe(false);
    expect(reachesRegion('440306', '440100')).toBe(false);
    expect(reachesRegion('440000', '450103')).toBe(false);
    expect(reachesRegion('450000', '440000')).toBe(false);
  });

  it('reaches a subscriber when any of their regions is reached by any of the alert regions', () => {
    expect(reachesAnyRegion(['440104', '440105'], ['440106', '440105'])).toBe(true);
    expect(reachesAnyRegion(['440104', '440105'], ['440106', '440303'])).toBe(false);
    expect(reachesAnyRegion([], ['440106'])).toBe(false);
  });

  it('scopes a code with the regions around it', () => {
    expect(regionScope('440106')).toEqual(['440106', '440100', '440000']);
    expect(regionScope('440100')).toEqual(['440100', '440000']);
    expect(regionScope('440000')).toEqual(['440000']);
  });

  it('asks the index exactly the same question as the rule, for every pair of a sample of codes', () => {
    const codes = ['440000', '440100', '440104', '440106', '440300', '440306', '450000', '450100', '450103', '110101'];
    for (const alertCode of codes) {
      const { inScope, around } = regionLookup([alertCode]);
      for (const subscriberCode of codes) {
        const byIndex =
          regionScope(subscriberCode).some((code) => inScope.includes(code)) || around.includes(subscriberCode);
        expect([alertCode, subscriberCode, byIndex]).toEqual([
          alertCode,
          subscriberCode,
          reachesRegion(alertCode, subscriberCode),
        ]);
      }
    }
  });
});
