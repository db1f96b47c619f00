// Shared by every test file of this suite: one place that knows where the service is and how to call it.
import { randomInt, randomUUID } from 'node:crypto';

export const SERVICE_URL = (process.env.SERVICE_URL ?? 'http://localhost:8080').replace(/\/$/, '');
export const CONTROL_URL = process.env.CONTROL_URL?.replace(/\/$/, '');

export async function api(path, { method = 'GET', ndjson, headers = {} } = {}) {
  const init = { method, headers: { ...headers } };
  if (ndjson !== undefined) {
    init.body = ndjson;
    init.headers['content-type'] = 'application/x-ndjson';
  }
  const res = await fetch(`${SERVICE_URL}${path}`, init);
  const text = await res.text();
  let json;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, json, text };
}

export function toNdjson(events) {
  return events.map((e) => (typeof e === 'string' ? e : JSON.stringify(e))).join('\n') + '\n';
}

export async function ingest(events) {
  const res = await api('/events', { method: 'POST', ndjson: typeof events === 'string' ? events : toNdjson(events) });
  if (res.status !== 200) throw new Error(`POST /events answered ${res.status}: ${res.text}`);
  return res.json;
}

/** Unique ids and types keep tests independent of each other and of data left by earlier runs. */
export const uid = (prefix = 'evt') => `${prefix}-${randomUUID()}`;

/** A random UTC day between 2001 and 2098, so unfiltered aggregate queries see only this test's events. */
export function uniqueDay() {
  return Date.UTC(2001 + randomInt(98), randomInt(12), 1 + randomInt(28));
}

export const iso = (ms) => new Date(ms).toISOString();

export async function aggregates(params) {
  return api(`/aggregates?${new URLSearchParams(params)}`);
}

/** Buckets with `start` compared as instants, so `Z` vs `+00:00` or millisecond formatting do not matter. */
export function normalise(buckets) {
  return buckets.map((b) => ({ start: Date.parse(b.start), type: b.type, count: b.count, sum: b.sum }));
}
