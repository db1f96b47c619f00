import type { AssessmentStatus } from '@takehome/contracts';

/**
 * draft -> pilot (the team takes it first) -> live (candidates) -> closed. A pilot can also go back to draft
 * to change the challenge or the limit after what the pilot showed; a draft may skip the pilot.
 */
const allowed: Record<AssessmentStatus, AssessmentStatus[]> = {
  DRAFT: ['PILOT', 'LIVE', 'CLOSED'],
  PILOT: ['DRAFT', 'LIVE', 'CLOSED'],
  LIVE: ['CLOSED'],
  CLOSED: [],
};

export function canTransition(from: AssessmentStatus, to: AssessmentStatus): boolean {
  return allowed[from].includes(to);
}

/** Settings stay editable until real candidates are involved. */
export function isEditable(status: AssessmentStatus): boolean {
  return status === 'DRAFT' || status === 'PILOT';
}
