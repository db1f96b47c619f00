import { BadRequestException, Injectable } from '@nestjs/common';
import type { AuditChainCheck, AuditEventView, AuditFilters, AuditPage, AuditQuery } from '@takehome/contracts';
import type { Prisma } from '@takehome/db';
import { auditCsvChunk, subjectNamesOf, toAuditEventView } from './audit-views';
import { type AuditWhere, AuditRepository } from './audit.repository';
import { currentRequest } from './request-context';

export type AuditAction =
  | 'review.assigned'
  | 'review.unassigned'
  | 'submission.regraded'
  | 'review.submitted'
  | 'feedback.released'
  | 'invitation.created'
  | 'invitation.resent'
  | 'invitation.extended'
  | 'invitation.revoked'
  | 'sso.configured'
  | 'sso.removed'
  | 'auth.sso_refused'
  | 'organization.created'
  | 'member.invited'
  | 'member.invitation_resent'
  | 'member.invitation_revoked'
  | 'member.joined'
  | 'member.role_changed'
  | 'member.deactivated'
  | 'member.reactivated'
  | 'password.reset_requested'
  | 'password.reset'
  | 'password.changed'
  | 'auth.signed_in'
  | 'auth.sign_in_failed'
  | 'auth.signed_out'
  | 'candidate.identity_viewed'
  | 'pipeline.exported'
  | 'assessment.created'
  | 'assessment.settings_changed'
  | 'assessment.lifecycle_changed'
  | 'challenge.imported'
  | 'challenge.version_created'
  | 'challenge.suite_verification_started'
  | 'webhook.created'
  | 'webhook.deactivated'
  | 'webhook.delivery_retried'
  | 'api_key.rotated'
  | 'api_key.revoked'
  | 'api_key.used'
  | 'audit.exported'
  | 'audit.personal_data_erased'
  | 'candidate.erased'
  | 'candidate.data_exported'
  | 'organization.retention_changed';

export interface AuditSubject {
  type: string;
  id: string;
}

export interface RecordOptions {
  /** Names, emails and the like about the subject: stored apart from `data` so they can be erased. */
  personal?: Record<string, unknown>;
  /** Record inside the caller's transaction: the event exists exactly when the change does. */
  tx?: Prisma.TransactionClient;
}

/**
 * Keys that hold personal data when a caller puts them in `data`: they are moved to the erasable personal
 * fields, so no caller can leak a name or an email into the hashed, permanent part of an event.
 */
const PERSONAL_KEYS = new Set(['name', 'email', 'candidateName', 'candidateEmail', 'userName', 'userEmail', 'address', 'ip', 'userAgent', 'candidateSearch']);
const HOUR_MS = 3_600_000;
const EXPORT_BATCH = 500;

/**
 * Every sensitive action is written here in the request that makes it: who (actor), what (action), about
 * whom (subject), from where (the request's address and user agent, captured by request-context.ts without
 * callers passing them). The table is a per-organization hash chain kept by database triggers.
 */
@Injectable()
export class AuditService {
  constructor(private readonly audit: AuditRepository) {}

  async record(
    organizationId: string,
    actorId: string | null,
    action: AuditAction,
    subject: AuditSubject,
    data: Prisma.InputJsonValue = {},
    options: RecordOptions = {},
  ): Promise<void> {
    await this.audit.create(this.event(organizationId, actorId, action, subject, data, options.personal), options.tx);
  }

  /** The same, inside a Prisma transaction. */
  recordIn(tx: Prisma.TransactionClient, organizationId: string, actorId: string | null, action: AuditAction, subject: AuditSubject, data: Prisma.InputJsonValue = {}, personal?: Record<string, unknown>) {
    return this.record(organizationId, actorId, action, subject, data, { tx, personal });
  }

  /**
   * For actions repeated on every page load (a lead reopening the dashboard, an ATS polling the API): at most
   * one event per actor, action and subject an hour. That still answers "who saw this candidate, and when
   * first in that hour" without burying every other event under thousands of identical rows.
   */
  async recordHourly(organizationId: string, actorId: string | null, action: AuditAction, subjects: AuditSubject[], data: Prisma.InputJsonValue = {}): Promise<number> {
    if (!subjects.length) return 0;
    const recent = await this.audit.recentSubjects(organizationId, actorId, action, subjects.map((s) => s.id), new Date(Date.now() - HOUR_MS));
    const fresh = [...new Map(subjects.filter((s) => !recent.has(s.id)).map((s) => [s.id, s])).values()];
    if (fresh.length) await this.audit.createMany(fresh.map((s) => this.event(organizationId, actorId, action, s, data)));
    return fresh.length;
  }

  /**
   * A candidate's name (or email) shown to a team member: in the pipeline, a report, an export, or a review
   * once it is no longer blind. Hourly per viewer and candidate (see recordHourly).
   */
  identityViewed(organizationId: string, viewerId: string, invitationIds: string[], via: string): Promise<number> {
    return this.recordHourly(organizationId, viewerId, 'candidate.identity_viewed', invitationIds.map((id) => ({ type: 'Invitation', id })), { via });
  }

  async list(organizationId: string, query: AuditQuery): Promise<AuditPage> {
    const beforeSequence = query.cursor ? decodeCursor(organizationId, query.cursor) : undefined;
    const where = await this.whereOf(organizationId, query);
    if (!where) return { events: [], nextCursor: null };
    const rows = await this.audit.list({ ...where, beforeSequence }, query.limit + 1);
    const page = rows.slice(0, query.limit);
    return { events: await this.views(organizationId, page), nextCursor: rows.length > query.limit ? encodeCursor(organizationId, page[page.length - 1].sequence) : null };
  }

  /**
   * The filtered trail as CSV, newest first, read in batches so any size streams in bounded memory. The
   * export is itself recorded; it covers what existed before that record.
   */
  async *exportCsv(organizationId: string, actorId: string, filters: AuditFilters): AsyncGenerator<string> {
    const where = await this.whereOf(organizationId, filters);
    const upTo = (await this.audit.latestSequence(organizationId)) + 1;
    const { candidate, ...rest } = filters;
    await this.record(organizationId, actorId, 'audit.exported', { type: 'Organization', id: organizationId }, JSON.parse(JSON.stringify(rest)), {
      personal: candidate ? { candidateSearch: candidate } : undefined,
    });
    let before = upTo;
    let first = true;
    for (;;) {
      const rows = where ? await this.audit.list({ ...where, beforeSequence: before }, EXPORT_BATCH) : [];
      if (rows.length || first) yield auditCsvChunk(await this.views(organizationId, rows), first);
      first = false;
      if (rows.length < EXPORT_BATCH) return;
      before = rows[rows.length - 1].sequence;
    }
  }

  async verify(organizationId: string): Promise<AuditChainCheck> {
    const result = await this.audit.verify(organizationId);
    return { checked: result.checked, ok: result.ok, broken: result.broken ?? null };
  }

  actors(organizationId: string) {
    return this.audit.actors(organizationId);
  }

  /**
   * For candidate erasure: removes the personal fields (names, emails, addresses, user agents) of every event
   * about these subjects (pass the invitation's, attempt's and submission's ids), and of events whose
   * personal fields mention the person (pass their name and email as terms). The events stay, and so does
   * the chain: it commits to the personal fields' digest, not to their content.
   */
  async erasePersonalData(organizationId: string, subjectIds: string[], options: { terms?: string[]; actorId?: string | null } = {}): Promise<number> {
    if (!subjectIds.length && !options.terms?.length) return 0;
    const erased = await this.audit.erasePersonal(organizationId, subjectIds, options.terms);
    await this.record(organizationId, options.actorId ?? null, 'audit.personal_data_erased', { type: 'Organization', id: organizationId }, { subjectIds, events: erased });
    return erased;
  }

  private event(organizationId: string, actorId: string | null, action: string, subject: AuditSubject, data: Prisma.InputJsonValue, personal?: Record<string, unknown>) {
    const request = currentRequest();
    const kept: Record<string, unknown> = {};
    const moved: Record<string, unknown> = { ...personal };
    const plain = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : { value: data };
    for (const [key, value] of Object.entries(plain)) (PERSONAL_KEYS.has(key) ? moved : kept)[key] = value;
    if (request?.address) moved.address = request.address;
    if (request?.userAgent) moved.userAgent = request.userAgent;
    return {
      organizationId,
      actorId,
      action,
      subjectType: subject.type,
      subjectId: subject.id,
      // A JSON round trip drops undefined values, so what is hashed is exactly what is stored.
      data: JSON.parse(JSON.stringify(kept)) as Prisma.InputJsonValue,
      requestId: request?.requestId ?? null,
      personal: Object.keys(moved).length ? (JSON.parse(JSON.stringify(moved)) as Prisma.InputJsonValue) : null,
    };
  }

  private async views(organizationId: string, rows: Awaited<ReturnType<AuditRepository['list']>>): Promise<AuditEventView[]> {
    const names = subjectNamesOf(await this.audit.subjectsOf(organizationId, [...new Set(rows.map((r) => r.subjectId))]));
    return rows.map((r) => toAuditEventView(r, names));
  }

  /** Null when the filters cannot match anything (a candidate search that finds nobody). */
  private async whereOf(organizationId: string, f: AuditFilters): Promise<Omit<AuditWhere, 'beforeSequence'> | null> {
    let subjectIds = f.subjectId ? [f.subjectId] : undefined;
    if (f.invitationId || f.candidate) {
      const ids = await this.audit.candidateSubjectIds(organizationId, { invitationId: f.invitationId, text: f.candidate });
      subjectIds = subjectIds ? subjectIds.filter((id) => ids.includes(id)) : ids;
      if (!subjectIds.length) return null;
    }
    const from = f.from ? instant(f.from, 'start') : undefined;
    const to = f.to ? instant(f.to, 'end') : undefined;
    return {
      organizationId,
      actorId: f.actorId,
      actions: f.action?.filter((a) => !a.endsWith('.')),
      actionPrefixes: f.action?.filter((a) => a.endsWith('.')),
      subjectType: f.subjectType,
      subjectIds,
      from,
      to,
    };
  }
}

/** A date alone means the whole day (UTC): from its start, up to the next day's start. */
function instant(value: string, edge: 'start' | 'end'): Date {
  if (value.length > 10) return new Date(value);
  const day = new Date(`${value}T00:00:00.000Z`);
  return edge === 'start' ? day : new Date(day.getTime() + 24 * HOUR_MS);
}

/**
 * Opaque to clients. It names the organization it came from, so a cursor from another organization's list
 * is refused rather than silently applied.
 */
function encodeCursor(organizationId: string, sequence: number): string {
  return Buffer.from(JSON.stringify({ o: organizationId, s: sequence })).toString('base64url');
}

function decodeCursor(organizationId: string, cursor: string): number {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { o?: unknown; s?: unknown };
    if (parsed.o === organizationId && Number.isInteger(parsed.s) && (parsed.s as number) > 0) return parsed.s as number;
  } catch {
    // fall through to the 400 below
  }
  throw new BadRequestException({ message: 'cursor: is not a cursor from this list; start again without it', issues: [{ path: 'cursor', message: 'invalid' }] });
}
