import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const main = path.resolve(__dirname, '../dist/main.js');

function start(env: Record<string, string>) {
  return spawnSync(process.execPath, [main], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 15_000 });
}

describe('API start-up with bad configuration', () => {
  it('exits 1 with one line naming a malformed variable', () => {
    const run = start({ PORT: 'eighty' });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([
      'api: invalid configuration: PORT: Invalid input: expected number, received NaN (got "eighty")',
    ]);
  });

  it('exits 1 with one line for a database URL of the wrong kind, password hidden', () => {
    const run = start({ DATABASE_URL: 'mysql://root:s3cret@db:3306/app' });
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('DATABASE_URL: must be a URL starting with postgresql://');
    expect(run.stderr).not.toContain('s3cret');
  });
});
