import net from 'node:net';

/**
 * A loopback TCP proxy in front of a shared service (PostgreSQL, Redis), so a test can take that service
 * "down" for one app without touching the real server other suites use:
 *   - 'up':        bytes flow both ways;
 *   - 'refuse':    open connections are cut and new ones are closed at once (a stopped server);
 *   - 'blackhole': open connections are cut and new ones are accepted but never answered (a hung server or a
 *                  dropped network: the case that turns into hangs without timeouts).
 */
export interface TcpProxy {
  port: number;
  url(original: string): string;
  set(mode: 'up' | 'refuse' | 'blackhole'): void;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let mode: 'up' | 'refuse' | 'blackhole' = 'up';
  const open = new Set<net.Socket>();
  const server = net.createServer((client) => {
    open.add(client);
    client.on('close', () => open.delete(client));
    client.on('error', () => {});
    if (mode === 'refuse') return void client.destroy();
    if (mode === 'blackhole') return;
    const upstream = net.connect(target.port, target.host);
    open.add(upstream);
    upstream.on('close', () => {
      open.delete(upstream);
      client.destroy();
    });
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    url(original) {
      const u = new URL(original);
      u.hostname = '127.0.0.1';
      u.port = String(port);
      return u.toString();
    },
    set(next) {
      mode = next;
      if (next !== 'up') for (const socket of open) socket.destroy();
    },
    async close() {
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
