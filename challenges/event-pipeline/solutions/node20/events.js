'use strict';

const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-](\d{2}):(\d{2}))$/;

/** Returns epoch milliseconds, or undefined. Date.parse alone accepts impossible dates such as Feb 30 and
 * timestamps without a zone (read as local time), so the components are checked explicitly. */
function parseTimestamp(value) {
  if (typeof value !== 'string') return undefined;
  const m = ISO.exec(value);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number);
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth || h > 23 || mi > 59 || s > 59) return undefined;
  if (m[9] !== undefined && (Number(m[9]) > 23 || Number(m[10]) > 59)) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Validates one parsed NDJSON line; returns the normalised event or a reason a client can act on. */
function validateEvent(raw) {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { reason: 'line must be a JSON object' };
  if (typeof raw.id !== 'string' || raw.id.length === 0 || raw.id.length > 128) {
    return { reason: 'id must be a non-empty string of at most 128 characters' };
  }
  if (typeof raw.type !== 'string' || raw.type.length === 0 || raw.type.length > 64) {
    return { reason: 'type must be a non-empty string of at most 64 characters' };
  }
  const ts = parseTimestamp(raw.timestamp);
  if (ts === undefined) return { reason: 'timestamp must be an ISO 8601 date-time with a timezone, e.g. 2024-05-01T10:00:00Z' };
  if (raw.value !== undefined && (typeof raw.value !== 'number' || !Number.isFinite(raw.value))) {
    return { reason: 'value, when present, must be a finite number' };
  }
  return { event: { id: raw.id, type: raw.type, ts, value: raw.value ?? null } };
}

/** Splits a batch into events and per-line errors. Line numbers count every physical line, blank ones too. */
function parseBatch(text) {
  const events = [];
  const errors = [];
  let nonBlank = 0;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '');
    if (line.trim() === '') continue;
    nonBlank += 1;
    let raw;
    try {
      raw = JSON.parse(line);
    } catch {
      errors.push({ line: i + 1, reason: 'invalid JSON' });
      continue;
    }
    const result = validateEvent(raw);
    if (result.reason) errors.push({ line: i + 1, reason: result.reason });
    else events.push(result.event);
  }
  return { events, errors, nonBlank };
}

const WINDOWS = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };

function toView(e) {
  return { id: e.id, type: e.type, timestamp: new Date(e.ts).toISOString(), value: e.value };
}

module.exports = { parseBatch, parseTimestamp, WINDOWS, toView };
