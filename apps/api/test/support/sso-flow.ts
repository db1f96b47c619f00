import { createServer } from 'node:net';
import type { TestOidcProvider } from './oidc-provider';

/** A port free right now, for an app that must know its own URL before it listens. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface StartedFlow {
  /** Where the app sent the browser: the provider's authorization URL, or /login?error=... */
  location: string;
  /** The app's flow cookie, as a Cookie header value ('' when none was set). */
  flowCookie: string;
}

export async function startFlow(baseUrl: string, slug: string, next?: string): Promise<StartedFlow> {
  const query = new URLSearchParams({ org: slug, ...(next ? { next } : {}) });
  const res = await fetch(`${baseUrl}/api/auth/sso/start?${query}`, { redirect: 'manual' });
  if (res.status !== 302) throw new Error(`start answered ${res.status}: ${await res.text()}`);
  const flowCookie = res.headers.getSetCookie().find((c) => c.startsWith('takehome_sso_flow=') && !c.startsWith('takehome_sso_flow=;'));
  return { location: res.headers.get('location')!, flowCookie: flowCookie?.split(';')[0] ?? '' };
}

export interface CallbackResult {
  status: number;
  location: string;
  /** The team session cookie when one was set, as a Cookie header value. */
  session: string | null;
}

export async function callback(callbackUrl: string, flowCookie: string): Promise<CallbackResult> {
  const res = await fetch(callbackUrl, { redirect: 'manual', headers: flowCookie ? { cookie: flowCookie } : {} });
  const session = res.headers.getSetCookie().find((c) => c.startsWith('takehome_session='));
  return { status: res.status, location: res.headers.get('location') ?? '', session: session ? session.split(';')[0] : null };
}

/** The whole journey: start at the app, sign in at the provider as `login`, come back to the app's callback. */
export async function signInWithSso(baseUrl: string, idp: TestOidcProvider, slug: string, login: string, next?: string): Promise<CallbackResult> {
  const flow = await startFlow(baseUrl, slug, next);
  return callback(await idp.authorize(flow.location, login), flow.flowCookie);
}
