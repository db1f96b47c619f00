import { z } from 'zod';

export const assessmentStatus = z.enum(['DRAFT', 'PILOT', 'LIVE', 'CLOSED']);
export type AssessmentStatus = z.infer<typeof assessmentStatus>;

const settings = {
  name: z.string().trim().min(1, 'is required').max(120),
  timeLimitMinutes: z.number('must be a number').int('must be whole minutes').min(15, 'must be at least 15 minutes').max(480, 'must be at most 480 minutes (8 hours)'),
  runtimes: z.array(z.string().min(1)).min(1, 'pick at least one runtime'),
  graceSeconds: z.number().int().min(0).max(900),
  practiceRunsPerHour: z.number().int().min(0).max(120),
  reviewersPerSubmission: z.number('must be a number').int('must be a whole number').min(1, 'must be at least 1').max(5, 'must be at most 5'),
  blindReview: z.boolean(),
  /** the candidate's workbench terminal: a shell in a sandboxed container without network */
  terminalEnabled: z.boolean(),
};

/** Time limit and runtimes default to the challenge version's own. */
export const createAssessmentRequest = z.object({
  challengeVersionId: z.uuid(),
  name: settings.name,
  timeLimitMinutes: settings.timeLimitMinutes.optional(),
  runtimes: settings.runtimes.optional(),
  graceSeconds: settings.graceSeconds.optional(),
  practiceRunsPerHour: settings.practiceRunsPerHour.optional(),
  reviewersPerSubmission: settings.reviewersPerSubmission.optional(),
  blindReview: settings.blindReview.optional(),
  terminalEnabled: settings.terminalEnabled.optional(),
});
export type CreateAssessmentRequest = z.infer<typeof createAssessmentRequest>;

/** Settings can change while nobody outside the team has taken it: in draft and pilot. */
export const updateAssessmentRequest = z
  .object({ challengeVersionId: z.uuid(), ...settings })
  .partial()
  .refine((body) => Object.keys(body).length > 0, 'change at least one setting');
export type UpdateAssessmentRequest = z.infer<typeof updateAssessmentRequest>;

/** A pilot may go back to draft to change the challenge or the limit; the lifecycle refuses any other move back. */
export const transitionAssessmentRequest = z.object({ to: assessmentStatus });
export type TransitionAssessmentRequest = z.infer<typeof transitionAssessmentRequest>;

export const assessmentView = z.object({
  id: z.uuid(),
  name: z.string(),
  status: assessmentStatus,
  challenge: z.object({ id: z.uuid(), title: z.string(), versionId: z.uuid(), version: z.number().int() }),
  timeLimitMinutes: z.number().int(),
  runtimes: z.array(z.string()),
  graceSeconds: z.number().int(),
  practiceRunsPerHour: z.number().int(),
  reviewersPerSubmission: z.number().int(),
  blindReview: z.boolean(),
  terminalEnabled: z.boolean(),
  invitations: z.number().int(),
  launchedAt: z.iso.datetime().nullable(),
  closedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type AssessmentView = z.infer<typeof assessmentView>;

/**
 * A settings form's field errors, from the same schemas the API validates with: the form shows what is wrong
 * instead of correcting it (a time limit of 1 is an error, never silently 15).
 */
export function assessmentFieldError(field: 'timeLimitMinutes' | 'reviewersPerSubmission', value: number | string): string | undefined {
  if (value === '') return 'is required';
  const parsed = settings[field].safeParse(Number(value));
  return parsed.success ? undefined : parsed.error.issues[0]?.message;
}
