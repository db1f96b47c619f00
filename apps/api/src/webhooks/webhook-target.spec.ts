import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { checkTarget, internalAddressReason, postToTarget } from './webhook-target';

// Only literal addresses and loopback: nothing here resolves a name or sends traffic off the machine.
describe(internalAddressReason.name, () => {
  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '93.184.216.34',
    '2606:4700:4700::1111',
    '2a00:1450:4001:80b::200e',
    '::ffff:8.8.8.8',
    '2002:0808:0808::1', // 6to4 of a public address
  ])('accepts the public address %s', (address) => {
    expect(internalAddressReason(address)).toBeNull();
  });

  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.1.2.3', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.5.4', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local (cloud metadata)'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['0.0.0.0', 'unspecified'],
    ['255.255.255.255', 'broadcast'],
    ['224.0.0.1', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['198.18.0.1', 'benchmarking'],
    ['::1', 'IPv6 loopback'],
    ['::', 'IPv6 unspecified'],
    ['fe80::1', 'IPv6 link-local'],
    ['fc00::1', 'unique local'],
    ['fd12:3456::1', 'unique local'],
    ['ff02::1', 'IPv6 multicast'],
    ['fec0::1', 'site-local (deprecated)'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::ffff:7f00:1', 'IPv4-mapped loopback, hex'],
    ['::ffff:10.0.0.1', 'IPv4-mapped private'],
    ['::ffff:169.254.169.254', 'IPv4-mapped metadata'],
    ['::7f00:1', 'IPv4-compatible loopback'],
    ['::127.0.0.1', 'IPv4-compatible loopback, dotted'],
    ['::a00:1', 'IPv4-compatible private'],
    ['64:ff9b::a00:1', 'NAT64 of a private address'],
    ['64:ff9b::7f00:1', 'NAT64 of loopback'],
    ['64:ff9b:1::a00:1', 'local-use NAT64'],
    ['2002:a9fe:a9fe::1', '6to4 of the metadata address'],
    ['2002:7f00:1::1', '6to4 of loopback'],
    ['2002:c0a8:0101::1', '6to4 of a private address'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'Teredo'],
    ['2001:db8::1', 'documentation'],
    ['100::1', 'discard-only'],
  ])('refuses %s (%s)', (address) => {
    expect(internalAddressReason(address)).not.toBeNull();
  });
});

describe(checkTarget.name, () => {
  const noDns = async () => {
    throw new Error('no name is resolved in these tests');
  };

  it('accepts a public IPv4 target, which the old block list refused', async () => {
    expect(await checkTarget('https://8.8.8.8/hook', false, noDns)).toMatchObject({ ok: true, address: '8.8.8.8', family: 4 });
  });

  it('refuses bracketed internal IPv6 forms in URLs', async () => {
    for (const url of ['http://[::7f00:1]/', 'http://[64:ff9b::a00:1]/', 'http://[2002:a9fe:a9fe::1]/', 'http://[::ffff:127.0.0.1]:8080/', 'http://127.0.0.1/', 'http://0x7f.1/']) {
      expect(await checkTarget(url, false, noDns), url).toMatchObject({ ok: false });
    }
  });

  it('refuses a name when any of its addresses is internal, and pins the first checked address', async () => {
    const resolve = async () => [{ address: '8.8.4.4', family: 4 }, { address: '10.1.2.3', family: 4 }];
    expect(await checkTarget('https://hooks.example.test/', false, resolve)).toMatchObject({ ok: false, reason: expect.stringContaining('10.1.2.3') });
    const good = async () => [{ address: '8.8.4.4', family: 4 }];
    expect(await checkTarget('https://hooks.example.test/', false, good)).toMatchObject({ ok: true, address: '8.8.4.4' });
  });
});

describe(postToTarget.name, () => {
  it('connects to the checked address, never resolving the host name again', async () => {
    const seen: { host?: string; body: string }[] = [];
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c)).on('end', () => {
        seen.push({ host: req.headers.host, body });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    try {
      // The name exists nowhere; only the pinned lookup can lead the connection to the loopback server.
      const url = new URL(`http://rebinding.invalid:${port}/hook`);
      const status = await postToTarget({ ok: true, url, address: '127.0.0.1', family: 4 }, { 'content-type': 'application/json' }, '{"a":1}', 2_000);
      expect(status).toBe(204);
      expect(seen).toEqual([{ host: `rebinding.invalid:${port}`, body: '{"a":1}' }]);
    } finally {
      server.close();
    }
  });
});
