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
