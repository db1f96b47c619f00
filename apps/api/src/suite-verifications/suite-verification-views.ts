import { type SuiteVerificationResult, suiteVerificationResult, type SuiteVerificationView } from '@takehome/contracts';

interface Row {
  id: string;
  challengeVersionId: string;
  status: SuiteVerificationView['status'];
  runsPerSubject: number;
  runtimes: string[];
  totalRuns: number;
  doneRuns: number;
  runMsTotal: number;
  result: unknown;
  error: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

/** The one reader of a stored result: parsed with its contract, never cast. A row that fails to parse shows none. */
export function resultOf(row: Pick<Row, 'result'>): SuiteVerificationResult | null {
  const parsed = suiteVerificationResult.safeParse(row.result);
  return parsed.success ? parsed.data : null;
}

/** Proven: every reference run passed both suites and every mutant was killed on every run. */
export function provenOf(row: Pick<Row, 'status' | 'result'>): boolean | null {
  if (row.status !== 'FINISHED') return row.status === 'FAILED' ? false : null;
  const result = resultOf(row);
  if (!result) return false;
  return result.runtimes.every(
    (r) => r.reference.every((s) => s.passedRuns === s.runs) && r.killRate.killed === r.killRate.total,
  );
}

export function toSuiteVerificationView(row: Row): SuiteVerificationView {
  const perRunMs = row.doneRuns > 0 ? Math.round(row.runMsTotal / row.doneRuns) : null;
  const unfinished = row.status === 'QUEUED' || row.status === 'RUNNING';
  return {
    id: row.id,
    challengeVersionId: row.challengeVersionId,
    status: row.status,
    runsPerSubject: row.runsPerSubject,
    runtimes: row.runtimes,
    totalRuns: row.totalRuns,
    doneRuns: row.doneRuns,
    // Runs go one at a time, so the time left is the measured mean times the runs left.
    estimate: perRunMs === null ? null : { perRunMs, remainingMs: unfinished ? perRunMs * Math.max(0, row.totalRuns - row.doneRuns) : 0 },
    proven: provenOf(row),
    result: resultOf(row),
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}
