import { describe, expect, it } from 'vitest';
import { gradeTests, parseCtrf, parseGradescope, parseJunit, parseReport, ReportError } from '.';

describe('parseJunit', () => {
  it("reads Node's junit reporter output, nesting describe blocks into names (cases before sub-suites)", () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<testsuites>
  <testsuite name="notes" time="0.1" tests="2" failures="1">
    <testcase name="creates" time="0.01" classname="test"/>
    <testcase name="lists" time="0.01" classname="test">
      <failure type="testCodeFailure" message="expected 200">AssertionError: 404 !== 200</failure>
    </testcase>
  </testsuite>
  <testcase name="top level" time="0.01" classname="test"><skipped type="skipped" message="todo"/></testcase>
  <!-- tests 3 -->
</testsuites>`;
    expect(parseJunit(xml)).toEqual([
      { name: 'top level', passed: false, output: 'skipped: todo' },
      { name: 'notes > creates', passed: true, output: '' },
      { name: 'notes > lists', passed: false, output: 'expected 200\nAssertionError: 404 !== 200' },
    ]);
  });

  it('treats a self-closing <failure/> as a failure and de-duplicates names', () => {
    const tests = parseJunit('<testsuite><testcase name="a"><failure/></testcase><testcase name="a"/></testsuite>');
    expect(tests.map((t) => [t.name, t.passed])).toEqual([['a', false], ['a (2)', true]]);
  });

  it('refuses entity declarations (billion laughs) instead of expanding them', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><testsuites><testcase name="&lol2;"/></testsuites>`;
    expect(() => parseJunit(bomb)).toThrow(/DOCTYPE\/ENTITY/);
  });

  it('rejects garbage and reports without test elements', () => {
    expect(() => parseJunit('not xml at all')).toThrow(ReportError);
    expect(() => parseJunit('<html><body>500</body></html>')).toThrow(/no <testsuites>/);
    expect(() => parseJunit('<testsuites><testcase name="x"></testsuites')).toThrow(ReportError);
  });

  it('bounds hostile sizes: huge names and outputs are clipped, absurd test counts refused', () => {
    const long = 'n'.repeat(10_000);
    const [t] = parseJunit(`<testsuite><testcase name="${long}"><failure>${'o'.repeat(100_000)}</failure></testcase></testsuite>`);
    expect(t.name.length).toBeLessThan(600);
    expect(t.output.length).toBeLessThan(17_000);
    expect(() => parseJunit(`<testsuite>${'<testcase name="x"/>'.repeat(6000)}</testsuite>`)).toThrow(/limit 5000/);
  });

  it('refuses absurd nesting depth', () => {
    expect(() => parseJunit(`${'<testsuite name="s">'.repeat(100)}<testcase name="x"/>${'</testsuite>'.repeat(100)}`)).toThrow(ReportError);
  });
});

describe('parseCtrf', () => {
  it('maps statuses: only passed passes', () => {
    const json = JSON.stringify({ results: { tool: { name: 'jest' }, tests: [
      { name: 'ok', status: 'passed', duration: 1 },
      { name: 'bad', status: 'failed', duration: 1, message: 'boom', trace: 'at x' },
      { name: 'later', status: 'pending', duration: 0 },
    ] } });
    expect(parseCtrf(json)).toEqual([
      { name: 'ok', passed: true, output: '' },
      { name: 'bad', passed: false, output: 'failed\nboom\nat x' },
      { name: 'later', passed: false, output: 'pending' },
    ]);
  });

  it('rejects invalid JSON and wrong shapes with a clear message', () => {
    expect(() => parseCtrf('{"results":')).toThrow(/CTRF report is not valid JSON/);
    expect(() => parseCtrf('{"results":{"tests":[{"name":1,"status":"passed"}]}}')).toThrow(/unexpected shape/);
    expect(() => parseCtrf('[]')).toThrow(ReportError);
  });

  it('is not fooled by __proto__ keys', () => {
    const tests = parseCtrf('{"__proto__":{"polluted":1},"results":{"tests":[{"name":"x","status":"passed"}]}}');
    expect(tests).toHaveLength(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('parseGradescope', () => {
  it('keeps partial credit, derives pass/fail and maps after_due_date visibility', () => {
    const json = JSON.stringify({ tests: [
      { name: 'full', score: 2, max_score: 2, visibility: 'visible' },
      { name: 'partial', score: 1, max_score: 4, output: 'half', visibility: 'after_due_date' },
      { number: '1.3', score: 0, max_score: 1, status: 'failed' },
    ] });
    expect(parseGradescope(json)).toEqual([
      { name: 'full', passed: true, output: '', score: 2, maxScore: 2, visibility: 'visible' },
      { name: 'partial', passed: false, output: 'half', score: 1, maxScore: 4, visibility: 'after_published' },
      { name: 'Test 1.3', passed: false, output: '', score: 0, maxScore: 1, visibility: undefined },
    ]);
  });

  it('clamps scores a hostile report inflates and rejects non-numbers', () => {
    const [t] = parseGradescope('{"tests":[{"name":"x","score":1e9,"max_score":1}]}');
    expect(t.score).toBe(1);
    expect(() => parseGradescope('{"tests":[{"name":"x","score":"lots"}]}')).toThrow(/unexpected shape/);
    expect(() => parseGradescope('{"tests":[{"name":"x","max_score":-5}]}')).toThrow(ReportError);
  });
});

describe('parseReport', () => {
  it('calls an empty report an error', () => {
    expect(() => parseReport('junit', '  \n')).toThrow(/junit report is empty/);
  });
});

describe('gradeTests', () => {
  it('applies weight and visibility overrides over report values and defaults', () => {
    const graded = gradeTests(
      [
        { name: 'a', passed: true, output: '' },
        { name: 'b', passed: false, output: 'x' },
        { name: 'c', passed: false, output: '', score: 1, maxScore: 4, visibility: 'visible' },
      ],
      { a: { weight: 3, visibility: 'after_published' }, c: { weight: 8 } },
      'hidden',
    );
    expect(graded.tests.map((t) => [t.name, t.score, t.max_score, t.visibility])).toEqual([
      ['a', 3, 3, 'after_published'],
      ['b', 0, 1, 'hidden'],
      ['c', 2, 8, 'visible'],
    ]);
    expect(graded).toMatchObject({ score: 5, max_score: 12 });
  });
});
