import type { AssessmentStatus, InvitationKind, PipelineStage } from '@takehome/contracts';

export const statusLabels: Record<AssessmentStatus, string> = { DRAFT: 'Draft', PILOT: 'Pilot', LIVE: 'Live', CLOSED: 'Closed' };
export const statusColors: Record<AssessmentStatus, string> = { DRAFT: 'gray', PILOT: 'violet', LIVE: 'green', CLOSED: 'dark' };

export const stageLabels: Record<PipelineStage, string> = {
  INVITED: 'Invited',
  STARTED: 'Started',
  SUBMITTED: 'Submitted',
  GRADED: 'Graded',
  REVIEWED: 'Reviewed',
  FEEDBACK_SENT: 'Feedback sent',
  EXPIRED: 'Expired',
  REVOKED: 'Revoked',
};
export const stageColors: Record<PipelineStage, string> = {
  INVITED: 'gray',
  STARTED: 'blue',
  SUBMITTED: 'cyan',
  GRADED: 'teal',
  REVIEWED: 'indigo',
  FEEDBACK_SENT: 'green',
  EXPIRED: 'orange',
  REVOKED: 'red',
};
/** The pilot report and candidate report carry the stage as a plain string; unknown ones show as they are. */
export const stageLabel = (stage: string) => stageLabels[stage as PipelineStage] ?? stage.toLowerCase();
export const stageColor = (stage: string) => stageColors[stage as PipelineStage] ?? 'gray';

export const kindLabels: Record<InvitationKind, string> = { CANDIDATE: 'Candidate', PILOT: 'Pilot' };

/** "just now", "12 min", "3 h", "4 d": time in a stage at the precision a dashboard needs. */
export function humanizeSince(iso: string, now = Date.now()): string {
  const minutes = Math.max(0, Math.floor((now - new Date(iso).getTime()) / 60_000));
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} d`;
}

/** Whole minutes unless under ten, where a decimal still tells something. */
export function formatMinutes(minutes: number | null): string {
  if (minutes === null) return '—';
  return `${minutes < 10 ? Math.round(minutes * 10) / 10 : Math.round(minutes)} min`;
}

export const formatHours = (hours: number | null) => (hours === null ? '—' : hours < 1 ? `${Math.round(hours * 60)} min` : `${Math.round(hours * 10) / 10} h`);
export const formatPercent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`);
/** Medians can fall between two takers: "14.5" reads fine, "14.50" does not. */
export const formatNumber = (n: number | null, digits = 1) => (n === null ? '—' : String(Math.round(n * 10 ** digits) / 10 ** digits));
export const formatDate = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
