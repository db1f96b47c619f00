import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

// Loopback, private, link-local and unspecified ranges: a webhook must never be a way to make the platform
// call into its own network (SSRF), unless an operator allows it (local development, tests).
const internal = new BlockList();
for (const [net, prefix] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.168.0.0', 16]] as const) {
  internal.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['::ffff:0:0', 96]] as const) {
  internal.addSubnet(net, prefix, 'ipv6');
}

/** Resolves the URL's host and refuses internal addresses; returns a reason, or null when the target is fine. */
export async function refuseInternalTarget(url: string, allowInternal: boolean): Promise<string | null> {
  if (allowInternal) return null;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await lookup(host, { all: true }).catch(() => []);
  if (addresses.length === 0) return `the host ${host} does not resolve`;
  const bad = addresses.find((a) => internal.check(a.address, a.family === 6 ? 'ipv6' : 'ipv4'));
  return bad ? `the host ${host} resolves to an internal address (${bad.address})` : null;
}
