import { XMLParser } from 'fast-xml-parser';
import { clip, dedupeNames, MAX_TEST_OUTPUT_CHARS, ReportError, type ReportedTest } from './report-types';

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // Entities are where XML bombs live; a test report never needs them.
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: (name) => ['testsuite', 'testcase', 'failure', 'error', 'skipped', 'system-out', 'system-err'].includes(name),
});

/** Parses JUnit XML (Node's junit reporter, Maven surefire, pytest, the python3-runner's unittest-junit). */
export function parseJunit(xml: string): ReportedTest[] {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new ReportError('JUnit report contains a DOCTYPE/ENTITY declaration');
  if (!/<test(suites|suite|case)\b/.test(xml)) throw new ReportError('JUnit report has no <testsuites>, <testsuite> or <testcase> element');
  let doc: Node;
  try {
    doc = parser.parse(xml, true) as Node;
  } catch (err) {
    throw new ReportError(`JUnit report is not well-formed XML: ${(err as Error).message}`);
  }
  const tests: ReportedTest[] = [];
  walk(doc, [], tests, 0);
  return dedupeNames(tests);
}

function walk(node: Node, suites: string[], out: ReportedTest[], depth: number): void {
  if (depth > 64) throw new ReportError('JUnit report nests suites deeper than 64 levels');
  for (const c of asNodes(node.testcase)) out.push(toTest(c, suites));
  for (const s of asNodes(node.testsuite)) {
    const name = attr(s, 'name');
    // Node's reporter nests describe() blocks as suites; keep them in the name like "suite > test".
    walk(s, name ? [...suites, name] : suites, out, depth + 1);
  }
  if (node.testsuites && typeof node.testsuites === 'object') walk(node.testsuites as Node, suites, out, depth + 1);
}

function toTest(c: Node, suites: string[]): ReportedTest {
  const problems = [...asNodes(c.failure), ...asNodes(c.error)];
  const skipped = asNodes(c.skipped).length > 0 || c.skipped === '';
  const detail = problems.map((p) => [attr(p, 'message'), text(p)].filter(Boolean).join('\n')).join('\n');
  const skipNote = skipped ? `skipped${asNodes(c.skipped).map((n) => attr(n, 'message')).filter(Boolean).map((m) => `: ${m}`).join('')}` : '';
  const output = [detail, skipNote, ...asNodes(c['system-out']).map(text)].filter(Boolean).join('\n');
  const name = attr(c, 'name') || '(unnamed test)';
  return {
    name: [...suites, name].join(' > '),
    passed: problems.length === 0 && !skipped && !hasProblemTag(c),
    output: clip(output, MAX_TEST_OUTPUT_CHARS),
  };
}

// Self-closing <failure/> parses as '' rather than an object; still a failure.
function hasProblemTag(c: Node): boolean {
  return ['failure', 'error', 'skipped'].some((k) => k in c);
}

function asNodes(value: unknown): Node[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.map((v) => (v && typeof v === 'object' ? (v as Node) : { '#text': String(v ?? '') }));
}

function attr(n: Node, key: string): string {
  const v = n[`@_${key}`];
  return typeof v === 'string' ? v : '';
}

function text(n: Node): string {
  const v = n['#text'];
  return typeof v === 'string' ? v.trim() : '';
}
