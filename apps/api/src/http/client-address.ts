/**
 * Who a request comes from, for counting: the client address Express derives (the peer, or
 * `X-Forwarded-For` as far as TRUST_PROXY trusts the hops), normalised so one client is one key.
 */
import type { IncomingMessage } from 'node:http';
import type { Request } from 'express';
import { isIP } from 'node:net';

/**
 * The key a client address is counted under. An IPv6 client usually holds a whole /64, so it is
 * counted per /64; IPv4-mapped IPv6 addresses count as the IPv4 address.
 */
export function clientAddressKey(address: string | undefined): string {
  if (address === undefined || address === '') return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1] !== undefined) return mapped[1];
  const bare = address.split('%')[0] ?? address;
  if (isIP(bare) !== 6) return bare;
  return `${expandIPv6(bare).slice(0, 4).join(':')}::/64`;
}

/** The eight 16-bit groups of an IPv6 address, each as lowercase hex without leading zeros. */
function expandIPv6(address: string): string[] {
  const [head = '', tail] = address.split('::');
  const groups = (part: string) =>
    part === '' ? [] : part.split(':').flatMap((group) => (group.includes('.') ? ['0', '0'] : [group])); // dotted tail: 2 groups
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const zeros = Array.from({ length: Math.max(0, 8 - left.length - right.length) }, () => '0');
  return [...left, ...zeros, ...right].map((group) => parseInt(group, 16).toString(16));
}

/** The counting key of a request's client. */
export function clientKey(req: Request): string {
  return clientAddressKey(req.ip ?? req.socket.remoteAddress);
}

/** Whether a hop is a trusted proxy (Express's `trust proxy fn`). */
export type TrustProxy = (address: string, hop: number) => boolean;

/**
 * The counting key of a request outside Express (a WebSocket upgrade, a Socket.IO handshake): its client
 * address as Express would derive it, `X-Forwarded-For` as far as the hops are trusted.
 */
export function upgradeClientKey(req: IncomingMessage, trust: TrustProxy): string {
  const forwarded = req.headers['x-forwarded-for'];
  const hops = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? ''))
    .split(',')
    .map((hop) => hop.trim())
    .filter((hop) => hop !== '')
    .reverse();
  const chain = [req.socket.remoteAddress ?? '', ...hops];
  let i = 0;
  while (i < chain.length - 1 && trust(chain[i] ?? '', i)) i += 1;
  return clientAddressKey(chain[i]);
}
