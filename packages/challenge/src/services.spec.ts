import { describe, expect, it } from 'vitest';
import { loadChallengeFromFiles } from './challenge-from-files';
import { ChallengeFormatError, formatIssue } from './challenge-format.error';
import { contentHash } from './content-hash';
import { buildRunInputs } from './run-inputs';
import { toSandboxRequest } from './sandbox-request';
import { validChallengeFiles } from './testing/challenge-fixture';

// `services:` in challenge.yaml (issue 20): every mistake is named by field or file, and a valid declaration
// reaches the sandbox request with the init SQL's content.

function withServices(yaml: string, extra: Record<string, string> = {}) {
  const files = validChallengeFiles();
  files['challenge.yaml'] = `${files['challenge.yaml']!.trimEnd()}\nservices:\n${yaml}`;
  return { ...files, ...extra };
}

function issuesOf(files: Record<string, string>): string[] {
  try {
    loadChallengeFromFiles(files);
  } catch (e) {
    expect(e).toBeInstanceOf(ChallengeFormatError);
    return (e as ChallengeFormatError).issues.map(formatIssue);
  }
  throw new Error('expected the package to be rejected');
}

const POSTGRES = '  postgres:\n    version: "15"\n    extensions: [pgcrypto]\n    init: services/init.sql\n    testAccess: read-only\n';

describe('challenge services', () => {
  it('carries postgres and redis, with the init SQL, into the sandbox request', () => {
    const pkg = loadChallengeFromFiles(withServices(`${POSTGRES}  redis:\n    version: 7\n`, { 'services/init.sql': 'CREATE TABLE t (id int);\n' }));
    expect(pkg.manifest.services).toEqual({
      postgres: { version: '15', extensions: ['pgcrypto'], init: 'services/init.sql', testAccess: 'read-only' },
      redis: { version: '7' },
    });
    expect(pkg.services).toEqual({ 'init.sql': 'CREATE TABLE t (id int);\n' });
    const request = toSandboxRequest(buildRunInputs(pkg, 'node20', 'hidden', 'solution'), 'r1');
    expect(request.services).toEqual({
      postgres: {
        image: 'takehome/postgres15', version: '15', extensions: ['pgcrypto'], testAccess: 'read-only',
        initPath: 'services/init.sql', initSql: 'CREATE TABLE t (id int);\n',
      },
      redis: { image: 'takehome/redis7', version: '7' },
    });
  });

  it('leaves packages without services as they were (no services in the request, same hash inputs)', () => {
    const pkg = loadChallengeFromFiles(validChallengeFiles());
    expect(pkg.services).toBeUndefined();
    expect(toSandboxRequest(buildRunInputs(pkg, 'node20', 'hidden', 'solution'), 'r1')).not.toHaveProperty('services');
    const withInit = loadChallengeFromFiles(withServices(POSTGRES, { 'services/init.sql': 'SELECT 1;' }));
    expect(contentHash(withInit)).not.toBe(contentHash(pkg));
  });

  it('names an unsupported version', () => {
    expect(issuesOf(withServices('  postgres:\n    version: "16"\n'))).toEqual([
      expect.stringMatching(/^challenge.yaml: services.postgres.version: expected one of 15 \(line \d+\)$/),
    ]);
    expect(issuesOf(withServices('  redis:\n    version: 6\n'))).toEqual([expect.stringMatching(/^challenge.yaml: services.redis.version: expected one of 7 \(line \d+\)$/)]);
  });

  it('names a missing init file, one outside services/, an unknown extension and an unknown service', () => {
    expect(issuesOf(withServices(POSTGRES))).toEqual(['challenge.yaml: services.postgres.init: file missing: services/init.sql is not in the package']);
    expect(issuesOf(withServices('  postgres:\n    version: "15"\n    init: ../init.sql\n'))[0]).toMatch(/services.postgres.init: must be a file under services\//);
    expect(issuesOf(withServices('  postgres:\n    version: "15"\n    extensions: [postgis]\n'))[0]).toMatch(/services.postgres.extensions\[0\]: expected one of pgcrypto, uuid-ossp/);
    expect(issuesOf(withServices('  mysql:\n    version: "8"\n'))[0]).toMatch(/services.*mysql/);
  });

  it('refuses an empty init file', () => {
    expect(issuesOf(withServices(POSTGRES, { 'services/init.sql': '  \n' }))).toEqual(['services/init.sql: is empty (services.postgres.init)']);
  });
});
