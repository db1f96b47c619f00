import { formatMinutes, formatNumber } from '../format';

/** "Hidden tests 14/18 · pilot median 15/18": the candidate's number first, the pilot's beside it. */
export function testsLine(label: string, tests: { passed: number; total: number; pilotMedian: number | null } | null, hasBaseline: boolean): string {
  if (!tests) return `${label}: not graded yet`;
  const own = `${label} ${tests.passed}/${tests.total}`;
  if (!hasBaseline) return own;
  return `${own} · pilot median ${tests.pilotMedian === null ? '—' : `${formatNumber(tests.pilotMedian)}/${tests.total}`}`;
}

export function timeLine(minutes: number | null, limit: number, pilotMedian: number | null | undefined): string {
  const own = minutes === null ? 'Time: not finished' : `Time ${formatMinutes(minutes)} of ${limit} min`;
  return pilotMedian === undefined ? own : `${own} · pilot median ${formatMinutes(pilotMedian)}`;
}

/** Above, at or below the pilot, for colouring: the baseline is what "good" looked like for the team. */
export function versus(value: number | null, median: number | null): 'above' | 'at' | 'below' | null {
  if (value === null || median === null) return null;
  if (Math.abs(value - median) < 1e-9) return 'at';
  return value > median ? 'above' : 'below';
}
export const versusColor = { above: 'green', at: 'gray', below: 'orange' } as const;
