import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gradeTests, parseReport, type ReportFormat } from '.';

// Real report files from public projects (and, where none could be found, from running the real tool here), with
// expectations written by reading each file by hand: see test/fixtures/reports/SOURCES.md and manifest.json.
const CORPUS = path.resolve(__dirname, '../../test/fixtures/reports');

interface Entry {
  file: string;
  producer: string;
  format: ReportFormat;
  expect: { tests: number; passed: number; failed: number; skipped: number; errors: number; score?: number; max_score?: number };
  names?: string[];
  outputContains?: Record<string, string>;
}

const manifest = JSON.parse(readFileSync(path.join(CORPUS, 'manifest.json'), 'utf8')) as { files: Entry[] };

// Every producer the issue names has at least one file (by folder).
const REQUIRED = ['surefire', 'gradle', 'pytest', 'phpunit', 'rspec', 'go-junit-report', 'gotestsum', 'jest-junit', 'vitest', 'node-test', 'bazel', 'ctrf', 'gradescope'];

describe('report corpus', () => {
  it('covers every common producer', () => {
    const folders = new Set(manifest.files.map((e) => e.file.split('/')[0]));
    expect(REQUIRED.filter((p) => !folders.has(p))).toEqual([]);
    expect(manifest.files.filter((e) => e.format === 'ctrf').length).toBeGreaterThanOrEqual(3);
    expect(manifest.files.filter((e) => e.format === 'gradescope').length).toBeGreaterThanOrEqual(3);
  });

  it.each(manifest.files.map((e) => [e.file, e] as const))('%s', (_file, entry) => {
    const report = parseReport(entry.format, readFileSync(path.join(CORPUS, entry.file), 'utf8'));
    const count = (status: string) => report.tests.filter((t) => t.status === status).length;
    expect({
      tests: report.tests.length,
      passed: count('passed'),
      failed: count('failed'),
      skipped: count('skipped'),
      errors: report.tests.filter((t) => t.errored).length,
    }).toEqual({ tests: entry.expect.tests, passed: entry.expect.passed, failed: entry.expect.failed, skipped: entry.expect.skipped, errors: entry.expect.errors });

    const names = report.tests.map((t) => t.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.filter((n) => / \(\d+\)$/.test(n))).toEqual([]); // no order-based suffixes in real reports
    for (const name of entry.names ?? []) expect(names).toContain(name);
    for (const [name, snippet] of Object.entries(entry.outputContains ?? {})) {
      expect(report.tests.find((t) => t.name === name)?.output).toContain(snippet);
    }
    if (entry.expect.score !== undefined) {
      expect(gradeTests(report, undefined, 'visible')).toMatchObject({ score: entry.expect.score, max_score: entry.expect.max_score });
    }
  });
});
