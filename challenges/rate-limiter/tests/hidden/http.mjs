// Shared by every test file of this suite: one place that knows where the service is and how to call it.
import { randomUUID } from 'node:crypto';

export const SERVICE_URL = (process.env.SERVICE_URL ?? 'http://localhost:8080').replace(/\/$/, '');

export async function api(path, { method = 'GET', body, rawBody, headers = {} } = {}) {
  const init = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers['content-type'] = 'application/json';
  } else if (rawBody !== undefined) {
    init.body = rawBody;
    init.headers['content-type'] = 'application/json';
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

/** A fresh key per test, so no test sees a bucket another test (or an earlier run) has drained. */
export function uniqueKey(prefix = 'key') {
  return `${prefix}-${randomUUID()}`;
}

export function hit(key) {
  return api('/api/resource', { headers: { 'x-api-key': key } });
}

export async function configure(key, capacity, refillPerSecond) {
  const res = await api(`/keys/${encodeURIComponent(key)}`, { method: 'PUT', body: { capacity, refillPerSecond } });
  if (res.status !== 200) throw new Error(`PUT /keys/${key} answered ${res.status}: ${res.text}`);
  return res.json;
}

/** Fires n requests at once and returns how many were admitted (200) and rejected (429). */
export async function burst(key, n) {
  const results = await Promise.all(Array.from({ length: n }, () => hit(key)));
  const unexpected = results.filter((r) => r.status !== 200 && r.status !== 429);
  if (unexpected.length) throw new Error(`unexpected status ${unexpected[0].status}: ${unexpected[0].text}`);
  return {
    admitted: results.filter((r) => r.status === 200).length,
    rejected: results.filter((r) => r.status === 429).length,
    results,
  };
}

// Refill rates this slow add well under one token during a test, so counts are exact even on a loaded machine.
export const NO_REFILL = 0.001;
