import { blockListOf, callerAddress, isAllowedCaller, secretMatches } from './callback-access';
import { parseCidrList } from './sms-config';

function blocks(text: string) {
  const parsed = parseCidrList(text);
  if (!parsed.ok) throw new Error(parsed.problem);
  return blockListOf(parsed.blocks);
}

describe('the caller of an SMS callback', () => {
  const vendors = blocks('203.0.113.0/24, 198.51.100.7, 2001:db8::/32');

  it('is allowed from a listed block or address, IPv4-mapped IPv6 included', () => {
    expect(isAllowedCaller('203.0.113.200', vendors)).toBe(true);
    expect(isAllowedCaller('198.51.100.7', vendors)).toBe(true);
    expect(isAllowedCaller('::ffff:203.0.113.9', vendors)).toBe(true);
    expect(isAllowedCaller('2001:db8::1', vendors)).toBe(true);
  });

  it('is refused from anywhere else, and when the address is not an address', () => {
    expect(isAllowedCaller('198.51.100.8', vendors)).toBe(false);
    expect(isAllowedCaller('127.0.0.1', vendors)).toBe(false);
    expect(isAllowedCaller('unknown', vendors)).toBe(false);
  });

  it('is refused by an empty allowlist', () => {
    expect(isAllowedCaller('203.0.113.1', blocks(''))).toBe(false);
  });
});

describe('the address behind a reverse proxy', () => {
  const proxies = blocks('10.0.0.0/8');

  it('is the peer itself without a trusted proxy', () => {
    expect(callerAddress('203.0.113.5', '198.51.100.7', proxies)).toBe('203.0.113.5');
    expect(callerAddress('10.0.0.2', undefined, proxies)).toBe('10.0.0.2');
  });

  it('is the last hop the trusted proxies saw', () => {
    expect(callerAddress('10.0.0.2', '203.0.113.5', proxies)).toBe('203.0.113.5');
    expect(callerAddress('10.0.0.2', '203.0.113.5, 10.1.1.1', proxies)).toBe('203.0.113.5');
  });

  it('ignores what a client wrote further left', () => {
    expect(callerAddress('10.0.0.2', '198.51.100.7, 192.0.2.66', proxies)).toBe('192.0.2.66');
  });
});

describe('the path secret', () => {
  it('matches only itself', () => {
    const secret = 'a'.repeat(48);
    expect(secretMatches(secret, secret)).toBe(true);
    expect(secretMatches(`${secret}b`, secret)).toBe(false);
    expect(secretMatches('', secret)).toBe(false);
  });
});

describe('address lists from config', () => {
  it('reads addresses and blocks, and names a bad entry by position', () => {
    expect(parseCidrList(' 127.0.0.1 , ::1/128').ok).toBe(true);
    expect(parseCidrList('127.0.0.1,10.0.0.0/33')).toEqual({
      ok: false,
      problem: 'entry 2 must be an IP address or CIDR block (a.b.c.d/n)',
    });
    expect(parseCidrList('example.com').ok).toBe(false);
  });
});
