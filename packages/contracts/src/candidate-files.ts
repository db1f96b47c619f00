import { z } from 'zod';

/**
 * Limits on a candidate's draft. The server enforces them; the editor checks them too so that a refusal is
 * explained before a save is even attempted.
 */
export const DRAFT_LIMITS = {
  maxFileBytes: 200 * 1024,
  maxFiles: 100,
  maxTotalBytes: 2 * 1024 * 1024,
  maxPathLength: 200,
} as const;

/** Why a path is refused, or null. Shared so the file tree shows the same words the server answers with. */
export function draftPathProblem(path: string): string | null {
  if (path.length === 0) return 'must not be empty';
  if (path.length > DRAFT_LIMITS.maxPathLength) return `must be at most ${DRAFT_LIMITS.maxPathLength} characters`;
  if (path.includes('\\')) return 'must use "/" between folders, not "\\"';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(path)) return 'must not contain control characters';
  if (path.startsWith('/') || /^[a-zA-Z]:/.test(path)) return 'must be relative (no leading "/" or drive letter)';
  if (path.split('/').some((s) => s === '..' || s === '.' || s === '')) return 'must not contain "..", "." or empty folder names';
  return null;
}

export const draftPath = z.string().superRefine((path, ctx) => {
  const problem = draftPathProblem(path);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export const draftFile = z.object({ path: z.string(), content: z.string(), revision: z.number().int() });
export type DraftFileView = z.infer<typeof draftFile>;

/**
 * Saves a whole file. `baseRevision` is the revision the editor started from (null to create a file): a save
 * from a stale tab is refused with 409 instead of overwriting newer work.
 */
export const saveDraftFileRequest = z.object({
  path: draftPath,
  content: z.string().refine((c) => new TextEncoder().encode(c).length <= DRAFT_LIMITS.maxFileBytes, {
    message: `must be at most ${DRAFT_LIMITS.maxFileBytes / 1024} KB`,
  }),
  baseRevision: z.number().int().min(1).nullable(),
});
export type SaveDraftFileRequest = z.infer<typeof saveDraftFileRequest>;

export const savedDraftFile = z.object({ path: z.string(), revision: z.number().int(), savedAt: z.iso.datetime() });
export type SavedDraftFile = z.infer<typeof savedDraftFile>;

export const renameDraftFileRequest = z.object({ from: draftPath, to: draftPath, baseRevision: z.number().int().min(1) });
export type RenameDraftFileRequest = z.infer<typeof renameDraftFileRequest>;

export const deleteDraftFileRequest = z.object({ path: draftPath, baseRevision: z.number().int().min(1) });
export type DeleteDraftFileRequest = z.infer<typeof deleteDraftFileRequest>;
