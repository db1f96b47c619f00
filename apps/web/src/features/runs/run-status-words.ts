import type { RunOutcome } from '@takehome/contracts';

type RunState = { status: 'QUEUED' | 'RUNNING' | 'FINISHED'; outcome: RunOutcome | null };

// What happened, in the words a candidate would use, never an enum ("FINISHED: COMPLETED").
const OUTCOME_WORDS: Record<RunOutcome, string> = {
  COMPLETED: 'Finished',
  TIMEOUT: 'Stopped: the tests took too long',
  ERROR: 'Could not finish: something went wrong on our side',
  OOM: 'Stopped: your service ran out of memory',
  NOT_READY: 'Your service did not start',
  BUILD_FAILED: 'Your code did not build',
};

export function runStatusWords(run: RunState): string {
  if (run.status === 'QUEUED') return 'Queued: waiting for a sandbox';
  if (run.status === 'RUNNING') return 'Running';
  return run.outcome ? OUTCOME_WORDS[run.outcome] : 'Finished';
}

export function runStatusColor(run: RunState): string {
  if (run.status !== 'FINISHED') return 'blue';
  return run.outcome === 'COMPLETED' ? 'green' : 'red';
}
