import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import {
  DRAFT_LIMITS,
  type DeleteDraftFileRequest,
  type RenameDraftFileRequest,
  type SaveDraftFileRequest,
  type SavedDraftFile,
} from '@takehome/contracts';
import { Prisma } from '@takehome/db';
import type { LiveSessionForSave } from '../../candidate-sessions/candidate-sessions.repository';
import { CandidateSessionsService } from '../../candidate-sessions/candidate-sessions.service';
import { writesCloseAt } from '../attempt-deadline';
import { type CandidateInvitation, writableAttempt } from '../candidate/candidate-context';
import { noCandidateSession } from '../candidate/candidate-session.guard';
import { SubmissionsService } from '../submission/submissions.service';
import { MAX_REVISIONS_PER_ATTEMPT, recordRevision, revisionEntry } from './draft-history';
import { DraftsRepository } from './drafts.repository';

function stale(path: string, current: number | null) {
  return new ConflictException({
    message:
      current === null
        ? `"${path}" was deleted or renamed in another tab or on another device. Reload to see the current files.`
        : `"${path}" was changed in another tab or on another device (now at revision ${current}). Reload this file to continue from the saved version.`,
    code: 'stale_revision',
  });
}

function invalid(path: string, message: string) {
  return new BadRequestException({ message: `${path}: ${message}`, issues: [{ path: 'path', message }], code: 'invalid_file' });
}

/** A file and a folder of the same name cannot both exist once the files are written to disk for a run. */
function clashes(path: string, others: { path: string }[]): string | null {
  for (const o of others) {
    if (o.path === path) return 'a file with this name already exists';
    if (o.path.startsWith(`${path}/`)) return 'a folder with this name already exists';
    if (path.startsWith(`${o.path}/`)) return `"${o.path}" is a file, so it cannot also be a folder`;
  }
  return null;
}

@Injectable()
export class DraftsService {
  constructor(
    private readonly repository: DraftsRepository,
    private readonly deadlines: SubmissionsService,
    private readonly sessions: CandidateSessionsService,
  ) {}

  /**
   * The autosave route. The everyday save (an existing file, its current revision, the attempt open and before its
   * deadline) is one statement after the guard's one lookup. Everything else, and a write that finds anything
   * changed since that lookup, is answered by save() below with the whole invitation, so every refusal and every
   * deadline rule is exactly save()'s.
   */
  async autosave(session: LiveSessionForSave, req: SaveDraftFileRequest): Promise<SavedDraftFile> {
    const fast = await this.saveExisting(session, req);
    if (fast) return fast;
    const invitation = await this.sessions.reload(session.invitationId);
    if (!invitation) throw noCandidateSession();
    return this.save(invitation, req);
  }

  private async saveExisting(s: LiveSessionForSave, req: SaveDraftFileRequest): Promise<SavedDraftFile | null> {
    const open = s.attemptId && s.attemptStatus === 'IN_PROGRESS' && s.deadline && Date.now() <= writesCloseAt(s.deadline, s.graceSeconds).getTime();
    if (!open || req.baseRevision === null || !s.fileId || s.fileContent === null || s.fileRevision !== req.baseRevision) return null;
    const saved = await this.repository.autosave({
      attemptId: s.attemptId!,
      fileId: s.fileId,
      path: req.path,
      baseRevision: req.baseRevision,
      content: req.content,
      // The row and revision the write matches name exactly this text, so the patch is made from it ahead.
      revision: s.fileContent === req.content ? null : revisionEntry(req.path, s.fileContent, req.content, req.baseRevision + 1),
      maxTotalBytes: DRAFT_LIMITS.maxTotalBytes,
      maxRevisions: MAX_REVISIONS_PER_ATTEMPT,
    });
    return saved && view(saved);
  }

  /**
   * The autosave target, so it is kept to a constant handful of statements whatever the attempt's size: the lock
   * (with the history count), one read of every file's size and revision, one write, one history insert.
   */
  async save(current: CandidateInvitation, req: SaveDraftFileRequest): Promise<SavedDraftFile> {
    const attempt = writableAttempt(await this.deadlines.enforceDeadline(current));
    const bytes = Buffer.byteLength(req.content);
    return this.write(attempt.id, async (tx, recorded) => {
      const files = await this.repository.files(tx, attempt.id, req.path);
      const file = files.find((f) => f.path === req.path);
      const others = files.filter((f) => f !== file);
      const total = others.reduce((sum, o) => sum + o.bytes, 0) + bytes;
      if (total > DRAFT_LIMITS.maxTotalBytes) throw invalid(req.path, `all files together may hold at most ${DRAFT_LIMITS.maxTotalBytes / 1024 / 1024} MB`);
      if (req.baseRevision === null) {
        const clash = clashes(req.path, files);
        if (clash) throw new ConflictException({ message: `${req.path}: ${clash}.`, code: 'file_exists' });
        if (others.length + 1 > DRAFT_LIMITS.maxFiles) throw invalid(req.path, `at most ${DRAFT_LIMITS.maxFiles} files are allowed`);
        const created = await this.repository.create(tx, attempt.id, req.path, req.content);
        await recordRevision(tx, attempt.id, req.path, null, req.content, { recorded });
        return view(created);
      }
      // The attempt's row lock is held, so the revision read above is the one the write will meet.
      if (!file || file.revision !== req.baseRevision) throw stale(req.path, file?.revision ?? null);
      const saved = await this.repository.replaceContent(tx, attempt.id, req.path, req.baseRevision, req.content);
      if (!saved) throw stale(req.path, null);
      if (file.content !== req.content) await recordRevision(tx, attempt.id, req.path, file.content, req.content, { recorded, fileRevision: saved.revision });
      return view(saved);
    });
  }

  async rename(current: CandidateInvitation, req: RenameDraftFileRequest): Promise<SavedDraftFile> {
    const attempt = writableAttempt(await this.deadlines.enforceDeadline(current));
    if (req.from === req.to) throw invalid(req.to, 'is the same name');
    return this.write(attempt.id, async (tx, recorded) => {
      const clash = clashes(req.to, await this.repository.others(tx, attempt.id, req.from));
      if (clash) throw new ConflictException({ message: `${req.to}: ${clash}.`, code: 'file_exists' });
      const content = await this.repository.contentOf(tx, attempt.id, req.from);
      if (!(await this.repository.update(tx, attempt.id, req.from, req.baseRevision, { path: req.to }))) {
        throw stale(req.from, (await this.repository.find(tx, attempt.id, req.from))?.revision ?? null);
      }
      // In playback a rename reads as the old path ending and the new one starting with the same text.
      await recordRevision(tx, attempt.id, req.from, content, null, { recorded });
      await recordRevision(tx, attempt.id, req.to, null, content ?? '', { recorded: recorded + 1 });
      return view((await this.repository.find(tx, attempt.id, req.to))!);
    });
  }

  async remove(current: CandidateInvitation, req: DeleteDraftFileRequest): Promise<void> {
    const attempt = writableAttempt(await this.deadlines.enforceDeadline(current));
    await this.write(attempt.id, async (tx, recorded) => {
      if (await this.repository.remove(tx, attempt.id, req.path, req.baseRevision)) {
        await recordRevision(tx, attempt.id, req.path, null, null, { recorded });
        return;
      }
      const current = await this.repository.find(tx, attempt.id, req.path);
      if (!current) throw new NotFoundException({ message: `"${req.path}" does not exist.`, code: 'no_such_file' });
      throw stale(req.path, current.revision);
    });
  }

  private write<T>(attemptId: string, fn: (tx: Prisma.TransactionClient, recorded: number) => Promise<T>): Promise<T> {
    // Submitted between the guard's check and this transaction: the row lock decides, and the answer is the same.
    const closed = () => new ConflictException({ message: 'Your work is already submitted, and nothing can be changed any more.', code: 'submitted' });
    return this.repository.write(attemptId, fn, closed).catch((error: unknown) => {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
        throw new ConflictException({ message: 'A file with this name already exists.', code: 'file_exists' });
      }
      throw error;
    });
  }
}

function view(file: { path: string; revision: number; updatedAt: Date }): SavedDraftFile {
  return { path: file.path, revision: file.revision, savedAt: file.updatedAt.toISOString() };
}
