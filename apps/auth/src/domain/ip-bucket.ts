import { isIPv4, isIPv6 } from 'node:net';

/** The 8 hextets of an IPv6 address as numbers (handles "::" and a trailing dotted IPv4). */
function ipv6Hextets(address: string): number[] {
  let text = address.split('%')[0];
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted[1].split('.').map(Number);
    text = `${text.slice(0, -dotted[1].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const parse = (part: string | undefined) => (part ? part.split(':').map((h) => parseInt(h, 16)) : []);
  const left = parse(head);
  const right = parse(tail);
  const zeros = tail === undefined ? [] : new Array<number>(8 - left.length - right.length).fill(0);
  return [...left, ...zeros, ...right];
}

/**
 * The unit the per-address send cap counts in: an IPv4 address, or the /64 network of an
 * IPv6 address (one subscriber usually holds a whole /64, so counting single addresses
 * would not limit anyone). IPv4-mapped IPv6 counts as the IPv4 address.
 * Returns null for an empty or malformed address.
 */
export function ipBucketOf(clientIp: string): string | null {
  const ip = clientIp.trim();
  if (isIPv4(ip)) return ip;
  if (!isIPv6(ip)) return null;
  const hextets = ipv6Hextets(ip.toLowerCase());
  const isMappedV4 = hextets.slice(0, 5).every((h) => h === 0) && hextets[5] === 0xffff;
  if (isMappedV4) return [hextets[6] >> 8, hextets[6] & 0xff, hextets[7] >> 8, hextets[7] & 0xff].join('.');
  return `${hextets
    .slice(0, 4)
    .map((h) => h.toString(16))
    .join(':')}::/64`;
}

/** The address as PostgreSQL's INET accepts it (no IPv6 zone), or null. */
export function validIpOrNull(clientIp: string): string | null {
  const ip = clientIp.trim().split('%')[0];
  return isIPv4(ip) || isIPv6(ip) ? ip : null;
}
