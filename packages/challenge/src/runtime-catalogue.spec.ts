import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RUNTIMES } from './challenge-manifest.schema';
import { RUNTIME_CATALOGUE } from './runtime-catalogue';

// The catalogue is what candidates are told; the docker/ folder is what the images hold. These keep the two
// from drifting apart without building an image (the sandbox suites run them in real containers).
const DOCKER = path.resolve(__dirname, '../../../docker');
const read = (file: string) => readFileSync(path.join(DOCKER, file), 'utf8');

describe('RUNTIME_CATALOGUE', () => {
  it("lists exactly node20's locked libraries, at their locked versions", () => {
    const lock = JSON.parse(read('runtimes/node20/libraries/package-lock.json')) as { packages: Record<string, { version?: string; dependencies?: Record<string, string> }> };
    const direct = Object.keys(lock.packages[''].dependencies ?? {});
    const locked = Object.fromEntries(direct.map((name) => [name, lock.packages[`node_modules/${name}`]?.version]));
    expect(RUNTIME_CATALOGUE.node20.libraries).toEqual(locked);
  });

  it('lists only python libraries the python rootfs installs from Debian', () => {
    const script = read('base/python-rootfs.sh');
    const installed = /^LIBRARIES="([^"]+)"/m.exec(script)?.[1].split(' ') ?? [];
    // pydantic comes with FastAPI; the rest are named in the script.
    for (const name of Object.keys(RUNTIME_CATALOGUE.python3.libraries).filter((n) => n !== 'pydantic')) {
      expect(installed).toContain(`python3-${name}`);
    }
    expect(installed).toContain('python3-fastapi');
  });

  describe.each(RUNTIMES)('%s own tests', (runtime) => {
    const { ownTests, image } = RUNTIME_CATALOGUE[runtime];

    it('write one JUnit report inside the workspace', () => {
      expect(ownTests.format).toBe('junit');
      expect(path.posix.isAbsolute(ownTests.reportPath)).toBe(false);
      expect(ownTests.command.join(' ')).toContain(ownTests.reportPath);
    });

    it('run a command the submission image has', () => {
      const [program] = ownTests.command;
      if (!program.startsWith('/opt/takehome/')) return expect(['node', 'python3']).toContain(program);
      const dockerfile = read(`runtimes/${image.replace('takehome/', '')}/Dockerfile`);
      expect(dockerfile).toMatch(new RegExp(`^COPY \\S+ ${program}$`, 'm'));
    });
  });
});
