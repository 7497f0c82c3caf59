/**
 * The guard in front of every request the API makes to a URL a client gave (result callbacks):
 * http(s) only, no credentials in the URL, the host resolved once and every address it resolves to
 * checked against private, loopback, link-local, multicast and reserved ranges, unless the admins
 * listed the host (CALLBACK_ALLOWED_HOSTS, `host` or `host:port`). The caller connects to the
 * address checked here, never to a second resolution of the name.
 */
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

const BLOCKED = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  BLOCKED.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001::', 23],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const)
  BLOCKED.addSubnet(network, prefix, 'ipv6');

export class CallbackRefused extends Error {
  override name = 'CallbackRefused';
}

/** A callback target after the checks: connect to `address`, send `Host` and SNI for `url`'s host. */
export interface CheckedTarget {
  url: URL;
  address: string;
  family: 4 | 6;
}

/** The IPv4 address inside an IPv4-mapped or -compatible IPv6 one (`::ffff:10.0.0.1`), else null. */
function embeddedIpv4(address: string): string | null {
  const match = /^(?:0*:)*:(?:ffff:)?(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (match?.[1]) return match[1];
  const hex = /^(?:0*:)*:ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (hex?.[1] && hex[2]) {
    const high = parseInt(hex[1], 16);
    const low = parseInt(hex[2], 16);
    return `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
  }
  return null;
}

/** Why an address may not be called, or null when it may. */
export function blockedAddress(address: string): string | null {
  const family = isIP(address);
  if (family === 0) return `"${address}" is not an IP address`;
  if (family === 6) {
    const inner = embeddedIpv4(address);
    if (inner !== null) return blockedAddress(inner);
  }
  return BLOCKED.check(address, family === 4 ? 'ipv4' : 'ipv6')
    ? `${address} is a private, loopback, link-local, multicast or reserved address`
    : null;
}

/** The URL's host without IPv6 brackets or a trailing dot (`localhost.` is `localhost`). */
function hostOf(url: URL): string {
  return url.hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
}

/** Every address a name resolves to (the system resolver; tests give their own). */
export type Resolver = (host: string) => Promise<{ address: string; family: number }[]>;

const systemResolver: Resolver = (host) => lookup(host, { all: true, verbatim: true });

function defaultPort(url: URL): string {
  return url.port || (url.protocol === 'https:' ? '443' : '80');
}

/** Listed by the admins: `host` (any port) or `host:port`. */
function allowed(url: URL, allowedHosts: readonly string[]): boolean {
  const host = hostOf(url);
  return allowedHosts.some((entry) => {
    const value = entry.toLowerCase();
    return (
      value === host || value === `${host}:${defaultPort(url)}` || value === `[${host}]:${defaultPort(url)}`
    );
  });
}

/** Checks what can be checked without the network: the URL's form, and an IP literal's range. */
export function checkCallbackUrl(raw: string, allowedHosts: readonly string[]): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new CallbackRefused('is not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new CallbackRefused('must be an http or https URL');
  if (url.username || url.password) throw new CallbackRefused('must not carry a user name or password');
  if (allowed(url, allowedHosts)) return url;
  const host = hostOf(url);
  if (host === 'localhost' || host.endsWith('.localhost'))
    throw new CallbackRefused(`${host} is a loopback name`);
  if (isIP(host) !== 0) {
    const reason = blockedAddress(host);
    if (reason !== null) throw new CallbackRefused(`is not allowed: ${reason}`);
  }
  return url;
}

/** Resolves the host once and checks every address; the caller connects to the one returned. */
export async function resolveCallbackTarget(
  raw: string,
  allowedHosts: readonly string[],
  resolve: Resolver = systemResolver,
): Promise<CheckedTarget> {
  const url = checkCallbackUrl(raw, allowedHosts);
  const host = hostOf(url);
  const family = isIP(host);
  let addresses: { address: string; family: number }[];
  try {
    addresses = family !== 0 ? [{ address: host, family }] : await resolve(host);
  } catch {
    throw new CallbackRefused(`${host} does not resolve`);
  }
  if (addresses.length === 0) throw new CallbackRefused(`${host} does not resolve`);
  if (!allowed(url, allowedHosts)) {
    for (const { address } of addresses) {
      const reason = blockedAddress(address);
      if (reason !== null) throw new CallbackRefused(`is not allowed: ${host} resolves to ${reason}`);
    }
  }
  const [first] = addresses;
  if (first === undefined) throw new CallbackRefused(`${host} does not resolve`);
  return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
}
