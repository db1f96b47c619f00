import type { PipelineRow } from '@takehome/contracts';
import { stringify } from 'csv-stringify/sync';

const hoursSince = (from: string, now: Date) => Math.round(((now.getTime() - new Date(from).getTime()) / 3_600_000) * 10) / 10;
const passed = (s: PipelineRow['hiddenTests']) => s?.score ?? null;
const total = (s: PipelineRow['hiddenTests']) => s?.maxScore ?? null;

/** Column header -> value; the order here is the file's column order. */
const columns: [string, (row: PipelineRow, now: Date) => string | number | boolean | null][] = [
  ['name', (r) => r.name],
  ['email', (r) => r.email],
  ['kind', (r) => r.kind],
  ['stage', (r) => r.stage],
  ['hours_in_stage', (r, now) => hoursSince(r.stageSince, now)],
  ['invited_at', (r) => r.invitedAt],
  ['sent_at', (r) => r.sentAt],
  ['expires_at', (r) => r.expiresAt],
  ['started_at', (r) => r.startedAt],
  ['submitted_at', (r) => r.submittedAt],
  ['graded_at', (r) => r.gradedAt],
  ['reviewed_at', (r) => r.reviewedAt],
  ['feedback_released_at', (r) => r.feedbackReleasedAt],
  ['revoked_at', (r) => r.revokedAt],
  ['accommodation_minutes', (r) => r.accommodationMinutes],
  ['minutes_taken', (r) => r.minutesTaken],
  ['ran_out_of_time', (r) => (r.submittedAt ? r.ranOutOfTime : null)],
  ['runtime', (r) => r.runtime],
  ['hidden_tests_passed', (r) => passed(r.hiddenTests)],
  ['hidden_tests_total', (r) => total(r.hiddenTests)],
  ['visible_tests_passed', (r) => passed(r.visibleTests)],
  ['visible_tests_total', (r) => total(r.visibleTests)],
  ['rubric_score', (r) => r.rubricScore],
  ['reviews_submitted', (r) => r.reviewsSubmitted],
];

/**
 * The dashboard as a spreadsheet. Names and emails come from candidates, so cells that a spreadsheet would
 * run as a formula (= + - @ tab CR, and their full-width forms) get a leading apostrophe (csv-stringify's
 * escape_formulas); numbers keep their sign.
 */
export function pipelineCsv(rows: PipelineRow[], now = new Date()): string {
  return stringify(
    rows.map((row) => Object.fromEntries(columns.map(([header, value]) => [header, value(row, now)]))),
    {
      // Excel reads a BOM-less file as the local code page and garbles accented names.
      bom: true,
      header: true,
      columns: columns.map(([header]) => header),
      escape_formulas: true,
      cast: { boolean: (v) => (v ? 'yes' : 'no') },
    },
  );
}

/** An ASCII-only file name: the assessment's name is typed by people and may hold anything. */
export function exportFileName(assessmentName: string, now = new Date()): string {
  const slug = assessmentName
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'assessment'}-pipeline-${now.toISOString().slice(0, 10)}.csv`;
}
