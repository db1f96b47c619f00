import { Injectable } from '@nestjs/common';
import type { Prisma } from '@takehome/db';
import { PrismaService } from '../../database/prisma.service';

type Tx = Prisma.TransactionClient;

/**
 * Every write runs inside `write`, which locks the attempt row (FOR NO KEY UPDATE) for the transaction. Writes
 * to one attempt therefore take turns, so the count and size limits are checked against what is really stored
 * (under a shared lock, concurrent creates each saw 99 files and all went in); a submit's status flip waits for
 * them too, see SubmissionsRepository.submit. NO KEY leaves rows that merely reference the attempt unblocked.
 */
@Injectable()
export class DraftsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** `revisions` is how many history entries the attempt holds, read under the same lock (for the history cap). */
  write<T>(attemptId: string, fn: (tx: Tx, revisions: number) => Promise<T>, onClosed: () => Error): Promise<T> {
    return this.prisma.client.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<{ status: string; revisions: number }[]>`
        SELECT a.status::text, (SELECT count(*)::int FROM "DraftRevision" r WHERE r."attemptId" = a.id) AS revisions
        FROM "Attempt" a WHERE a.id = ${attemptId}::uuid FOR NO KEY UPDATE OF a`;
      if (rows[0]?.status !== 'IN_PROGRESS') throw onClosed();
      return fn(tx, rows[0].revisions);
    });
  }

  /**
   * Every file's path, size and revision, with the text of `path` alone: what a save needs to check the limits,
   * the path rules and the revision, and to record history, in one query (the autosave path).
   */
  files(tx: Tx, attemptId: string, path: string) {
    return tx.$queryRaw<{ path: string; bytes: number; revision: number; content: string | null }[]>`
      SELECT path, octet_length(content)::int AS bytes, revision, CASE WHEN path = ${path} THEN content END AS content
      FROM "DraftFile" WHERE "attemptId" = ${attemptId}::uuid`;
  }

  /** The new text and the next revision, returned by the same statement; null if the revision moved meanwhile. */
  async replaceContent(tx: Tx, attemptId: string, path: string, baseRevision: number, content: string) {
    const rows = await tx.$queryRaw<{ path: string; revision: number; updatedAt: Date }[]>`
      UPDATE "DraftFile" SET content = ${content}, revision = revision + 1, "updatedAt" = now()
      WHERE "attemptId" = ${attemptId}::uuid AND path = ${path} AND revision = ${baseRevision}
      RETURNING path, revision, "updatedAt"`;
    return rows[0] ?? null;
  }

  /**
   * The autosave's write in one round trip: the draft_autosave function (see its migration) takes the same row
   * lock, checks the total size, compare-and-sets the file's row and revision and records the prepared history
   * entry, as `write` + `replaceContent` + recordRevision would. Anything but 'saved' has changed nothing.
   */
  async autosave(input: {
    attemptId: string;
    fileId: string;
    path: string;
    baseRevision: number;
    content: string;
    revision: { kind: 'FULL' | 'PATCH' | 'DELETE'; content: string } | null;
    maxTotalBytes: number;
    maxRevisions: number;
  }) {
    const { attemptId, fileId, path, baseRevision, content, revision, maxTotalBytes, maxRevisions } = input;
    const rows = await this.prisma.preparedQuery<{ outcome: 'saved' | 'closed' | 'too_large' | 'changed'; revision: number | null; updatedAt: Date | null }>(
      'draft_autosave',
      `SELECT outcome, revision, "updatedAt" AT TIME ZONE 'UTC' AS "updatedAt"
       FROM draft_autosave($1::uuid, $2::uuid, $3, $4::int, $5, $6::"DraftRevisionKind", $7, $8::bigint, $9::int)`,
      [attemptId, fileId, path, baseRevision, content, revision?.kind ?? null, revision?.content ?? null, maxTotalBytes, maxRevisions],
    );
    const row = rows[0];
    return row?.outcome === 'saved' ? { path, revision: row.revision!, updatedAt: row.updatedAt! } : null;
  }

  /** Other files' paths and their total size in bytes, for the count, size and path-clash rules. */
  async others(tx: Tx, attemptId: string, exceptPath: string) {
    return tx.$queryRaw<{ path: string; bytes: number }[]>`
      SELECT path, octet_length(content)::int AS bytes FROM "DraftFile" WHERE "attemptId" = ${attemptId}::uuid AND path <> ${exceptPath}`;
  }

  create(tx: Tx, attemptId: string, path: string, content: string) {
    return tx.draftFile.create({ data: { attemptId, path, content }, select: { path: true, revision: true, updatedAt: true } });
  }

  /** Compare-and-set on the revision: a stale tab's save matches no row and changes nothing. */
  async update(tx: Tx, attemptId: string, path: string, baseRevision: number, data: { content?: string; path?: string }) {
    const { count } = await tx.draftFile.updateMany({ where: { attemptId, path, revision: baseRevision }, data: { ...data, revision: { increment: 1 } } });
    return count === 1;
  }

  async remove(tx: Tx, attemptId: string, path: string, baseRevision: number) {
    const { count } = await tx.draftFile.deleteMany({ where: { attemptId, path, revision: baseRevision } });
    return count === 1;
  }

  async contentOf(tx: Tx, attemptId: string, path: string): Promise<string | null> {
    return (await tx.draftFile.findUnique({ where: { attemptId_path: { attemptId, path } }, select: { content: true } }))?.content ?? null;
  }

  find(tx: Tx, attemptId: string, path: string) {
    return tx.draftFile.findUnique({ where: { attemptId_path: { attemptId, path } }, select: { path: true, revision: true, updatedAt: true } });
  }

  /** The attempt's saved files as a map, for the workbench's sandboxes (the service, the terminal). */
  async savedFiles(attemptId: string): Promise<Record<string, string>> {
    const rows = await this.prisma.client.draftFile.findMany({ where: { attemptId }, select: { path: true, content: true } });
    return Object.fromEntries(rows.map((f) => [f.path, f.content]));
  }
}
