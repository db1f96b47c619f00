import { CandidateClient, CandidateFactories } from '../../../apps/api/test/support/candidate-factories';
import type { Factories } from '../../../apps/api/test/support/factories';
import { sleep } from './processes';

/**
 * One simulated candidate: autosaves server.js every ~250 ms with a growing counter, tracking what the API
 * acknowledged (a 2xx). A save whose answer was lost (API killed mid-request) may still have been applied, so a
 * 409 conflict makes it re-read the revision and carry on, exactly as the editor does.
 */
export class SimulatedCandidate {
  acked = 0;
  attempted = 0;
  /** Saves answered 503: refused cleanly (not stored, not acknowledged), kept and retried by the editor. */
  refused = 0;
  submitted = false;
  submitAcked = false;
  private revision = 1;
  private running = false;
  private loop?: Promise<void>;

  constructor(
    readonly client: CandidateClient,
    readonly attemptId: string,
    readonly name: string,
  ) {}

  content(n: number) {
    return `// ${this.name} save #${n}\nmodule.exports = ${n};\n`;
  }

  startTyping() {
    this.running = true;
    this.loop = (async () => {
      while (this.running && !this.submitted) {
        const n = this.attempted + 1;
        this.attempted = n;
        try {
          const res = await this.client.json('PUT', '/files', { path: 'server.js', content: this.content(n), baseRevision: this.revision });
          if (res.status === 200) {
            this.revision = res.body.revision;
            this.acked = n;
          } else if (res.status === 503) {
            this.refused++;
          } else if (res.status === 409 && res.body?.code !== 'submitted' && res.body?.code !== 'time_up') {
            await this.refresh();
          }
        } catch {
          // Connection refused or reset: the API is away; try again shortly.
        }
        await sleep(250);
      }
    })();
  }

  async stopTyping() {
    this.running = false;
    await this.loop;
  }

  private async refresh() {
    const ws = await this.client.json('GET', '/workspace').catch(() => null);
    const file = ws?.body?.files?.find((f: { path: string }) => f.path === 'server.js');
    if (file) this.revision = file.revision;
  }

  /** Submits, retrying (as the page does) until the API answers; a 409 "submitted" means an earlier try landed. */
  async submit(deadline = Date.now() + 90_000) {
    await this.stopTyping();
    this.submitted = true;
    while (Date.now() < deadline) {
      try {
        const res = await this.client.json('POST', '/submit');
        if (res.status === 200 || res.body?.code === 'submitted') {
          this.submitAcked = true;
          return;
        }
      } catch {
        // The API is away.
      }
      await sleep(300);
    }
  }
}

export async function makeCandidates(f: Factories, baseUrl: string, count: number, label: string): Promise<SimulatedCandidate[]> {
  const cf = new CandidateFactories(f);
  const scene = await cf.scene({ graceSeconds: 60 });
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const { invitation, token } = await cf.invitation(scene);
      const client = new CandidateClient(baseUrl);
      const opened = await client.open(token);
      if (opened.status !== 204) throw new Error(`candidate link did not open: ${opened.status} ${await opened.text()}`);
      const start = await client.json('POST', '/attempt/start', { runtime: 'node20' });
      if (start.status !== 200) throw new Error(`start failed: ${start.text}`);
      const attempt = await f.prisma.attempt.findUniqueOrThrow({ where: { invitationId: invitation.id } });
      return new SimulatedCandidate(client, attempt.id, `${label}-${i}`);
    }),
  );
}
