import { createHash, timingSafeEqual } from 'node:crypto';
import { BlockList, isIP } from 'node:net';
import { AddressBlock } from './sms-config';

/**
 * Who may call the SMS callbacks. The vendors do not sign them, so two checks stand in: a secret path segment only
 * the vendor console knows, and the caller's address on an allowlist of the vendors' callback ranges.
 */

export function blockListOf(blocks: readonly AddressBlock[]): BlockList {
  const list = new BlockList();
  for (const block of blocks) list.addSubnet(block.address, block.prefix, block.family);
  return list;
}

function contains(list: BlockList, address: string): boolean {
  const version = isIP(address);
  if (version === 0) return false;
  return list.check(address, version === 4 ? 'ipv4' : 'ipv6');
}

/**
 * The address a request really came from. Only a trusted proxy's X-Forwarded-For is believed, and only up to the first
 * hop that is not one of ours (read from the right): anything further left was written by the client itself.
 */
export function callerAddress(peer: string, forwardedFor: string | undefined, trustedProxies: BlockList): string {
  if (!forwardedFor || !contains(trustedProxies, peer)) return peer;
  const hops = forwardedFor
    .split(',')
    .map((hop) => hop.trim())
    .filter((hop) => hop !== '');
  for (let index = hops.length - 1; index >= 0; index -= 1) {
    if (!contains(trustedProxies, hops[index])) return hops[index];
  }
  return hops[0] ?? peer;
}

export function isAllowedCaller(address: string, allowed: BlockList): boolean {
  return contains(allowed, address);
}

/** Compares in constant time; hashing first makes the lengths equal, so the length leaks nothing either. */
export function secretMatches(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}
