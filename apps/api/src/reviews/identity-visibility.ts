import { blindWhile, type ReviewProgress } from './review-views';

export type IdentityVisibility = 'shown' | 'hidden';

/**
 * The one rule deciding whether a person may see who is behind a submission (name, email): every response
 * that puts a candidate's identity next to a submission or its results asks this first.
 *
 * Hidden while the assessment is blind, the person is one of the submission's assigned reviewers, and any
 * assigned review is still outstanding, their own or a colleague's. The stricter of the two readings: once
 * a lead-reviewer has submitted, the name would still let them sway colleagues who have not, so identity
 * comes back only when every assigned review is in. People who are not assigned (a lead running the
 * pipeline) see identity: they must, to invite and decide, and they grade nothing. A person who is not
 * assigned only reads other reviewers' finished grades, never grades, so their knowing cannot bias a score.
 *
 * Webhooks are not people: they go to the team's own tools and carry identifiers (submission and invitation
 * ids) rather than names next to results, so they are outside this rule.
 */
export function identityVisibility(personId: string, blindReview: boolean, submission: ReviewProgress | null | undefined): IdentityVisibility {
  if (!submission || !submission.assignments.some((a) => a.reviewerId === personId)) return 'shown';
  return blindWhile(blindReview, submission) ? 'hidden' : 'shown';
}

export const identityHidden = (personId: string, blindReview: boolean, submission: ReviewProgress | null | undefined) =>
  identityVisibility(personId, blindReview, submission) === 'hidden';
