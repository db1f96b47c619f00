import { createHash } from 'node:crypto';
import type { PrismaClient } from './generated/client';

/**
 * Verifies an organization's audit chain in JavaScript, independently of the SQL functions that wrote it
 * (migration 20261202060821_audit_chain), so a replaced database function cannot vouch for itself. Both
 * sides digest each field on its own ('0' for null) and hash the digests joined with '.'.
 */
export interface AuditChainResult {
  organizationId: string;
  checked: number;
  ok: boolean;
  /** The first event that does not fit, and what did not. */
  broken?: { id: string; sequence: number; problem: string };
}

interface StoredEvent {
  id: string;
  organizationId: string;
  sequence: number;
  prevHash: string | null;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  data: string;
  requestId: string | null;
  createdAt: string;
  personal: string | null;
  personalDigest: string | null;
  hash: string;
}

const BATCH = 2000;

export const auditFieldDigest = (value: string | null) => (value === null ? '0' : createHash('sha256').update(value, 'utf8').digest('hex'));

/** The hash the chain expects for a stored event (its jsonb fields as PostgreSQL prints them). */
export function auditEventHash(e: Omit<StoredEvent, 'id' | 'personal' | 'hash'>): string {
  const fields = [e.organizationId, String(e.sequence), e.prevHash, e.actorId, e.action, e.subjectType, e.subjectId, e.data, e.requestId, e.createdAt, e.personalDigest];
  return createHash('sha256').update(fields.map(auditFieldDigest).join('.'), 'utf8').digest('hex');
}

function problemOf(event: StoredEvent, expectedSequence: number, previousHash: string | null): string | null {
  if (event.sequence !== expectedSequence) return `sequence ${event.sequence} where ${expectedSequence} was expected (an event is missing)`;
  if (event.prevHash !== previousHash) return "prevHash does not match the previous event's hash";
  if (event.personal !== null && auditFieldDigest(event.personal) !== event.personalDigest) return 'personal fields do not match their digest';
  if (auditEventHash(event) !== event.hash) return "hash does not match the event's content";
  return null;
}

export async function verifyAuditChain(prisma: Pick<PrismaClient, '$queryRaw'>, organizationId: string): Promise<AuditChainResult> {
  let checked = 0;
  let previousHash: string | null = null;
  for (;;) {
    const batch = await prisma.$queryRaw<StoredEvent[]>`
      SELECT "id"::text, "organizationId"::text, "sequence", "prevHash", "actorId"::text, "action", "subjectType", "subjectId",
             "data"::text AS "data", "requestId", to_char("createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt",
             "personal"::text AS "personal", "personalDigest", "hash"
      FROM "AuditEvent" WHERE "organizationId" = ${organizationId}::uuid AND "sequence" > ${checked}
      ORDER BY "sequence" LIMIT ${BATCH}`;
    for (const event of batch) {
      const problem = problemOf(event, checked + 1, previousHash);
      if (problem) return { organizationId, checked: checked + 1, ok: false, broken: { id: event.id, sequence: event.sequence, problem } };
      checked = event.sequence;
      previousHash = event.hash;
    }
    if (batch.length < BATCH) return { organizationId, checked, ok: true };
  }
}
