import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DockerSandboxRunner } from './docker-sandbox-runner';
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
});
