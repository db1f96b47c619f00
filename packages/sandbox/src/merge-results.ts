import type { RunResult } from './sandbox-runner';

// A grading run may execute a visible and a hidden suite one after the other; the worst outcome wins so a
// timeout or OOM in either suite is what the reviewer sees first. Same ranking as apps/worker.
const severity: Record<RunResult['status'], number> = { completed: 0, error: 1, not_ready: 2, build_failed: 2, timeout: 3, oom: 4 };

export function mergeResults(results: RunResult[]): RunResult {
  if (results.length === 0) throw new Error('mergeResults needs at least one result');
  if (results.length === 1) return results[0];
  return {
    status: results.map((r) => r.status).reduce((a, b) => (severity[b] > severity[a] ? b : a), 'completed'),
    score: results.reduce((sum, r) => sum + r.score, 0),
    max_score: results.reduce((sum, r) => sum + r.max_score, 0),
    execution_time: results.reduce((sum, r) => sum + r.execution_time, 0),
    output: results.map((r) => r.output).filter(Boolean).join('\n'),
    tests: results.flatMap((r) => r.tests),
    ...mergeServiceLogs(results),
  };
}

// Each suite ran with sidecars of its own: one log per sidecar, the suites' parts in run order.
function mergeServiceLogs(results: RunResult[]): Pick<RunResult, 'service_logs'> {
  const withLogs = results.filter((r) => r.service_logs);
  if (withLogs.length === 0) return {};
  const merged: Record<string, string> = {};
  for (const r of withLogs) {
    for (const [name, log] of Object.entries(r.service_logs ?? {})) merged[name] = merged[name] ? `${merged[name]}\n${log}` : log;
  }
  return { service_logs: merged };
}
