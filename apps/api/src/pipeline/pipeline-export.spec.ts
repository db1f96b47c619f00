import type { PipelineRow } from '@takehome/contracts';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { exportFileName, pipelineCsv } from './pipeline-export';

const row = (over: Partial<PipelineRow>): PipelineRow => ({
  invitationId: '00000000-0000-4000-8000-000000000000',
  kind: 'CANDIDATE',
  name: 'Ada',
  email: 'ada@example.test',
  identityHidden: false,
  pseudonym: 'Candidate 001',
  accommodationMinutes: 0,
  stage: 'INVITED',
  stageSince: '2030-01-01T00:00:00.000Z',
  invitedAt: '2030-01-01T00:00:00.000Z',
  sentAt: null,
  sendCount: 0,
  expiresAt: '2030-01-08T00:00:00.000Z',
  startedAt: null,
  deadline: null,
  submittedAt: null,
  ranOutOfTime: false,
  minutesTaken: null,
  gradedAt: null,
  reviewedAt: null,
  feedbackReleasedAt: null,
  revokedAt: null,
  submissionId: null,
  runtime: null,
  hiddenTests: null,
  visibleTests: null,
  rubricScore: null,
  reviewsSubmitted: 0,
  ...over,
});

describe(pipelineCsv.name, () => {
  it('prefixes every cell a spreadsheet would evaluate, and leaves ordinary ones and numbers alone', () => {
    const names = ['=1+1', '+49 123', '-2', '@SUM(A1)', '\tTabbed', '\rReturn', '＝full width', 'Plain Name', 'Anne-Marie'];
    const csv = pipelineCsv(names.map((name) => row({ name, rubricScore: 2.5, minutesTaken: 12.5 })), new Date('2030-01-01T06:00:00Z'));
    const records: Record<string, string>[] = parse(csv, { columns: true, bom: true, relax_quotes: true });
    expect(records.map((r) => r.name)).toEqual(["'=1+1", "'+49 123", "'-2", "'@SUM(A1)", "'\tTabbed", "'\rReturn", "'＝full width", 'Plain Name', 'Anne-Marie']);
    expect(records[0]).toMatchObject({ hours_in_stage: '6', rubric_score: '2.5', minutes_taken: '12.5', ran_out_of_time: '', submitted_at: '' });
  });
});

describe(exportFileName.name, () => {
  it('keeps only ASCII letters, digits and dashes', () => {
    expect(exportFileName('Backend: "Senior" / Ünïcode\r\n engineer', new Date('2030-05-06T00:00:00Z'))).toBe('backend-senior-unicode-engineer-pipeline-2030-05-06.csv');
    expect(exportFileName('日本語', new Date('2030-05-06T00:00:00Z'))).toBe('assessment-pipeline-2030-05-06.csv');
  });
});
