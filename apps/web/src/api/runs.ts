import { runView } from '@takehome/contracts';
import { request } from './http';

export const fetchRun = (runId: string) => request(runView, `/api/runs/${runId}`);

/** Server-sent events: a snapshot, the worker's live events, and a final snapshot once the run finished. */
export const runEventsUrl = (runId: string) => `/api/runs/${runId}/events`;
