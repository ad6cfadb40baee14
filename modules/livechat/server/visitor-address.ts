import { BlockList, isIPv4, isIPv6 } from 'node:net';

/** Addresses no website visitor has on the public internet: a proxy's, a load balancer's, this machine's. */
const NOT_PUBLIC = new BlockList();
for (const [network, prefix] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.168.0.0', 16]] as const) NOT_PUBLIC.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10]] as const) NOT_PUBLIC.addSubnet(network, prefix, 'ipv6');

/** Longest textual address kept (an IPv6 address with an embedded IPv4 one). */
export const ADDRESS_MAX = 45;

/** The client address as express resolved it (TRUST_PROXY), IPv4-mapped IPv6 written as IPv4; null when not an address. */
export function clientAddress(raw: string | undefined): string | null {
  const address = raw?.startsWith('::ffff:') && isIPv4(raw.slice(7)) ? raw.slice(7) : raw;
  return address && address.length <= ADDRESS_MAX && (isIPv4(address) || isIPv6(address)) ? address.toLowerCase() : null;
}

/**
 * What a block by address holds, or null when the address must never be blocked: a loopback, private or
 * link-local one is a proxy's when TRUST_PROXY does not name that proxy, and blocking it would block every
 * visitor behind it. IPv4 is blocked as is; IPv6 by its /64, which one subscriber holds and a browser
 * rotates its temporary addresses within.
 */
export function blockableAddress(address: string | null): string | null {
  if (!address) return null;
  if (isIPv4(address)) return NOT_PUBLIC.check(address, 'ipv4') ? null : address;
  if (!isIPv6(address) || NOT_PUBLIC.check(address, 'ipv6')) return null;
  return `${expandIPv6(address).slice(0, 4).join(':')}::/64`;
}

/** The eight groups of an IPv6 address, without leading zeros (`2001:db8::1` → 2001, db8, 0, …, 1). */
function expandIPv6(address: string): string[] {
  const [head, tail = ''] = address.split('::');
  const groups = (part: string) => (part ? part.split(':') : []);
  let right = groups(tail);
  // An embedded IPv4 tail (::ffff:1.2.3.4, 64:ff9b::1.2.3.4) is two groups.
  const last = right[right.length - 1] ?? '';
  if (isIPv4(last)) {
    const [a, b, c, d] = last.split('.').map(Number);
    right = [...right.slice(0, -1), ((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
  }
  const left = groups(head);
  const zeros = address.includes('::') ? Array(8 - left.length - right.length).fill('0') : [];
  return [...left, ...zeros, ...right].map((g) => parseInt(g, 16).toString(16));
}
