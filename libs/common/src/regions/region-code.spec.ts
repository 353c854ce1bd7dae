import { regionContains, regionLevel } from './region-code';

describe('administrative region codes', () => {
  it('know their level', () => {
    expect(regionLevel('440000')).toBe(1);
    expect(regionLevel('440100')).toBe(2);
    expect(regionLevel('440106')).toBe(3);
  });

  it('know what contains what', () => {
    expect(regionContains('440000', '440106')).toBe(true);
    expect(regionContains('440100', '440106')).toBe(true);
    expect(regionContains('440106', '440106')).toBe(true);
    expect(regionContains('440100', '440306')).toBe(false);
    expect(regionContains('440106', '440104')).toBe(false);
    expect(regionContains('440106', '440100')).toBe(false);
    expect(regionContains('440000', '450100')).toBe(false);
  });
});
