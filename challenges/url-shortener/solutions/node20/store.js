'use strict';
const fs = require('node:fs');
const path = require('node:path');

/**
 * In-memory index backed by an append-only JSON-lines journal. Writes are synchronous and happen before the
 * response is sent, so an acknowledged create or click is on disk (in the OS page cache) even if the process is
 * killed right after; replaying the journal on start rebuilds the exact state. Synchronous appends also keep the
 * check-then-insert of an alias atomic, since no other request can run in between.
 */
class LinkStore {
  constructor(dataDir) {
    fs.mkdirSync(dataDir, { recursive: true });
    this.file = path.join(dataDir, 'links.jsonl');
    this.links = new Map();
    this.replay();
    this.fd = fs.openSync(this.file, 'a');
  }

  replay() {
    if (!fs.existsSync(this.file)) return;
    const lines = fs.readFileSync(this.file, 'utf8').split('\n');
    for (const line of lines) {
      if (!line) continue;
      let event;
      try {
        event = JSON.parse(line);
      } catch {
        continue; // a torn final line from a crash mid-write; everything before it is intact
      }
      if (event.type === 'create') this.links.set(event.link.code, { ...event.link });
      if (event.type === 'click') {
        const link = this.links.get(event.code);
        if (link) {
          link.clicks += 1;
          link.lastAccessedAt = event.at;
        }
      }
    }
  }

  append(event) {
    fs.writeSync(this.fd, JSON.stringify(event) + '\n');
  }

  has(code) {
    return this.links.has(code);
  }

  get(code) {
    return this.links.get(code);
  }

  create(link) {
    this.append({ type: 'create', link });
    this.links.set(link.code, { ...link });
    return this.links.get(link.code);
  }

  click(code, at) {
    const link = this.links.get(code);
    this.append({ type: 'click', code, at });
    link.clicks += 1;
    link.lastAccessedAt = at;
    return link;
  }
}

module.exports = { LinkStore };
