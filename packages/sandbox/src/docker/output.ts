import type { Readable } from 'node:stream';

/**
 * Collects a Docker multiplexed (non-TTY) attach/exec stream with a byte cap. Past the cap, frames are
 * still drained (so the process never blocks on a full pipe) but dropped, and the text says so.
 */
export class CappedOutput {
  private readonly chunks: Buffer[] = [];
  private kept = 0;
  private dropped = 0;
  private pending = Buffer.alloc(0);

  constructor(private readonly maxBytes: number) {}

  /** Resolves when the stream ends or errors (a killed container ends it abruptly; that is fine). */
  consume(stream: Readable): Promise<void> {
    return new Promise((resolve) => {
      stream.on('data', (chunk: Buffer) => this.pushFrames(chunk));
      stream.once('end', resolve);
      stream.once('close', resolve);
      stream.once('error', () => resolve());
    });
  }

  private pushFrames(chunk: Buffer): void {
    let buf = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    // Frame: [stream type, 0, 0, 0, size (uint32 BE)] + payload; stdout and stderr are interleaved.
    while (buf.length >= 8) {
      const size = buf.readUInt32BE(4);
      if (buf.length < 8 + size) break;
      this.add(buf.subarray(8, 8 + size));
      buf = buf.subarray(8 + size);
    }
    this.pending = Buffer.from(buf);
  }

  private add(payload: Buffer): void {
    const room = this.maxBytes - this.kept;
    if (room > 0) {
      const part = payload.length <= room ? payload : payload.subarray(0, room);
      this.chunks.push(Buffer.from(part));
      this.kept += part.length;
      this.dropped += payload.length - part.length;
    } else {
      this.dropped += payload.length;
    }
  }

  get truncatedBytes(): number {
    return this.dropped;
  }

  text(): string {
    const body = Buffer.concat(this.chunks).toString('utf8');
    return this.dropped > 0 ? `${body}\n[output truncated: ${this.dropped} more bytes dropped]` : body;
  }
}
