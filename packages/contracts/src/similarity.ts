import { z } from 'zod';

const side = z.object({ path: z.string(), startLine: z.number().int(), endLine: z.number().int() });

/**
 * Two submissions to the same challenge version whose code matches more than the threshold, starter code
 * removed. Evidence for a person to judge, never a verdict; both sides are named by pseudonym only.
 */
export const similarityPair = z.object({
  submissionId: z.uuid(),
  pseudonym: z.string(),
  otherSubmissionId: z.uuid(),
  otherPseudonym: z.string(),
  /** Share of both submissions' fingerprints they have in common, 0..1 (Dolos's similarity). */
  similarity: z.number(),
  /** Longest run of matching fingerprints. */
  longest: z.number().int(),
  fragments: z.array(z.object({ left: side, right: side })),
});
export type SimilarityPair = z.infer<typeof similarityPair>;

/** One submission's flags, with the files the fragments point into so the page can show them side by side. */
export const submissionSimilarity = z.object({
  threshold: z.number(),
  comparedWith: z.number().int(),
  pairs: z.array(
    similarityPair.extend({
      files: z.array(z.object({ path: z.string(), content: z.string() })),
      otherFiles: z.array(z.object({ path: z.string(), content: z.string() })),
    }),
  ),
});
export type SubmissionSimilarity = z.infer<typeof submissionSimilarity>;

/** The lowest threshold the flag list may be asked for: below it, independent solutions of one prompt show up. */
export const MIN_SIMILARITY_THRESHOLD = 0.4;

/** `GET /api/similarity/flags?threshold=0.7`: the default is the platform's flag threshold. */
export const similarityFlagsQuery = z.strictObject({
  threshold: z.coerce.number().min(MIN_SIMILARITY_THRESHOLD).max(1).optional(),
});
export type SimilarityFlagsQuery = z.infer<typeof similarityFlagsQuery>;

const flagSide = z.object({
  submissionId: z.uuid(),
  pseudonym: z.string(),
  /** Null where the identity rule hides it from this viewer (an assigned reviewer of a blind review still open). */
  candidateName: z.string().nullable(),
  assessmentId: z.uuid(),
  assessmentName: z.string(),
  submittedAt: z.iso.datetime(),
});

/** One flagged pair across the organization's assessments of one challenge; the review page shows it side by side. */
export const similarityFlag = z.object({
  challengeId: z.uuid(),
  challengeTitle: z.string(),
  similarity: z.number(),
  longest: z.number().int(),
  fragments: z.number().int(),
  left: flagSide,
  right: flagSide,
});
export type SimilarityFlag = z.infer<typeof similarityFlag>;

export const similarityFlagList = z.object({
  threshold: z.number(),
  /** Challenges with at least two submissions, each compared pairwise across all its versions. */
  comparedChallenges: z.number().int(),
  flags: z.array(similarityFlag),
});
export type SimilarityFlagList = z.infer<typeof similarityFlagList>;
