import {
  clip,
  dedupeNames,
  MAX_SUITE_LOG_CHARS,
  MAX_TEST_OUTPUT_CHARS,
  type ParsedReport,
  ReportError,
  type ReportedTest,
} from './report-types';
import { childrenNamed, parseXml, type XmlElement } from './xml-tree';

// Node's junit reporter writes classname="test" on every case; the describe() nesting (its <testsuite>s) is what
// qualifies a name there.
const NODE_PLACEHOLDER_CLASSNAME = 'test';
// googletest/Bazel mark a disabled case with status="notrun" or result="suppressed"/"skipped" instead of <skipped/>.
const NOT_RUN = new Set(['notrun', 'skipped', 'disabled', 'suppressed']);
// Node's junit reporter (20 and 22) escapes a quote in an attribute as `&quot;` and then escapes that `&` again, so a
// conforming parser hands back a literal `&quot;` where the test said `"` (`{&quot;error&quot;…` in every failed
// JSON assertion). A producer meaning a literal `&quot;` in a message is far rarer than this bug. Names are left as
// written: they are the keys challenge weights and earlier runs are matched on.
const attr = (s: string | undefined) => s?.replaceAll('&quot;', '"');

/**
 * Parses JUnit XML as the common producers write it: Maven Surefire, Gradle, pytest, PHPUnit, rspec_junit_formatter,
 * go-junit-report, gotestsum, jest-junit, Vitest, Playwright, Node's test runner, Bazel and the python3-runner's
 * unittest writer.
 */
export function parseJunit(xml: string): ParsedReport {
  const root = parseXml(xml, 'JUnit report');
  const tests: ReportedTest[] = [];
  if (root.name === 'testsuites') walk(root, [], tests);
  else if (root.name === 'testsuite') suite(root, [], tests);
  else if (root.name === 'testcase') tests.push(toTest(root, []));
  else throw new ReportError(`JUnit report has no <testsuites>, <testsuite> or <testcase> element (root is <${root.name}>)`);
  return { tests: dedupeNames(tests) };
}

function walk(container: XmlElement, path: string[], out: ReportedTest[]): void {
  for (const child of container.children) {
    if (child.name === 'testsuite') suite(child, path, out);
    else if (child.name === 'testsuites') walk(child, path, out);
    else if (child.name === 'testcase') out.push(toTest(child, path));
  }
}

function suite(s: XmlElement, parentPath: string[], out: ReportedTest[]): void {
  const name = clean(s.attrs.name);
  const path = name ? [...parentPath, name] : parentPath;
  const first = out.length;
  walk(s, path, out);
  // The suite's own log (Gradle's and Bazel's whole stdout lives here) goes with its tests that did not pass, or
  // with its first test when all passed: per-test outputs carry the visibility rules, a run-wide log would not.
  const log = streams(s, MAX_SUITE_LOG_CHARS, 'suite ');
  if (!log) return;
  const own = out.slice(first);
  const targets = own.filter((t) => t.status !== 'passed');
  for (const t of targets.length > 0 ? targets : own.slice(0, 1)) t.output = joinOutput(t.output, log);
}

function toTest(c: XmlElement, suitePath: string[]): ReportedTest {
  const failures = childrenNamed(c, 'failure');
  const errors = childrenNamed(c, 'error');
  const skips = childrenNamed(c, 'skipped');
  const notRun = NOT_RUN.has((c.attrs.status ?? '').toLowerCase()) || NOT_RUN.has((c.attrs.result ?? '').toLowerCase());
  const status = failures.length + errors.length > 0 ? 'failed' : skips.length > 0 || notRun ? 'skipped' : 'passed';
  const parts = [
    ...errors.map((e) => problem('error', e)),
    ...failures.map((f) => problem('failure', f)),
    ...(status === 'skipped' ? [skipNote(skips[0])] : []),
    streams(c, MAX_TEST_OUTPUT_CHARS, ''),
  ];
  return {
    name: testName(c, suitePath),
    status,
    ...(errors.length > 0 ? { errored: true } : {}),
    output: clip(parts.filter(Boolean).join('\n'), MAX_TEST_OUTPUT_CHARS),
  };
}

/**
 * `classname > name`: the class (Surefire, Gradle, PHPUnit's `class`), module (pytest), package (Go), spec file
 * (rspec, Vitest, Playwright) qualifies the name, so equal names in two classes stay apart. Without one (Node's
 * runner, Bazel, PHPUnit data sets) the enclosing suites do. A segment equal to the next is said once: jest-junit
 * repeats the title as the classname, Bazel names the case after its suite.
 */
function testName(c: XmlElement, suitePath: string[]): string {
  const leaf = clean(c.attrs.name) || '(unnamed test)';
  const cls = clean(c.attrs.classname ?? c.attrs.class);
  const segments = [...(cls && cls !== NODE_PLACEHOLDER_CLASSNAME ? [cls] : suitePath), leaf];
  return segments.filter((s, i) => s !== segments[i + 1]).join(' > ');
}

function problem(kind: 'failure' | 'error', el: XmlElement): string {
  const { type } = el.attrs;
  const message = attr(el.attrs.message);
  const body = el.text.trim();
  const head = `${kind}${type ? ` (${type.trim()})` : ''}${message?.trim() ? `: ${message.trim()}` : ''}`;
  return body && body !== message?.trim() ? `${head}\n${body}` : head;
}

function skipNote(el: XmlElement | undefined): string {
  const why = (attr(el?.attrs.message) ?? el?.text ?? '').trim();
  return `skipped${why ? `: ${why}` : ''}`;
}

/** An element's own <system-out> and <system-err>, each labelled and bounded (the tail is where a crash shows). */
function streams(el: XmlElement, max: number, prefix: string): string {
  const pick = (tag: string, label: string) =>
    childrenNamed(el, tag)
      .map((s) => s.text.trim())
      .filter(Boolean)
      .map((t) => `[${prefix}${label}]\n${t.length > max ? `[truncated] …${t.slice(-max)}` : t}`);
  return [...pick('system-out', 'stdout'), ...pick('system-err', 'stderr')].join('\n');
}

const joinOutput = (a: string, b: string) => clip([a, b].filter(Boolean).join('\n'), MAX_TEST_OUTPUT_CHARS);
const clean = (s: string | undefined) => (s ?? '').trim();
