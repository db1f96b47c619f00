import { z } from 'zod';

/**
 * A reviewer's comment on one line of a submitted file, or of that file's diff against the starter. It can cite
 * a rubric criterion as evidence for the level picked there, and be shared with the candidate: only shared
 * comments of submitted reviews reach the lead's composer, and only those reach the released feedback.
 */
export const lineCommentInput = z.object({
  path: z.string().min(1).max(500),
  line: z.number().int().min(1).max(100_000),
  onDiff: z.boolean().default(false),
  body: z.string().trim().min(1, 'write the comment').max(5000),
  criterionId: z.uuid().nullable().default(null),
  shareWithCandidate: z.boolean().default(false),
});
export type LineCommentInput = z.input<typeof lineCommentInput>;

export const updateLineCommentRequest = z
  .object({
    body: z.string().trim().min(1, 'write the comment').max(5000),
    criterionId: z.uuid().nullable(),
    shareWithCandidate: z.boolean(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'change at least one of body, criterionId, shareWithCandidate' });
export type UpdateLineCommentRequest = z.infer<typeof updateLineCommentRequest>;

export const lineCommentView = z.object({
  id: z.uuid(),
  path: z.string(),
  line: z.number().int(),
  onDiff: z.boolean(),
  body: z.string(),
  criterionId: z.uuid().nullable(),
  shareWithCandidate: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type LineCommentView = z.infer<typeof lineCommentView>;

/** As the lead and the candidate see a shared comment: no author, no internal ids beyond the criterion's title. */
export const sharedLineComment = z.object({
  path: z.string(),
  line: z.number().int(),
  onDiff: z.boolean(),
  body: z.string(),
  criterionTitle: z.string().nullable(),
});
export type SharedLineComment = z.infer<typeof sharedLineComment>;

/**
 * Code playback for a reviewer: every autosave of every file rebuilt as full text (null once deleted), the
 * practice runs with their scores, and the time spent. Blind like the rest of the workspace: no names.
 */
export const submissionPlayback = z.object({
  startedAt: z.iso.datetime(),
  submittedAt: z.iso.datetime(),
  minutesTaken: z.number().int(),
  /** True when the attempt hit the history cap: saves after it are missing from the timeline. */
  capped: z.boolean(),
  files: z.array(
    z.object({
      path: z.string(),
      points: z.array(z.object({ seq: z.number().int(), savedAt: z.iso.datetime(), content: z.string().nullable() })),
    }),
  ),
  practiceRuns: z.array(
    z.object({
      queuedAt: z.iso.datetime(),
      outcome: z.string().nullable(),
      score: z.number().nullable(),
      maxScore: z.number().nullable(),
    }),
  ),
});
export type SubmissionPlayback = z.infer<typeof submissionPlayback>;
