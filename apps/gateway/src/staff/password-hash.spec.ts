import { hashPassword, UNKNOWN_USER_HASH, verifyPassword } from './password-hash';

describe('staff password hashing', () => {
  it('verifies the right password only, with a fresh salt each time', async () => {
    const hash = await hashPassword('正确的密码 123');
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(await hashPassword('正确的密码 123')).not.toBe(hash);
    expect(await verifyPassword('正确的密码 123', hash)).toBe(true);
    expect(await verifyPassword('正确的密码 124', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('never accepts a password against the unknown-user hash or a malformed one', async () => {
    expect(await verifyPassword('', UNKNOWN_USER_HASH)).toBe(false);
    expect(await verifyPassword('anything', 'plain-text')).toBe(false);
  });
});
