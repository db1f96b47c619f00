import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/** Smallest folder the loader accepts; tests break one thing at a time on top of it. */
export function validChallengeFiles(): Record<string, string> {
  const level = (score: number) =>
    `      - { score: ${score}, label: L${score}, descriptor: "Evidence for level ${score}: tests cover the behaviour." }\n`;
  const criterion = (key: string) =>
    `  - key: ${key}\n    title: ${key}\n    description: How well ${key} holds.\n    weight: 25\n    levels:\n` +
    [1, 2, 3, 4].map(level).join('');
  return {
    'challenge.yaml': `slug: tiny
title: Tiny
summary: A tiny challenge used by unit tests.
roleType: application
skills: [http]
timeLimitMinutes: 120
runtimes: [node20, python3]
service: { port: 8080, readinessPath: /health }
suites:
  visible:
    mode: black-box
    command: [node, --test, visible.test.mjs]
    report: { format: junit, path: results/report.xml }
    timeoutSeconds: 60
    defaultVisibility: visible
  hidden:
    mode: black-box
    command: [node, --test, hidden.test.mjs]
    report: { format: junit, path: results/report.xml }
    timeoutSeconds: 120
    defaultVisibility: hidden
    tests:
      "answers health":
        weight: 2
        visibility: after_published
`,
    'rubric.yaml': `criteria:\n${['correctness', 'api_design', 'error_handling', 'code_clarity'].map(criterion).join('')}`,
    'prompt.md': '# Tiny\n\nBuild a tiny service.\n',
    'starter/node20/package.json': '{ "scripts": { "start": "node server.js" } }\n',
    'starter/node20/server.js': '// starter\n',
    'starter/python3/main.py': '# starter\n',
    'solutions/node20/package.json': '{ "scripts": { "start": "node server.js" } }\n',
    'solutions/node20/server.js': '// solution\n',
    'solutions/python3/main.py': '# solution\n',
    'tests/visible/visible.test.mjs': "test('serves health', () => {});\n",
    'tests/hidden/hidden.test.mjs': "test('answers health', () => {});\n",
  };
}

export class ChallengeFixture {
  private constructor(readonly dir: string) {}

  static async create(files = validChallengeFiles()): Promise<ChallengeFixture> {
    const fixture = new ChallengeFixture(await mkdtemp(path.join(tmpdir(), 'challenge-fixture-')));
    for (const [p, c] of Object.entries(files)) await fixture.write(p, c);
    return fixture;
  }

  async write(relPath: string, content: string | Buffer): Promise<void> {
    const abs = path.join(this.dir, relPath);
    await mkdir(path.dirname(abs), { recursive: true });
    await writeFile(abs, content);
  }

  async remove(relPath: string): Promise<void> {
    await rm(path.join(this.dir, relPath), { recursive: true, force: true });
  }

  async dispose(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}
