import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkerMetrics } from './worker-metrics';

describe(WorkerMetrics.name, () => {
  let close: (() => void) | undefined;
  afterEach(() => close?.());

  async function scrape(metrics: WorkerMetrics, path = '/metrics') {
    const server = metrics.serve(0, '127.0.0.1');
    close = () => server.close();
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    return fetch(`http://127.0.0.1:${port}${path}`);
  }

  describe('runFinished', () => {
    it('counts outcomes per kind and records the turnaround since the run was queued', async () => {
      const metrics = new WorkerMetrics();
      metrics.runFinished('GRADING', 'PASSED', new Date(Date.now() - 7_000));
      metrics.runFinished('GRADING', 'FAILED', new Date(Date.now() - 3_000));
      metrics.runFinished('PRACTICE', 'PASSED', new Date());
      const text = await (await scrape(metrics)).text();
      expect(text).toContain('takehome_runs_finished_total{kind="GRADING",outcome="PASSED"} 1');
      expect(text).toContain('takehome_runs_finished_total{kind="GRADING",outcome="FAILED"} 1');
      expect(text).toContain('takehome_run_turnaround_seconds_count{kind="GRADING"} 2');
      // 7 s and 3 s: both within the 10 s bucket, only the 3 s one within 5 s.
      expect(text).toContain('takehome_run_turnaround_seconds_bucket{le="5",kind="GRADING"} 1');
      expect(text).toContain('takehome_run_turnaround_seconds_bucket{le="10",kind="GRADING"} 2');
    });
  });

  describe('jobStarted', () => {
    it('records how long a job waited in its queue', async () => {
      const metrics = new WorkerMetrics();
      metrics.jobStarted('grading', 1_000, 31_000);
      const text = await (await scrape(metrics)).text();
      expect(text).toContain('takehome_run_queue_wait_seconds_sum{queue="grading"} 30');
      expect(text).toContain('takehome_worker_process_cpu_seconds_total');
    });
  });

  describe('serve', () => {
    it('answers only GET /metrics', async () => {
      expect((await scrape(new WorkerMetrics(), '/other')).status).toBe(404);
    });
  });
});
