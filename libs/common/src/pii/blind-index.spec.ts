import { createHash, randomBytes } from 'node:crypto';
import { BlindIndex } from './blind-index';

describe('BlindIndex (HMAC-SM3)', () => {
  it('uses an SM3 that matches the GB/T 32905 test vector', () => {
    expect(createHash('sm3').update('abc').digest('hex')).toBe(
      '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0',
    );
  });

  it('finds the same value however it was typed, and tells kinds and keys apart', () => {
    const index = new BlindIndex(randomBytes(32));
    expect(index.of('phone', '138 1234-5678')).toBe(index.of('phone', '13812345678'));
    expect(index.of('idNumber', '11010119900307123x')).toBe(index.of('idNumber', '11010119900307123X'));
    expect(index.of('phone', '13812345678')).not.toBe(index.of('phone', '13812345679'));
    expect(index.of('phone', '13812345678')).not.toBe(index.of('idNumber', '13812345678'));
    expect(new BlindIndex(randomBytes(32)).of('phone', '13812345678')).not.toBe(index.of('phone', '13812345678'));
  });
});
