import { type RunEvent, runEvent, type RunView, runView } from '@takehome/contracts';
import { useEffect, useState } from 'react';
import { runEventsUrl } from '../api/runs';

export interface RunProgress {
  run: RunView | null;
  /** The latest phase the sandbox reported (preparing, starting, testing, cleanup), while it runs. */
  phase: string | null;
  message: string | null;
  finished: Extract<RunEvent, { type: 'finished' }> | null;
  error: string | null;
}

const initial: RunProgress = { run: null, phase: null, message: null, finished: null, error: null };

/**
 * Follows one run over server-sent events until it finished. The stream closes itself after the final
 * snapshot; the EventSource is closed then too, or the browser would reconnect and replay it forever.
 */
export function useRunEvents(runId: string | null, onFinished?: (run: RunView) => void): RunProgress {
  const [state, setState] = useState<RunProgress>(initial);
  useEffect(() => {
    setState(initial);
    if (!runId) return;
    const source = new EventSource(runEventsUrl(runId));
    const parse = <T,>(schema: { safeParse(v: unknown): { success: boolean; data?: T } }, e: MessageEvent) => {
      const parsed = schema.safeParse(JSON.parse(e.data));
      return parsed.success ? (parsed.data as T) : null;
    };
    source.addEventListener('snapshot', (e) => {
      const run = parse<RunView>(runView, e);
      if (!run) return;
      setState((s) => ({ ...s, run }));
      if (run.status === 'FINISHED') {
        source.close();
        onFinished?.(run);
      }
    });
    for (const type of ['running', 'progress', 'finished'] as const) {
      source.addEventListener(type, (e) => {
        const event = parse<RunEvent>(runEvent, e);
        if (!event) return;
        setState((s) => {
          if (event.type === 'running') return { ...s, phase: 'running', run: s.run && { ...s.run, status: 'RUNNING' } };
          if (event.type === 'progress') return { ...s, phase: event.phase, message: event.message };
          return { ...s, finished: event, phase: null };
        });
      });
    }
    source.onerror = () => {
      // EventSource retries by itself while the run is live; only a closed stream is worth reporting.
      if (source.readyState === EventSource.CLOSED) setState((s) => ({ ...s, error: 'Lost the connection to the run.' }));
    };
    return () => source.close();
    // onFinished is a callback from the page; following it would reopen the stream on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [runId]);
  return state;
}
