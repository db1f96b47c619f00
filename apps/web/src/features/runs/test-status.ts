import type { RunTest } from '@takehome/contracts';

// Skipped (skip/todo/pending in the report) is neither a pass nor a failure: it shows in words, in a neutral colour,
// and stays out of "n of m passed" counts just as it stays out of the maximum score.
export function testStatusColor(status: RunTest['status'], passedColor = 'green'): string {
  return status === 'passed' ? passedColor : status === 'skipped' ? 'gray' : 'red';
}

/** "3 of 4 visible tests passed, 1 skipped" */
export function passedLine(tests: RunTest[], what: string): string {
  const skipped = tests.filter((t) => t.status === 'skipped').length;
  const passed = tests.filter((t) => t.status === 'passed').length;
  return `${passed} of ${tests.length - skipped} ${what} passed${skipped > 0 ? `, ${skipped} skipped` : ''}`;
}
