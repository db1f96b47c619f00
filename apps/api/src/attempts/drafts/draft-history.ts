import { applyPatch, createPatch } from 'diff';
import type { Prisma } from '@takehome/db';

type Tx = Prisma.TransactionClient;

/** Saves past this many are not recorded: a runaway client must not grow one attempt's history without bound. */
export const MAX_REVISIONS_PER_ATTEMPT = 5000;
/** A full copy every Nth save of a path bounds how many patches a reconstruction applies in a row. */
export const FULL_EVERY = 20;

/** Where the attempt's history stands when a save comes in, read with the attempt's row lock (see DraftsRepository). */
export interface HistoryPosition {
  /** Revisions the attempt already has. */
  recorded: number;
  /** The file's revision number after this save (it counts the file's saves), when the file existed before. */
  fileRevision?: number;
}

/**
 * Records one save in the attempt's history, inside the draft save's own transaction so history and draft
 * never disagree. `before` is the file's text before this save (null when the file is new). One insert: the
 * position comes from the save's own reads, so the autosave path does not count rows on every keystroke.
 */
export async function recordRevision(tx: Tx, attemptId: string, path: string, before: string | null, after: string | null, at: HistoryPosition) {
  if (at.recorded >= MAX_REVISIONS_PER_ATTEMPT) return;
  await tx.draftRevision.create({ data: { attemptId, path, ...revisionEntry(path, before, after, at.fileRevision) } });
}

/** What the history stores for one save (also prepared ahead by the autosave's one-statement write). */
export function revisionEntry(path: string, before: string | null, after: string | null, fileRevision?: number): { kind: 'FULL' | 'PATCH' | 'DELETE'; content: string } {
  if (after === null) return { kind: 'DELETE', content: '' };
  // Saves of this path since it was created or renamed: a full copy on the first and every FULL_EVERY-th after.
  const full = before === null || fileRevision === undefined || (fileRevision - 1) % FULL_EVERY === 0;
  return { kind: full ? 'FULL' : 'PATCH', content: full ? after : createPatch(path, before, after, '', '', { context: 0 }) };
}

export interface StoredRevision {
  seq: number;
  path: string;
  kind: 'FULL' | 'PATCH' | 'DELETE';
  content: string;
  savedAt: Date;
}

/** Rebuilds every file's text after each save, in save order. A patch that does not apply ends that file's line. */
export function replay(revisions: StoredRevision[]): { path: string; points: { seq: number; savedAt: Date; content: string | null }[] }[] {
  const current = new Map<string, string | null>();
  const byPath = new Map<string, { seq: number; savedAt: Date; content: string | null }[]>();
  for (const r of [...revisions].sort((a, b) => a.seq - b.seq)) {
    let text: string | null;
    if (r.kind === 'DELETE') text = null;
    else if (r.kind === 'FULL') text = r.content;
    else {
      const patched = applyPatch(current.get(r.path) ?? '', r.content);
      text = patched === false ? null : patched;
    }
    current.set(r.path, text);
    const points = byPath.get(r.path) ?? [];
    points.push({ seq: r.seq, savedAt: r.savedAt, content: text });
    byPath.set(r.path, points);
  }
  return [...byPath.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([path, points]) => ({ path, points }));
}
