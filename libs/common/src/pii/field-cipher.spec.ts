import { createCipheriv, randomBytes } from 'node:crypto';
import { FieldCipher, PersonalDataUnreadable } from './field-cipher';

const keys = new Map([
  ['2025', randomBytes(32)],
  ['2026', randomBytes(32)],
]);

describe('FieldCipher (SM4-CBC + HMAC-SM3)', () => {
  it('uses an SM4 that matches the GB/T 32907 test vector', () => {
    const key = Buffer.from('0123456789abcdeffedcba9876543210', 'hex');
    const cipher = createCipheriv('sm4-ecb', key, null).setAutoPadding(false);
    const out = Buffer.concat([cipher.update(key), cipher.final()]);
    expect(out.toString('hex')).toBe('681edf34d206965e86b3e94f536e4246');
  });

  it('round-trips text, with a fresh IV each time, and names its key', () => {
    const cipher = new FieldCipher(keys, '2026');
    const first = cipher.encrypt('广州市天河区体育西路 13812345678');
    const second = cipher.encrypt('广州市天河区体育西路 13812345678');
    expect(first).not.toBe(second);
    expect(first).toMatch(/^sm4:2026:/);
    expect(first).not.toContain('13812345678');
    expect(cipher.decrypt(first)).toBe('广州市天河区体育西路 13812345678');
  });

  it('still reads values written under an older key after rotation, and marks them stale', () => {
    const old = new FieldCipher(keys, '2025').encrypt('张三');
    const rotated = new FieldCipher(keys, '2026');
    expect(rotated.decrypt(old)).toBe('张三');
    expect(rotated.isStale(old)).toBe(true);
    expect(rotated.isStale(rotated.encrypt('张三'))).toBe(false);
  });

  it('refuses a tampered ciphertext, a swapped key id and an unknown key', () => {
    const cipher = new FieldCipher(keys, '2026');
    const stored = cipher.encrypt('13812345678');
    const [scheme, keyId, data] = stored.split(':');
    const bytes = Buffer.from(data, 'base64url');
    bytes[20] ^= 1;
    expect(() => cipher.decrypt(`${scheme}:${keyId}:${bytes.toString('base64url')}`)).toThrow(PersonalDataUnreadable);
    expect(() => cipher.decrypt(`${scheme}:2025:${data}`)).toThrow(PersonalDataUnreadable);
    expect(() => cipher.decrypt(`${scheme}:1999:${data}`)).toThrow(/unknown key id/);
    expect(() => cipher.decrypt('13812345678')).toThrow(PersonalDataUnreadable);
  });

  it('answers undefined instead of throwing when asked only to try', () => {
    const cipher = new FieldCipher(keys, '2026');
    const stored = cipher.encrypt('13812345678');
    expect(cipher.tryDecrypt(stored)).toBe('13812345678');
    expect(cipher.tryDecrypt(`sm4:1999:${stored.split(':')[2]}`)).toBeUndefined();
    expect(cipher.tryDecrypt('13812345678')).toBeUndefined();
  });
});
