import { describe, expect, it } from 'vitest';
import { gradeTests, MISSING_TEST_OUTPUT, parseCtrf, parseGradescope, parseJunit, parseReport, ReportError } from '.';

const junit = (xml: string) => parseJunit(xml).tests;

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
    expect(junit(xml)).toEqual([
      { name: 'notes > creates', status: 'passed', output: '' },
      { name: 'notes > lists', status: 'failed', output: 'failure (testCodeFailure): expected 200\nAssertionError: 404 !== 200' },
      { name: 'top level', status: 'skipped', output: 'skipped: todo' },
    ]);
  });

  it('treats a self-closing <failure/> as a failure and suffixes only true duplicates', () => {
    const tests = junit('<testsuite><testcase name="a"><failure/></testcase><testcase name="a"/></testsuite>');
    expect(tests.map((t) => [t.name, t.status])).toEqual([['a', 'failed'], ['a (2)', 'passed']]);
  });

  it('decodes entities and character references in names, messages and outputs (defect 1)', () => {
    const [t] = junit(`<testsuite name="s"><testcase classname="About" name="renders &lt;Header&gt; &amp; &quot;nav&quot;">
      <failure message="Check throw if -3&lt;0">assert 4 == 5&#10;line two&#x21;</failure></testcase></testsuite>`);
    expect(t.name).toBe('About > renders <Header> & "nav"');
    expect(t.output).toBe('failure: Check throw if -3<0\nassert 4 == 5\nline two!');
  });

  it("undoes the second escape Node's junit reporter puts on quotes in attributes, so output is text, not entities", () => {
    // Written by `node --test --test-reporter=junit` (Node 20.20) for assert.strictEqual('{"error":"x"}', 'other').
    const [t] = junit(`<testsuites><testcase name="says hi" classname="test">
      <failure type="testCodeFailure" message="+ '{&amp;quot;error&amp;quot;:&amp;quot;x&amp;quot;}'- 'other'">+ '{"error":"x"}'
    at TestContext.&lt;anonymous&gt; (file:///t.mjs:2:26)</failure></testcase></testsuites>`);
    expect(t.output).toBe(`failure (testCodeFailure): + '{"error":"x"}'- 'other'\n+ '{"error":"x"}'\n    at TestContext.<anonymous> (file:///t.mjs:2:26)`);
    expect(t.output).not.toMatch(/&(amp|quot|lt);/);
  });

  it('qualifies names with classname so equal names in different classes stay apart without order suffixes (defect 2)', () => {
    const xml = `<testsuites><testsuite name="pytest">
      <testcase classname="tests.test_a.TestSolver" name="test_invalid_solution"/>
      <testcase classname="tests.test_b.TestSolver" name="test_invalid_solution"/>
      <testcase classname="Same title" name="Same title"/>
    </testsuite></testsuites>`;
    expect(junit(xml).map((t) => t.name)).toEqual([
      'tests.test_a.TestSolver > test_invalid_solution',
      'tests.test_b.TestSolver > test_invalid_solution',
      'Same title',
    ]);
  });

  it('reads a DOCTYPE inside CDATA or escaped text as text (defect 3)', () => {
    const xml = `<testsuite name="Web"><testcase classname="WebTest" name="page"/>
      <system-out><![CDATA[<!DOCTYPE html><html></html>]]></system-out>
      <system-err>&lt;!DOCTYPE html&gt;</system-err></testsuite>`;
    const [t] = junit(xml);
    expect(t.status).toBe('passed');
    expect(t.output).toBe('[suite stdout]\n<!DOCTYPE html><html></html>\n[suite stderr]\n<!DOCTYPE html>');
  });

  it('refuses a real DOCTYPE: entity declarations (billion laughs) and external entities (XXE) are never read', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><testsuites><testcase name="&lol2;"/></testsuites>`;
    const xxe = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><testsuite><testcase name="&x;"/></testsuite>`;
    expect(() => parseJunit(bomb)).toThrow(/DOCTYPE/);
    expect(() => parseJunit(xxe)).toThrow(/DOCTYPE/);
    expect(() => parseJunit('<testsuite><testcase name="&nbsp;"/></testsuite>')).toThrow(ReportError);
  });

  it('gives skipped, todo and not-run cases their own status (defect 6)', () => {
    const xml = `<testsuite name="s">
      <testcase classname="c" name="skip"><skipped message="later"/></testcase>
      <testcase classname="c" name="todo"><skipped type="todo"/></testcase>
      <testcase classname="c" name="gtest disabled" status="notrun" result="suppressed"/>
    </testsuite>`;
    expect(junit(xml).map((t) => t.status)).toEqual(['skipped', 'skipped', 'skipped']);
  });

  it('keeps suite-level system-out, every system-err, the failure type, and tells errors from failures (defect 7)', () => {
    const xml = `<testsuite name="Api"><testcase classname="Api" name="ok"><system-err>warn: slow</system-err></testcase>
      <testcase classname="Api" name="boom"><error type="java.lang.IllegalStateException" message="no db">trace</error></testcase>
      <testcase classname="Api" name="wrong"><failure type="AssertionFailedError" message="1 != 2"/></testcase>
      <system-out>booting</system-out><system-err>${'x'.repeat(10_000)}END</system-err></testsuite>`;
    const [ok, boom, wrong] = junit(xml);
    expect(ok.output).toBe('[stderr]\nwarn: slow');
    expect(boom).toMatchObject({ status: 'failed', errored: true });
    expect(boom.output).toMatch(/^error \(java.lang.IllegalStateException\): no db\ntrace\n\[suite stdout\]\nbooting\n\[suite stderr\]\n\[truncated\] …x+END$/);
    expect(boom.output.length).toBeLessThan(8400);
    expect(wrong).toMatchObject({ status: 'failed' });
    expect(wrong.errored).toBeUndefined();
    expect(wrong.output).toContain('failure (AssertionFailedError): 1 != 2');
  });

  it('rejects garbage and reports without test elements', () => {
    expect(() => parseJunit('not xml at all')).toThrow(ReportError);
    expect(() => parseJunit('<html><body>500</body></html>')).toThrow(/no <testsuites>/);
    expect(() => parseJunit('<testsuites><testcase name="x"></testsuites')).toThrow(ReportError);
  });

  it('bounds hostile sizes: huge names and outputs are clipped, absurd test counts refused', () => {
    const long = 'n'.repeat(10_000);
    const [t] = junit(`<testsuite><testcase name="${long}"><failure>${'o'.repeat(100_000)}</failure></testcase></testsuite>`);
    expect(t.name.length).toBeLessThan(600);
    expect(t.output.length).toBeLessThan(17_000);
    expect(() => parseJunit(`<testsuite>${'<testcase name="x"/>'.repeat(6000)}</testsuite>`)).toThrow(/limit 5000/);
  });

  it('refuses absurd nesting depth', () => {
    expect(() => parseJunit(`${'<testsuite name="s">'.repeat(100)}<testcase name="x"/>${'</testsuite>'.repeat(100)}`)).toThrow(ReportError);
  });
});

describe('parseCtrf', () => {
  it('maps statuses: passed passes, skipped/pending/todo are skipped, the rest failed', () => {
    const json = JSON.stringify({ results: { tool: { name: 'jest' }, tests: [
      { name: 'ok', status: 'passed', duration: 1 },
      { name: 'bad', status: 'failed', duration: 1, message: 'boom', trace: 'at x' },
      { name: 'later', status: 'pending', duration: 0 },
      { name: 'odd', status: 'other', duration: 0 },
    ] } });
    expect(parseCtrf(json).tests).toEqual([
      { name: 'ok', status: 'passed', output: '' },
      { name: 'bad', status: 'failed', output: 'failed\nboom\nat x' },
      { name: 'later', status: 'skipped', output: 'pending' },
      { name: 'odd', status: 'failed', output: 'other' },
    ]);
  });

  it('qualifies names with suite or filePath, so equal titles in two files stay apart (defect 2)', () => {
    const json = JSON.stringify({ results: { tests: [
      { name: 'opens', status: 'passed', suite: ['login.cy.ts', 'form'] },
      { name: 'opens', status: 'passed', filePath: 'signup.cy.ts' },
      { name: 'opens', status: 'passed', suite: 'login.cy.ts > form' },
    ] } });
    expect(parseCtrf(json).tests.map((t) => t.name)).toEqual(['login.cy.ts > form > opens', 'signup.cy.ts > opens', 'login.cy.ts > form > opens (2)']);
  });

  it('rejects invalid JSON and wrong shapes with a clear message', () => {
    expect(() => parseCtrf('{"results":')).toThrow(/CTRF report is not valid JSON/);
    expect(() => parseCtrf('{"results":{"tests":[{"name":1,"status":"passed"}]}}')).toThrow(/unexpected shape/);
    expect(() => parseCtrf('[]')).toThrow(ReportError);
  });

  it('is not fooled by __proto__ keys', () => {
    const { tests } = parseCtrf('{"__proto__":{"polluted":1},"results":{"tests":[{"name":"x","status":"passed"}]}}');
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
    expect(parseGradescope(json).tests).toEqual([
      { name: 'full', status: 'passed', output: '', score: 2, maxScore: 2, visibility: 'visible' },
      { name: 'partial', status: 'failed', output: 'half', score: 1, maxScore: 4, visibility: 'after_published' },
      { name: 'Test 1.3', status: 'failed', output: '', score: 0, maxScore: 1, visibility: undefined },
    ]);
  });

  it('accepts a top-level score alone, and lets it override the tests when both exist (defect 4)', () => {
    const only = parseGradescope('{"score": 44.0, "output": "44 of 50"}');
    expect(only.tests).toMatchObject([{ name: 'total', score: 44, status: 'passed', output: '44 of 50' }]);
    expect(gradeTests(only, { total: { weight: 50 } }, 'visible')).toMatchObject({ score: 44, max_score: 50 });
    const both = parseGradescope(JSON.stringify({ score: 3, tests: [{ name: 'a', score: 1, max_score: 2 }, { name: 'b', score: 0, max_score: 2 }] }));
    expect(gradeTests(both, undefined, 'visible')).toMatchObject({ score: 3, max_score: 4 });
    expect(gradeTests(both, { a: { weight: 4 }, b: { weight: 4 } }, 'visible')).toMatchObject({ score: 6, max_score: 8 });
  });

  it("reads a top-level score on the assignment's scale when the suite gives total a weight, and never as full marks otherwise", () => {
    // Otter writes tests out of their own points and the top-level score out of points_possible (here 100).
    const otter = parseGradescope(JSON.stringify({ score: 70, tests: [{ name: 'q1', score: 6, max_score: 8 }, { name: 'q2', score: 0, max_score: 2 }] }));
    expect(gradeTests(otter, { total: { weight: 100 } }, 'visible')).toMatchObject({ score: 7, max_score: 10, missing: [] });
    expect(gradeTests(otter, undefined, 'visible')).toMatchObject({ score: 6, max_score: 10 });
  });

  it('follows status when a test has no score; informational tests add nothing to the maximum (defect 5)', () => {
    const report = parseGradescope(JSON.stringify({ tests: [
      { name: 'passed by status', max_score: 3, status: 'passed' },
      { name: 'failed by status', max_score: 2, status: 'failed' },
      { name: 'style notes', output: 'consider shorter functions' },
    ] }));
    expect(report.tests.map((t) => [t.name, t.status, t.score, t.maxScore])).toEqual([
      ['passed by status', 'passed', 3, 3],
      ['failed by status', 'failed', 0, 2],
      ['style notes', 'passed', 0, 0],
    ]);
    expect(gradeTests(report, undefined, 'visible')).toMatchObject({ score: 3, max_score: 5 });
  });

  it('calls a 0/0 test failed when its status or output says so (defect 8)', () => {
    const report = parseGradescope(JSON.stringify({ tests: [
      { name: 'compiles', score: 0, max_score: 0, status: 'failed' },
      { name: 'lint', score: 0, max_score: 0, output: 'Test Failed: 3 warnings' },
      { name: 'info', score: 0, max_score: 0, output: 'all good' },
    ] }));
    expect(report.tests.map((t) => t.status)).toEqual(['failed', 'failed', 'passed']);
  });

  it('clamps scores a hostile report inflates and rejects non-numbers', () => {
    const [t] = parseGradescope('{"tests":[{"name":"x","score":1e9,"max_score":1}]}').tests;
    expect(t.score).toBe(1);
    expect(() => parseGradescope('{"tests":[{"name":"x","score":"lots"}]}')).toThrow(/unexpected shape/);
    expect(() => parseGradescope('{"tests":[{"name":"x","max_score":-5}]}')).toThrow(ReportError);
    expect(() => parseGradescope('{"output":"no score"}')).toThrow(/top-level score or a tests array/);
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
      { tests: [
        { name: 'a', status: 'passed', output: '' },
        { name: 'b', status: 'failed', output: 'x' },
        { name: 'c', status: 'failed', output: '', score: 1, maxScore: 4, visibility: 'visible' },
      ] },
      { a: { weight: 3, visibility: 'after_published' }, c: { weight: 8 } },
      'hidden',
    );
    expect(graded.tests.map((t) => [t.name, t.score, t.max_score, t.visibility])).toEqual([
      ['a', 3, 3, 'after_published'],
      ['b', 0, 1, 'hidden'],
      ['c', 2, 8, 'visible'],
    ]);
    expect(graded).toMatchObject({ score: 5, max_score: 12, missing: [] });
  });

  it('leaves skipped tests out of the maximum, or counts them failed when the suite says skipped: fail (defect 6)', () => {
    const report = { tests: [{ name: 'a', status: 'passed' as const, output: '' }, { name: 'later', status: 'skipped' as const, output: 'skipped: todo' }] };
    expect(gradeTests(report, { later: { weight: 2 } }, 'visible')).toMatchObject({ score: 1, max_score: 1, tests: [{}, { status: 'skipped', max_score: 0 }] });
    const strict = gradeTests(report, { later: { weight: 2 } }, 'visible', 'fail');
    expect(strict).toMatchObject({ score: 1, max_score: 3, tests: [{}, { status: 'failed', score: 0, max_score: 2 }] });
  });

  it('counts a declared test missing from the report as failed against the maximum', () => {
    const graded = gradeTests({ tests: [{ name: 'ran', status: 'passed', output: '' }] }, { ran: { weight: 1 }, 'never ran': { weight: 3, visibility: 'hidden' } }, 'visible');
    expect(graded).toMatchObject({ score: 1, max_score: 4, missing: ['never ran'] });
    expect(graded.tests[1]).toEqual({ name: 'never ran', status: 'failed', score: 0, max_score: 3, output: MISSING_TEST_OUTPUT, visibility: 'hidden' });
  });
});
