import { type RunEvent, runEvent } from '@takehome/contracts';
import { useEffect, useState } from 'react';
import type { z } from 'zod';

/** What every audience's run snapshot has in common (the team's RunView, the candidate's CandidateRun). */
interface RunSnapshot {
  status: 'QUEUED' | 'RUNNING' | 'FINISHED';
}

export interface RunProgress<T extends RunSnapshot> {
  run: T | null;
  /** The latest phase the sandbox reported (preparing, starting, testing, cleanup), while it runs. */
  phase: string | null;
  message: string | null;
  /** Every progress message of this run so far, in order (e.g. the database starting, then the service). */
  messages: string[];
  finished: Extract<RunEvent, { type: 'finished' }> | null;
  error: string | null;
}

/**
 * The one run stream of the web app: follows one run over server-sent events (a snapshot, running/progress/
 * finished, the final snapshot) until it finished. `url` is the audience's stream (team or candidate) and
 * `snapshot` its run schema. The stream closes itself after the final snapshot; the EventSource is closed then
 * too, or the browser would reconnect and replay it forever.
 */
export function useRunEvents<T extends RunSnapshot>(url: string | null, snapshot: z.ZodType<T>, onFinished?: (run: T) => void): RunProgress<T> {
  const initial: RunProgress<T> = { run: null, phase: null, message: null, messages: [], finished: null, error: null };
  const [state, setState] = useState<RunProgress<T>>(initial);
  useEffect(() => {
    setState(initial);
    if (!url) return;
    const source = new EventSource(url);
    const parse = <V,>(schema: z.ZodType<V>, e: MessageEvent): V | null => {
      const parsed = schema.safeParse(JSON.parse(e.data));
      return parsed.success ? parsed.data : null;
    };
    source.addEventListener('snapshot', (e) => {
      const run = parse(snapshot, e);
      if (!run) return;
      setState((s) => ({ ...s, run }));
      if (run.status === 'FINISHED') {
        source.close();
        onFinished?.(run);
      }
    });
    for (const type of ['running', 'progress', 'finished'] as const) {
      source.addEventListener(type, (e) => {
        const event = parse(runEvent, e);
        if (!event) return;
        setState((s) => {
          if (event.type === 'running') return { ...s, phase: 'running', run: s.run && { ...s.run, status: 'RUNNING' } };
          if (event.type === 'progress') return { ...s, phase: event.phase, message: event.message, messages: [...s.messages, event.message].slice(-20) };
          return { ...s, finished: event, phase: null };
        });
      });
    }
    source.onerror = () => {
      // EventSource retries by itself while the run is live; only a closed stream is worth reporting.
      if (source.readyState === EventSource.CLOSED) setState((s) => ({ ...s, error: 'Lost the connection to the run.' }));
    };
    return () => source.close();
    // onFinished and the schema come from the page; following them would reopen the stream on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [url]);
  return state;
}
