import path from 'node:path';
import { CandidateClient, CandidateFactories } from '../../apps/api/test/support/candidate-factories';
import { Factories, signIn } from '../../apps/api/test/support/factories';
import { ReviewFactories } from '../../apps/api/test/support/review-factories';
import { startTestApp, type TestApp } from '../../apps/api/test/support/test-app';

export interface Probe {
  t: TestApp;
  f: Factories;
  cf: CandidateFactories;
  rf: ReviewFactories;
  /** A hiring lead of a fresh organization, signed in. */
  lead(): Promise<{ org: { id: string }; cookie: string }>;
  /** fetch against the app; `from` claims a client address (the app trusts its loopback proxy, as configured). */
  call(method: string, url: string, init?: { cookie?: string; json?: unknown; body?: BodyInit; type?: string; origin?: string; from?: string }): Promise<Response>;
  candidate(): Promise<{ client: CandidateClient; scene: Awaited<ReturnType<CandidateFactories['scene']>>; invitationId: string }>;
}

/**
 * Boots the app once as production runs it (built web app served, docs off, real rate limits), behind a
 * trusted loopback proxy so probes can speak for several client addresses through X-Forwarded-For.
 */
export async function startProbe(): Promise<Probe> {
  const t = await startTestApp('security', {
    NODE_ENV: 'production',
    WEB_DIST: path.resolve(__dirname, '../../apps/web/dist'),
    TRUST_PROXY: 'loopback',
    RATE_LIMIT_MULTIPLIER: '1',
  });
  const f = new Factories(t.config.DATABASE_URL);
  const cf = new CandidateFactories(f);
  const rf = new ReviewFactories(f);
  const call: Probe['call'] = (method, url, init = {}) => {
    const headers: Record<string, string> = {};
    if (init.cookie) headers.Cookie = init.cookie;
    if (init.json !== undefined || init.type) headers['Content-Type'] = init.type ?? 'application/json';
    if (init.origin) headers.Origin = init.origin;
    if (init.from) headers['X-Forwarded-For'] = init.from;
    return fetch(`${t.baseUrl}${url}`, { method, headers, body: init.json !== undefined ? JSON.stringify(init.json) : init.body, redirect: 'manual' });
  };
  return {
    t,
    f,
    cf,
    rf,
    call,
    async lead() {
      const org = await f.organization();
      const user = await f.user(org.id, 'HIRING_LEAD');
      return { org, cookie: await signIn(t.baseUrl, user.email, user.password) };
    },
    async candidate() {
      const scene = await cf.scene();
      const { invitation, token } = await cf.invitation(scene);
      const client = new CandidateClient(t.baseUrl);
      const opened = await client.open(token);
      if (opened.status !== 204) throw new Error(`link refused: ${opened.status}`);
      return { client, scene, invitationId: invitation.id };
    },
  };
}
