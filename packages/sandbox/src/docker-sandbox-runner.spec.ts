import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DockerSandboxRunner } from './docker-sandbox-runner';
import type { RunResult } from './sandbox-runner';
import { blackBoxRequest, leftovers, loadDir, nodeInContainerRequest, pythonInContainerRequest, requireDocker, runner } from './test-support/harness';

describe(DockerSandboxRunner.name, () => {
  beforeAll(requireDocker);
  afterEach(async () => expect(await leftovers()).toBe(0));

  describe('run (honest submissions)', () => {
    it('grades a Node service black-box, including persistence across a restart', async () => {
      const result = await runner.run(blackBoxRequest(loadDir('node-service'), { tests: { 'notes survive a restart': { weight: 3 } } }));
      expect(result.output).not.toContain('HIDDEN-TEST-MARKER');
      expect(result).toMatchObject({ status: 'completed', score: 5, max_score: 5 });
      expect(result.tests.map((t) => [t.name, t.status, t.visibility])).toEqual([
        ['health answers', 'passed', 'hidden'],
        ['creates a note', 'passed', 'hidden'],
        ['notes survive a restart', 'passed', 'hidden'],
      ]);
    });

    it('grades a Python service black-box', async () => {
      const result = await runner.run(blackBoxRequest(loadDir('python-service'), {}, 'python'));
      expect(result).toMatchObject({ status: 'completed', score: 3, max_score: 3 });
    });

    it('grades a Node submission in-container', async () => {
      const result = await runner.run(nodeInContainerRequest(loadDir('node-service')));
      expect(result).toMatchObject({ status: 'completed', score: 2, max_score: 2 });
      expect(result.tests.every((t) => t.status === 'passed' && t.visibility === 'visible')).toBe(true);
    });

    it('grades a Python submission in-container', async () => {
      const result = await runner.run(pythonInContainerRequest());
      expect(result.tests.map((t) => t.status)).toEqual(['passed', 'passed']);
      expect(result).toMatchObject({ status: 'completed', score: 2, max_score: 2 });
    });

    it('reports failing tests as failed, not as an error, and counts a declared test the report lacks against the maximum', async () => {
      const files = { ...loadDir('node-service') };
      files['server.js'] = files['server.js'].replace("send(404, { error: 'not found' })", "send(200, {})");
      const result = await runner.run(nodeInContainerRequest(files, { tests: { 'a test the suite never reached': { weight: 2 } } }));
      expect(result).toMatchObject({ status: 'completed', score: 1, max_score: 4 });
      expect(result.tests.find((t) => t.status === 'failed')?.output).toMatch(/404/);
      expect(result.tests.at(-1)).toMatchObject({ name: 'a test the suite never reached', status: 'failed', score: 0, max_score: 2 });
      expect(result.output).toContain('[sandbox] the suite did not finish: 1 declared test(s) missing from the report count as failed (a test the suite never reached)');
    });

    it('says clearly when no report was written', async () => {
      const result = await runner.run(nodeInContainerRequest(loadDir('node-service'), { testCommand: ['node', '-e', 'process.exit(1)'] }));
      expect(result.status).toBe('error');
      expect(result.output).toContain('wrote no junit report at results/junit.xml');
    });

    it('reports progress and honours cancellation', async () => {
      const phases: string[] = [];
      const controller = new AbortController();
      const pending = runner.run(nodeInContainerRequest(loadDir('node-service'), { testCommand: ['node', '-e', 'setTimeout(() => {}, 60000)'] }), {
        signal: controller.signal,
        onProgress: (p) => {
          phases.push(p.phase);
          if (p.phase === 'testing') setTimeout(() => controller.abort(), 200);
        },
      });
      const result = await pending;
      expect(result.status).toBe('error');
      expect(result.output).toContain('run cancelled');
      expect(phases).toEqual(['preparing', 'starting', 'testing', 'cleanup']);
    });
  });

  describe('runSuites (a grading: several suites of one submission)', () => {
    it('runs both suites against one boot of the service, each graded on its own, reported before the clean-up', async () => {
      const phases: string[] = [];
      const visible = blackBoxRequest(loadDir('node-service'), { defaultVisibility: 'visible' });
      const hidden = blackBoxRequest(loadDir('node-service'), { tests: { 'notes survive a restart': { weight: 3 } } });
      const reported: { results: RunResult[]; stillUp: number; phasesSoFar: string[] }[] = [];
      const onResults = async (results: RunResult[]) => {
        reported.push({ results, stillUp: await leftovers({ runId: visible.runId }), phasesSoFar: [...phases] });
      };
      const results = await runner.runSuites([visible, hidden], { onProgress: (p) => phases.push(p.phase), onResults });
      expect(results.map((r) => [r.status, r.score, r.max_score])).toEqual([['completed', 3, 3], ['completed', 5, 5]]);
      // Handed over once, with the containers still up and the clean-up not begun; resolved once they are gone.
      expect(reported.map((r) => r.results)).toEqual([results]);
      expect(reported[0].stillUp).toBeGreaterThan(0);
      expect(reported[0].phasesSoFar).not.toContain('cleanup');
      expect(phases.at(-1)).toBe('cleanup');
      expect(await leftovers({ runId: visible.runId })).toBe(0);
      expect(results[0].tests.every((t) => t.visibility === 'visible')).toBe(true);
      expect(results[1].tests.every((t) => t.visibility === 'hidden')).toBe(true);
      // One boot: the service started (and was waited for) once, the tests ran twice.
      expect(phases.filter((p) => p === 'starting')).toHaveLength(1);
      expect(phases.filter((p) => p === 'testing')).toHaveLength(2);
    });

    it('runs what follows a suite that did not complete on a fresh boot, under each suite\'s own time limit', async () => {
      const hanging = blackBoxRequest(loadDir('node-service'), {
        testCommand: ['node', '-e', 'setTimeout(() => {}, 60000)'],
        limits: { timeoutMs: 1500, memoryMb: 256, cpus: 1, pids: 128, workspaceMb: 64, outputBytes: 64 * 1024 },
      });
      const second = blackBoxRequest(loadDir('node-service'), { limits: { ...hanging.limits!, timeoutMs: 20_000 } });
      const reported: RunResult[][] = [];
      const results = await runner.runSuites([hanging, second], { onResults: async (r) => void reported.push(r) });
      expect(results.map((r) => r.status)).toEqual(['timeout', 'completed']);
      expect(results[1].score).toBe(results[1].max_score);
      // The caller hears once, about both suites, not about the shared boot's part alone.
      expect(reported).toEqual([results]);
    });

    it('runs the next suite on a fresh boot when the last one left the service no longer answering', async () => {
      const files = loadDir('node-service');
      const crashing = { ...files, 'server.js': files['server.js'].replace("if (req.url === '/health')", "if (req.url === '/crash') process.exit(1);\n  if (req.url === '/health')") };
      const service = { port: 3000, readinessPath: '/health', readinessTimeoutMs: 4000 };
      // A suite that passes but stops the service on its way out.
      const stopsIt = `const fs = require('node:fs');
        fetch(process.env.SERVICE_URL + '/crash').catch(() => {}).finally(() => {
          fs.mkdirSync('results', { recursive: true });
          fs.writeFileSync('results/junit.xml', '<testsuites><testsuite name="s" tests="1"><testcase name="stops the service" classname="s"/></testsuite></testsuites>');
        });`;
      const first = blackBoxRequest(crashing, { service, defaultVisibility: 'visible', testCommand: ['node', '-e', stopsIt] });
      const second = blackBoxRequest(crashing, { service });
      const phases: string[] = [];
      const results = await runner.runSuites([first, second], { onProgress: (p) => phases.push(p.phase) });
      expect(results.map((r) => r.status)).toEqual(['completed', 'completed']);
      expect(results[0].score).toBe(1);
      // Against the stopped service every test of the second suite would have failed.
      expect(results[1].score).toBe(results[1].max_score);
      expect(results[1].max_score).toBeGreaterThan(0);
      expect(phases.filter((p) => p === 'waiting_ready').length).toBe(2);
    });
  });
});
