'use strict';
const fs = require('node:fs');
const path = require('node:path');

const NEWLINE = 0x0a;

/**
 * Keys in memory; every change appended to DATA_DIR/wal.log and fsynced before it is acknowledged. Records are
 * JSON lines carrying the key's resulting state (value and version), so replaying one twice is harmless: that is
 * what lets compaction write the snapshot first and empty the log afterwards without a crash window losing data.
 * All file work is synchronous, so a check-and-write (compare-and-set, version bump) runs without interleaving.
 */
class KvStore {
  constructor(dataDir, { compactAtBytes = 1024 * 1024 } = {}) {
    fs.mkdirSync(dataDir, { recursive: true });
    this.dir = dataDir;
    this.walFile = path.join(dataDir, 'wal.log');
    this.snapshotFile = path.join(dataDir, 'snapshot.json');
    this.compactAtBytes = compactAtBytes;
    this.entries = new Map(); // key -> { value, version }
    this.loadSnapshot();
    this.fd = fs.openSync(this.walFile, 'a+');
    this.walBytes = this.replayWal();
  }

  loadSnapshot() {
    if (!fs.existsSync(this.snapshotFile)) return;
    // Written to a temporary file and renamed into place, so it is always complete.
    const { entries } = JSON.parse(fs.readFileSync(this.snapshotFile, 'utf8'));
    for (const [key, entry] of entries) this.entries.set(key, entry);
  }

  /** Applies every complete record; cuts off a torn tail so the next append does not land behind garbage. */
  replayWal() {
    const data = fs.readFileSync(this.walFile);
    let start = 0;
    while (start < data.length) {
      const end = data.indexOf(NEWLINE, start);
      if (end === -1) break; // no newline: the write was cut short and never acknowledged
      let record;
      try {
        record = JSON.parse(data.subarray(start, end).toString('utf8'));
      } catch {
        break; // garbage from a torn write: nothing after it was acknowledged either
      }
      this.apply(record);
      start = end + 1;
    }
    if (start < data.length) {
      fs.ftruncateSync(this.fd, start);
      fs.fsyncSync(this.fd);
    }
    return start;
  }

  apply(record) {
    if (record.op === 'put') this.entries.set(record.key, { value: record.value, version: record.version });
    else if (record.op === 'delete') this.entries.delete(record.key);
  }

  append(record) {
    const line = Buffer.from(JSON.stringify(record) + '\n', 'utf8');
    fs.writeSync(this.fd, line);
    fs.fdatasyncSync(this.fd); // durable before the caller acknowledges it
    this.walBytes += line.length;
    this.apply(record);
    if (this.walBytes >= this.compactAtBytes) this.compact();
  }

  get(key) {
    return this.entries.get(key);
  }

  /** The new entry, or { conflict: currentVersion } when ifVersion (0: must not exist) does not match. */
  put(key, value, ifVersion) {
    const current = this.entries.get(key);
    const currentVersion = current ? current.version : 0;
    if (ifVersion !== undefined && ifVersion !== currentVersion) return { conflict: currentVersion };
    this.append({ op: 'put', key, value, version: currentVersion + 1 });
    return this.entries.get(key);
  }

  /** false when the key does not exist */
  delete(key) {
    if (!this.entries.has(key)) return false;
    this.append({ op: 'delete', key });
    return true;
  }

  /** Snapshot of the live keys (atomically replaced), then an empty log. */
  compact() {
    const tmp = `${this.snapshotFile}.tmp`;
    const fd = fs.openSync(tmp, 'w');
    fs.writeSync(fd, JSON.stringify({ entries: [...this.entries] }));
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(tmp, this.snapshotFile);
    const dirFd = fs.openSync(this.dir, 'r');
    fs.fsyncSync(dirFd); // the rename itself must be durable before the log that backs it is emptied
    fs.closeSync(dirFd);
    fs.ftruncateSync(this.fd, 0);
    fs.fsyncSync(this.fd);
    this.walBytes = 0;
    return this.entries.size;
  }
}

module.exports = { KvStore };
