// Shared by every test file of this suite: where the service and its supervisor are, and how to call them.
import { randomUUID } from 'node:crypto';
import http from 'node:http';

export const SERVICE_URL = (process.env.SERVICE_URL ?? 'http://localhost:8080').replace(/\/$/, '');
export const CONTROL_URL = process.env.CONTROL_URL?.replace(/\/$/, '');

/**
 * Calls the service and returns status and the parsed JSON body (undefined when not JSON). Each request uses a
 * new connection (no keep-alive pool): a pooled connection to a process that was just killed would fail the
 * next request for a reason that has nothing to do with the service under test.
 */
export function api(path, { method = 'GET', body, rawBody } = {}) {
  const payload = body !== undefined ? JSON.stringify(body) : rawBody;
  const headers = payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) };
  return new Promise((resolve, reject) => {
    const req = http.request(`${SERVICE_URL}${path}`, { method, headers, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json;
        try {
          json = text ? JSON.parse(text) : undefined;
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode, json, text });
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/** Unique per call, so tests never collide with each other or with data left by an earlier test. */
export function uniqueKey(prefix = 'k') {
  return `${prefix}-${randomUUID().replace(/-/g, '').slice(0, 12)}`;
}

export const put = (key, value, extra = {}) => api(`/kv/${key}`, { method: 'PUT', body: { value, ...extra } });
export const get = (key) => api(`/kv/${key}`);
export const del = (key) => api(`/kv/${key}`, { method: 'DELETE' });

export async function mustPut(key, value, extra) {
  const res = await put(key, value, extra);
  if (res.status !== 200) throw new Error(`PUT /kv/${key} answered ${res.status}: ${res.text}`);
  return res.json;
}

function controlUrl() {
  if (!CONTROL_URL) throw new Error('CONTROL_URL must point at the run supervisor for this test');
  return CONTROL_URL;
}

/**
 * kill -9 the service and start it again; with `append`, those bytes are added to the end of DATA_DIR/wal.log
 * while it is down, as a write cut short by a power cut leaves them. Resolves once it listens again.
 */
export async function crashAndRestart(append) {
  const query = append ? '?signal=KILL&append=wal.log' : '?signal=KILL';
  const res = await fetch(`${controlUrl()}/restart${query}`, { method: 'POST', body: append });
  const body = await res.json().catch(() => ({}));
  if (res.status !== 200) throw new Error(`the service did not come back after a kill -9 (${JSON.stringify(body)})`);
  return body;
}

/** Bytes stored under DATA_DIR right now, measured by the supervisor. */
export async function dataDirBytes() {
  const res = await fetch(`${controlUrl()}/data-usage`);
  return (await res.json()).bytes;
}

/** Runs fn over items with at most `limit` in flight. */
export async function pool(items, limit, fn) {
  const queue = [...items];
  await Promise.all(Array.from({ length: limit }, async () => {
    while (queue.length > 0) await fn(queue.shift());
  }));
}
