import { cacheMillisFor } from './shared-access-token';

describe('cacheMillisFor', () => {
  it('keeps the usual 7200 s token for 7200 s less five minutes', () => {
    expect(cacheMillisFor(7200)).toBe(6_900_000);
  });

  it('keeps a short-lived token for nine tenths of its life', () => {
    expect(cacheMillisFor(10)).toBe(9_000);
  });
});
