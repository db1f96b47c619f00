'use strict';
const fs = require('node:fs');
const path = require('node:path');

/**
 * Events in memory, made durable by an append-only JSON-lines journal. A batch's new events are written in one
 * synchronous append before the response, so an acknowledged batch survives a process kill, and because nothing
 * awaits between the duplicate check and the insert, concurrent batches cannot both accept the same id.
 */
class EventStore {
  constructor(dataDir) {
    fs.mkdirSync(dataDir, { recursive: true });
    this.file = path.join(dataDir, 'events.jsonl');
    this.byId = new Map();
    if (fs.existsSync(this.file)) {
      for (const line of fs.readFileSync(this.file, 'utf8').split('\n')) {
        if (!line) continue;
        try {
          const e = JSON.parse(line);
          if (!this.byId.has(e.id)) this.byId.set(e.id, e);
        } catch {
          // a torn last line from a crash mid-write; its batch was never acknowledged
        }
      }
    }
    this.fd = fs.openSync(this.file, 'a');
  }

  /** Stores events whose id is new; first occurrence wins, within the batch and across batches. */
  insertNew(events) {
    const fresh = [];
    for (const e of events) {
      if (this.byId.has(e.id)) continue; // also catches repeats earlier in this batch
      this.byId.set(e.id, e);
      fresh.push(e);
    }
    if (fresh.length) fs.writeSync(this.fd, fresh.map((e) => JSON.stringify(e)).join('\n') + '\n');
    return fresh.length;
  }

  get(id) {
    return this.byId.get(id);
  }

  /** Scans all events: fine for a take-home's volumes; an index by time is the next step at scale. */
  aggregate({ windowMs, from, to, type }) {
    const buckets = new Map();
    for (const e of this.byId.values()) {
      if (e.ts < from || e.ts >= to || (type !== undefined && e.type !== type)) continue;
      const start = e.ts - (((e.ts % windowMs) + windowMs) % windowMs);
      const k = `${start}\u0000${e.type}`;
      const b = buckets.get(k) ?? { start, type: e.type, count: 0, sum: 0 };
      b.count += 1;
      b.sum += e.value ?? 0;
      buckets.set(k, b);
    }
    return [...buckets.values()].sort((a, b) => a.start - b.start || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
  }
}

module.exports = { EventStore };
