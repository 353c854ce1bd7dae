import { randomBytes } from 'node:crypto';
import { BlindIndex } from './blind-index';
import { canonicalPhone, PHONE_INDEX_KIND, phoneBlindIndex } from './phone-blind-index';

describe('phoneBlindIndex', () => {
  const index = new BlindIndex(randomBytes(32));

  it('indexes a mainland mobile by its 11 digits, however the prefix and spacing are written', () => {
    const expected = index.of(PHONE_INDEX_KIND, '13812345678');
    expect(phoneBlindIndex(index, '13812345678')).toBe(expected);
    expect(phoneBlindIndex(index, '+8613812345678')).toBe(expected);
    expect(phoneBlindIndex(index, '0086 138-1234-5678')).toBe(expected);
  });

  it('tells different numbers apart and leaves numbers outside the mainland as they are', () => {
    expect(phoneBlindIndex(index, '+8613812345679')).not.toBe(phoneBlindIndex(index, '+8613812345678'));
    expect(canonicalPhone('+85261234567')).toBe('+85261234567');
    // 12345678901 is not a mobile number: no prefix is taken off a number that only looks like one.
    expect(canonicalPhone('+8612345678901')).toBe('+8612345678901');
  });
});
