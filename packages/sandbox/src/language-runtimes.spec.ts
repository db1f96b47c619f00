import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { COMPILED, languageRequest, leftovers, loadDir, requireDocker, runner, type OtherRuntime } from './test-support/harness';

// Go, Java, C++ and Ruby run the same black-box notes suite as Node and Python: built (where compiled) in the
// submission's container under the build limit, started under the supervisor, restarted by the hidden suite.

/** A compile error in each compiled language, and the compiler's words the candidate must see. */
const BROKEN: Partial<Record<OtherRuntime, { file: string; source: string; message: RegExp }>> = {
  go: { file: 'main.go', source: 'package main\n\nfunc main() { undefinedThing() }\n', message: /undefined: undefinedThing/ },
  java17: { file: 'Main.java', source: 'public class Main { public static void main(String[] a) { int x = "s"; } }\n', message: /incompatible types: String cannot be converted to int/ },
  cpp: { file: 'main.cpp', source: 'int main() { return undeclared_thing; }\n', message: /'undeclared_thing' was not declared in this scope/ },
};

describe('language runtimes', () => {
  beforeAll(requireDocker);
  afterEach(async () => expect(await leftovers()).toBe(0));

  describe.each(Object.keys(COMPILED) as OtherRuntime[])('%s', (rt) => {
    it('builds and grades the notes service black-box, persistence across a restart included', async () => {
      const result = await runner.run(languageRequest(rt));
      expect(result.output).not.toContain('HIDDEN-TEST-MARKER');
      expect(result, result.output).toMatchObject({ status: 'completed', score: 3, max_score: 3 });
    });

    it.runIf(BROKEN[rt])('returns build_failed with the compiler output when the build fails', async () => {
      const broken = BROKEN[rt]!;
      const result = await runner.run(languageRequest(rt, { ...loadDir(`${rt}-service`), [broken.file]: broken.source }));
      expect(result.status).toBe('build_failed');
      expect(result.output).toMatch(broken.message);
      expect(result.output).toMatch(/\[sandbox\] the build failed \(.*exit \d+\) after [\d.]+ s; no test ran/);
      expect(result.tests).toEqual([]);
    });
  });

  it('names a Go requirement outside the offline set before building', async () => {
    const files = loadDir('go-service');
    files['go.mod'] += 'require github.com/gorilla/mux v1.8.0\n';
    const result = await runner.run(languageRequest('go', files));
    expect(result.status).toBe('build_failed');
    expect(result.output).toContain('go.mod requires modules that are not available offline: github.com/gorilla/mux');
    expect(result.output).toContain('Available: github.com/go-chi/chi/v5 5.0.7');
  });
});
