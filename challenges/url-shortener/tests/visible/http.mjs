// Shared by every test file of this suite: one place that knows where the service is and how to call it.
import { randomUUID } from 'node:crypto';

export const SERVICE_URL = (process.env.SERVICE_URL ?? 'http://localhost:8080').replace(/\/$/, '');
export const CONTROL_URL = process.env.CONTROL_URL?.replace(/\/$/, '');

/** Calls the service and returns status, headers and the parsed JSON body (undefined when not JSON). */
export async function api(path, { method = 'GET', body, rawBody, headers = {} } = {}) {
  const init = { method, headers: { ...headers }, redirect: 'manual' };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers['content-type'] = 'application/json';
  } else if (rawBody !== undefined) {
    init.body = rawBody;
    init.headers['content-type'] ??= 'application/json';
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

/** Unique per call, so tests never collide with each other or with data left by an earlier run. */
export function uniqueAlias(prefix = 't') {
  return `${prefix}-${randomUUID().replace(/-/g, '').slice(0, 12)}`;
}

export function uniqueUrl() {
  return `https://example.com/articles/${randomUUID()}?ref=test`;
}

export async function createLink(body) {
  const res = await api('/links', { method: 'POST', body });
  if (res.status !== 201) throw new Error(`POST /links answered ${res.status}: ${res.text}`);
  return res.json;
}
