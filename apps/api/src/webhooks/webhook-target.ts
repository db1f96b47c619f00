import ipaddr from 'ipaddr.js';
import { lookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';

/** Where a webhook may be delivered: the address checked, which is also the one connected to. */
export type CheckedTarget = { ok: true; url: URL; address: string; family: 4 | 6 } | { ok: false; reason: string };

const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3');
const SIX_TO_FOUR = ipaddr.parseCIDR('2002::/16');
const TEREDO = ipaddr.parseCIDR('2001::/32');

/**
 * Why an address is not a place a webhook may call, or null. A webhook must never be a way to make the
 * platform call into its own network (SSRF), in any spelling of an address:
 * - IPv4: only ordinary unicast (not private, loopback, link-local, carrier-grade NAT, reserved, test,
 *   benchmarking, multicast, broadcast, unspecified);
 * - IPv6: only global unicast (2000::/3), which leaves out loopback, unspecified, link-local, ULA, multicast,
 *   IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::/96) forms; within it, 6to4 (2002::/16) is judged by
 *   the IPv4 address it embeds and Teredo (2001::/32) is refused, since its embedded address is obfuscated;
 * - IPv4-mapped IPv6 (::ffff:a.b.c.d) is the IPv4 address it maps, judged as such.
 * Node's BlockList is not used: its `::ffff:0:0/96` entry matched every IPv4 address.
 */
export function internalAddressReason(address: string): string | null {
  if (!ipaddr.isValid(address)) return 'is not an IP address';
  let ip = ipaddr.parse(address);
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  if (ip.kind() === 'ipv4') {
    const range = ip.range();
    return range === 'unicast' ? null : `is an internal or special address (${range})`;
  }
  const v6 = ip as ipaddr.IPv6;
  if (!v6.match(GLOBAL_UNICAST_V6)) return `is an internal or special address (${v6.range()})`;
  if (v6.match(TEREDO)) return 'is a Teredo address (teredo)';
  if (v6.match(SIX_TO_FOUR)) {
    const parts = v6.parts;
    const embedded = new ipaddr.IPv4([parts[1]! >> 8, parts[1]! & 0xff, parts[2]! >> 8, parts[2]! & 0xff]);
    return embedded.range() === 'unicast' ? null : `is a 6to4 address embedding an internal address (${embedded.toString()})`;
  }
  const range = v6.range();
  return range === 'unicast' ? null : `is an internal or special address (${range})`;
}

/**
 * Resolves the URL's host once and checks every address it resolves to; the delivery then connects to the
 * address checked here (pinnedLookup), so DNS answering differently a moment later (rebinding) changes nothing.
 */
export async function checkTarget(url: string, allowInternal: boolean, resolve = resolveAll): Promise<CheckedTarget> {
  const parsed = new URL(url);
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  const addresses = ipaddr.isValid(host) ? [{ address: host, family: ipaddr.parse(host).kind() === 'ipv6' ? 6 : 4 }] : await resolve(host);
  if (addresses.length === 0) return { ok: false, reason: `the host ${host} does not resolve` };
  if (!allowInternal) {
    for (const a of addresses) {
      const why = internalAddressReason(a.address);
      if (why) return { ok: false, reason: `the host ${host} resolves to an internal address (${a.address} ${why})` };
    }
  }
  const first = addresses[0]!;
  return { ok: true, url: parsed, address: first.address, family: first.family === 6 ? 6 : 4 };
}

/** Kept for registration, which only needs the verdict. */
export async function refuseInternalTarget(url: string, allowInternal: boolean): Promise<string | null> {
  const target = await checkTarget(url, allowInternal);
  return target.ok ? null : target.reason;
}

async function resolveAll(host: string): Promise<{ address: string; family: number }[]> {
  return lookup(host, { all: true }).catch(() => []);
}

/** A `lookup` that answers every question with the one address that was checked. */
export function pinnedLookup(address: string, family: 4 | 6): LookupFunction {
  return ((_host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  }) as LookupFunction;
}

/**
 * POSTs to a checked target, connecting to its checked address. The URL's host name still goes out as the
 * Host header and as TLS SNI, and the certificate is verified against it, as for any HTTPS call.
 */
export function postToTarget(
  target: Extract<CheckedTarget, { ok: true }>,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
): Promise<number> {
  const client = target.url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      target.url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: pinnedLookup(target.address, target.family),
        agent: false,
        timeout: timeoutMs,
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)));
    req.on('error', reject);
    req.end(body);
  });
}
