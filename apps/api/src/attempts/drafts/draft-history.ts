import { applyPatch, createPatch } from 'diff';
import type { Prisma } from '@takehome/db';

type Tx = Prisma.TransactionClient;

/** Saves past this many are not recorded: a runaway client must not grow one attempt's history without bound. */
export const MAX_REVISIONS_PER_ATTEMPT = 5000;
/** A full copy every Nth save of a path bounds how many patches a reconstruction applies in a row. */
export const FULL_EVERY = 20;

/**
 * Records one save in the attempt's history, inside the draft save's own transaction so history and draft
 * never disagree. `before` is the file's text before this save (null when the file is new).
 */
export async function recordRevision(tx: Tx, attemptId: string, path: string, before: string | null, after: string | null) {
  const total = await tx.draftRevision.count({ where: { attemptId } });
  if (total >= MAX_REVISIONS_PER_ATTEMPT) return;
  if (after === null) {
    await tx.draftRevision.create({ data: { attemptId, path, kind: 'DELETE', content: '' } });
    return;
  }
  const ofPath = before === null ? 0 : await tx.draftRevision.count({ where: { attemptId, path } });
  const full = before === null || ofPath % FULL_EVERY === 0;
  await tx.draftRevision.create({
    data: { attemptId, path, kind: full ? 'FULL' : 'PATCH', content: full ? after : createPatch(path, before, after, '', '', { context: 0 }) },
  });
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
