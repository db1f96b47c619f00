import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunRequest } from './sandbox-runner';
import { COMPILED, languageRequest, leftovers, loadDir, requireDocker, runId, runner, type OtherRuntime } from './test-support/harness';

// The hostile-submission cases of security.spec.ts, once per language image (go, java17, cpp, ruby): each image
// has its own userland, so the same limits must hold in each. Lean on purpose: one probe run covers
// environment, network, privileges and disk per runtime; fork and memory bombs get a run each. Hostile builds
// use CMake, the one build here that runs the candidate's own commands (Go, javac and Ruby run none).

const REPORT = `mkdir -p results; printf '<testsuites><testcase name="ran"/></testsuites>' > results/junit.xml`;

/** An in-container run of a shell script in RT's runner image (the language's image plus the test tools). */
function hostile(rt: OtherRuntime, script: string, limits: Partial<RunRequest['limits']> = {}): RunRequest {
  return {
    runId: runId(`sec-${rt}`),
    runtime: { image: `takehome/${rt}`, runnerImage: `takehome/${rt}-runner`, startCommand: ['true'] },
    mode: 'in-container',
    submissionFiles: { 'README.md': 'hostile' },
    testFiles: {},
    testCommand: ['/bin/sh', '-c', script],
    reportFormat: 'junit',
    reportPath: 'results/junit.xml',
    limits: { timeoutMs: 8000, memoryMb: 256, cpus: 1, pids: 128, workspaceMb: 32, outputBytes: 64 * 1024, ...limits },
    defaultVisibility: 'visible',
  };
}

// Ruby's is native; the compiled languages' would need a build first, so python3 (in every language image for
// the supervisor) allocates instead: the container's memory limit is what is under test.
const MEMORY_BOMB: Record<OtherRuntime, string> = {
  go: `python3 -c "k=[]\nwhile True: k.append(bytearray(8<<20))"`,
  java17: `python3 -c "k=[]\nwhile True: k.append(bytearray(8<<20))"`,
  cpp: `python3 -c "k=[]\nwhile True: k.append(bytearray(8<<20))"`,
  ruby: `ruby -e 'k = []; loop { k << ("x" * (8 << 20)) }'`,
};

const PROBE = `
  echo "ENV=$(env | cut -d= -f1 | sort | tr '\\n' ' ')"
  echo "UID=$(id -u) $(grep -E '^(CapEff|NoNewPrivs)' /proc/self/status | tr -s '\\t ' ':' | tr '\\n' ' ')"
  echo "IFACES=$(tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d ' ' | tr '\\n' ' ')"
  for p in /etc/x /usr/x /opt/takehome/x; do (echo x > $p) 2>/dev/null && echo "$p:written" || echo "$p:refused"; done
  head -c 100000000 /dev/zero > .data/fill 2>/dev/null; echo "FILL=$? $(wc -c < .data/fill)"; rm -f .data/fill
  ${REPORT}`;

describe('sandbox security per language runtime', () => {
  beforeAll(requireDocker);
  afterEach(async () => expect(await leftovers()).toBe(0));

  describe.each(Object.keys(COMPILED) as OtherRuntime[])('%s', (rt) => {
    it('gives no secrets, no network, no privileges, and a size-limited workspace', async () => {
      process.env.TAKEHOME_FAKE_SECRET = 'hunter2-do-not-leak';
      try {
        const result = await runner.run(hostile(rt, PROBE));
        expect(result.status, result.output).toBe('completed');
        expect(result.output).not.toContain('hunter2');
        const names = /ENV=(.*)/.exec(result.output)![1].trim().split(' ');
        expect(names.filter((k) => !/^(PATH|HOSTNAME|HOME|PORT|DATA_DIR|PWD|SHLVL|OLDPWD|_|JAVA_HOME|CC|CXX|GO[A-Z0-9_]*|CGO_ENABLED|PYTHON[A-Z]+)$/.test(k))).toEqual([]);
        expect(result.output).toMatch(/UID=10001 CapEff:0000000000000000 NoNewPrivs:1/);
        expect(result.output).toMatch(/IFACES=lo \n/);
        expect(result.output).not.toContain(':written');
        const [, code, bytes] = /FILL=(\d+) (\d+)/.exec(result.output)!;
        expect(Number(code)).not.toBe(0);
        expect(Number(bytes)).toBeLessThanOrEqual(32 * 1024 * 1024);
      } finally {
        delete process.env.TAKEHOME_FAKE_SECRET;
      }
    });

    it('contains a fork bomb', async () => {
      const result = await runner.run(hostile(rt, 'b() { b | b & }; b; wait', { timeoutMs: 4000, pids: 64 }));
      expect(['error', 'timeout']).toContain(result.status);
    });

    it('turns a memory bomb into status oom', async () => {
      const result = await runner.run(hostile(rt, MEMORY_BOMB[rt], { memoryMb: 128 }));
      expect(result.status).toBe('oom');
    });
  });

  describe('hostile builds (CMake runs the candidate\'s commands)', () => {
    const cmake = (command: string) => ({
      ...loadDir('cpp-service'),
      'CMakeLists.txt': `cmake_minimum_required(VERSION 3.16)\nproject(evil CXX)\nexecute_process(COMMAND sh -c "${command}")\nadd_executable(service main.cpp)\n`,
    });

    it('kills a build that never ends at the build limit, before any test runs', async () => {
      const started = Date.now();
      const result = await runner.run(languageRequest('cpp', cmake('while :; do :; done'), { limits: { ...languageRequest('cpp').limits, buildTimeoutMs: 3000 } }));
      expect(result.status).toBe('build_failed');
      expect(result.output).toContain('the build did not finish within its limit of 3 s and was killed');
      expect(result.tests).toEqual([]);
      expect(Date.now() - started).toBeLessThan(15_000);
    });

    it('keeps a build that fills the disk inside the workspace and reports it', async () => {
      const result = await runner.run(languageRequest('cpp', cmake('head -c 200000000 /dev/zero > fill; head -c 200000000 /dev/zero > /tmp/fill; echo FILLED; exit 1')));
      expect(['build_failed', 'completed']).toContain(result.status);
      // Whatever the build made of it, the next honest build on the same engine grades normally.
      const next = await runner.run(languageRequest('cpp'));
      expect(next, next.output).toMatchObject({ status: 'completed', score: 3 });
    }, 150_000); // two C++ builds, the honest one alone about 35 s; on a loaded 2-core machine they took 58 s of the default 60
  });
});
