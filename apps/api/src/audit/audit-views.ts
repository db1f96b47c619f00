import type { AuditEventView } from '@takehome/contracts';
import { stringify } from 'csv-stringify/sync';
import type { AuditRepository } from './audit.repository';

type StoredEvent = Awaited<ReturnType<AuditRepository['list']>>[number];
type Subjects = Awaited<ReturnType<AuditRepository['subjectsOf']>>;
type InvitationNames = { id: string; candidateName: string; pseudonym: string; assessment: { name: string } };
type SubjectNames = { subject: string | null; candidate: string | null; assessment: string | null; invitationId: string | null };

const asRecord = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
const text = (value: unknown) => (typeof value === 'string' ? value : null);

/** Who the subject is, for a person reading the trail: the candidate's name (pseudonym once erased), the assessment's name. */
export function subjectNamesOf(subjects: Subjects) {
  const byId = new Map<string, SubjectNames>();
  const invitee = (i: InvitationNames) => ({ subject: i.candidateName || i.pseudonym, candidate: i.candidateName || i.pseudonym, assessment: i.assessment.name, invitationId: i.id });
  for (const i of subjects.invitations) byId.set(i.id, invitee(i));
  for (const s of subjects.submissions) byId.set(s.id, invitee(s.attempt.invitation));
  for (const a of subjects.assessments) byId.set(a.id, { subject: a.name, candidate: null, assessment: a.name, invitationId: null });
  for (const u of subjects.users) byId.set(u.id, { subject: u.name, candidate: null, assessment: null, invitationId: null });
  return byId;
}

export function toAuditEventView(e: StoredEvent, names: ReturnType<typeof subjectNamesOf>): AuditEventView {
  const { salt: _salt, address, userAgent, ...otherPersonal } = asRecord(e.personal);
  const subject = names.get(e.subjectId);
  return {
    id: e.id,
    sequence: e.sequence,
    actorId: e.actorId,
    actorName: e.actor?.name ?? null,
    action: e.action,
    subjectType: e.subjectType,
    subjectId: e.subjectId,
    subjectLabel: subject?.subject ?? null,
    candidateName: subject?.candidate ?? null,
    assessmentName: subject?.assessment ?? null,
    invitationId: subject?.invitationId ?? null,
    // Admins read the personal details too (an invitee's email, a search text) until they are erased.
    data: { ...asRecord(e.data), ...otherPersonal },
    address: text(address),
    userAgent: text(userAgent),
    requestId: e.requestId,
    createdAt: e.createdAt.toISOString(),
  };
}

const columns: [string, (e: AuditEventView) => string | number | null][] = [
  ['sequence', (e) => e.sequence],
  ['created_at', (e) => e.createdAt],
  ['actor', (e) => e.actorName],
  ['actor_id', (e) => e.actorId],
  ['action', (e) => e.action],
  ['subject_type', (e) => e.subjectType],
  ['subject_id', (e) => e.subjectId],
  ['subject', (e) => e.subjectLabel],
  ['assessment', (e) => e.assessmentName],
  ['address', (e) => e.address],
  ['user_agent', (e) => e.userAgent],
  ['request_id', (e) => e.requestId],
  ['data', (e) => JSON.stringify(e.data)],
];

/**
 * One page of the export. Names, user agents and data come from people, so cells a spreadsheet would run as
 * a formula get a leading apostrophe (csv-stringify's escape_formulas), as in the pipeline export.
 */
export function auditCsvChunk(events: AuditEventView[], withHeader: boolean): string {
  return stringify(
    events.map((e) => Object.fromEntries(columns.map(([header, value]) => [header, value(e)]))),
    { bom: withHeader, header: withHeader, columns: columns.map(([header]) => header), escape_formulas: true },
  );
}

export function auditExportFileName(now = new Date()): string {
  return `audit-trail-${now.toISOString().slice(0, 10)}.csv`;
}
