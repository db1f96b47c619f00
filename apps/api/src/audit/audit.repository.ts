import { Injectable } from '@nestjs/common';
import { type Prisma, verifyAuditChain } from '@takehome/db';
import { PrismaService } from '../database/prisma.service';

export interface NewAuditEvent {
  organizationId: string;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  data: Prisma.InputJsonValue;
  requestId: string | null;
  personal: Prisma.InputJsonValue | null;
}

/** Everything the list and the export filter on, already resolved to ids and instants. */
export interface AuditWhere {
  organizationId: string;
  actorId?: string;
  actions?: string[];
  actionPrefixes?: string[];
  subjectType?: string;
  subjectIds?: string[];
  from?: Date;
  to?: Date;
  /** Only events older than this sequence (the cursor). */
  beforeSequence?: number;
}

export type Db = Prisma.TransactionClient | PrismaService['client'];

/**
 * Inserts only: the table's triggers assign sequence, prevHash, hash and createdAt, and refuse updates and
 * deletes except `erasePersonal`. There is deliberately no update or delete method here.
 */
@Injectable()
export class AuditRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** One statement for many events: the row trigger chains them in order, under one lock. */
  createMany(events: NewAuditEvent[], db: Db = this.prisma.client) {
    return db.auditEvent.createMany({ data: events.map(({ personal, ...rest }) => ({ ...rest, ...(personal ? { personal } : {}) })) });
  }

  create(event: NewAuditEvent, db: Db = this.prisma.client) {
    const { personal, ...rest } = event;
    return db.auditEvent.create({ data: { ...rest, ...(personal ? { personal } : {}) }, select: { id: true, sequence: true } });
  }

  /** Newest first (by the chain's sequence, which never changes and grows with every insert). */
  list(where: AuditWhere, take: number) {
    return this.prisma.client.auditEvent.findMany({
      where: whereOf(where),
      include: { actor: { select: { name: true } } },
      orderBy: { sequence: 'desc' },
      take,
    });
  }

  latestSequence(organizationId: string) {
    return this.prisma.client.auditEvent
      .findFirst({ where: { organizationId }, orderBy: { sequence: 'desc' }, select: { sequence: true } })
      .then((e) => e?.sequence ?? 0);
  }

  /** Which of these subjects already have this action by this actor since then (for once-an-hour events). */
  async recentSubjects(organizationId: string, actorId: string | null, action: string, subjectIds: string[], since: Date): Promise<Set<string>> {
    const rows = await this.prisma.client.auditEvent.findMany({
      where: { organizationId, actorId, action, subjectId: { in: subjectIds }, createdAt: { gte: since } },
      select: { subjectId: true },
    });
    return new Set(rows.map((r) => r.subjectId));
  }

  /** The invitee's ids (invitation, attempt, submission) for invitations matching by id or by name/email. */
  async candidateSubjectIds(organizationId: string, match: { invitationId?: string; text?: string }, limit = 200): Promise<string[]> {
    const invitations = await this.prisma.client.invitation.findMany({
      where: {
        organizationId,
        ...(match.invitationId ? { id: match.invitationId } : {}),
        ...(match.text
          ? { OR: [{ candidateName: { contains: match.text, mode: 'insensitive' } }, { candidateEmail: { contains: match.text, mode: 'insensitive' } }, { pseudonym: { contains: match.text, mode: 'insensitive' } }] }
          : {}),
      },
      select: { id: true, attempt: { select: { id: true, submission: { select: { id: true } } } } },
      orderBy: { createdAt: 'desc' },
      take: limit,
    });
    return invitations.flatMap((i) => [i.id, ...(i.attempt ? [i.attempt.id] : []), ...(i.attempt?.submission ? [i.attempt.submission.id] : [])]);
  }

  /** Names for the subjects on one page, read in three queries whatever the page size. */
  async subjectsOf(organizationId: string, ids: string[]) {
    const uuids = ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
    const invitationSelect = { id: true, candidateName: true, pseudonym: true, assessment: { select: { name: true } } } as const;
    const [invitations, submissions, assessments, users] = await Promise.all([
      this.prisma.client.invitation.findMany({ where: { organizationId, id: { in: uuids } }, select: invitationSelect }),
      this.prisma.client.submission.findMany({
        where: { id: { in: uuids }, attempt: { invitation: { organizationId } } },
        select: { id: true, attempt: { select: { invitation: { select: invitationSelect } } } },
      }),
      this.prisma.client.assessment.findMany({ where: { organizationId, id: { in: uuids } }, select: { id: true, name: true } }),
      this.prisma.client.user.findMany({ where: { organizationId, id: { in: uuids } }, select: { id: true, name: true } }),
    ]);
    return { invitations, submissions, assessments, users };
  }

  actors(organizationId: string) {
    return this.prisma.client.user.findMany({ where: { organizationId }, select: { id: true, name: true, email: true }, orderBy: { name: 'asc' } });
  }

  /**
   * The one update the table's trigger allows: personal fields to NULL, every other column unchanged. For
   * events about these subjects, and for any other event whose personal fields mention one of the terms
   * (a name typed into an export's search, say).
   */
  erasePersonal(organizationId: string, subjectIds: string[], terms: string[] = []): Promise<number> {
    const patterns = terms.filter((t) => t.trim().length >= 3).map((t) => `%${t.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    return this.prisma.client.$executeRaw`
      UPDATE "AuditEvent" SET "personal" = NULL
      WHERE "organizationId" = ${organizationId}::uuid AND "personal" IS NOT NULL
        AND ("subjectId" = ANY(${subjectIds}::text[]) OR "personal"::text ILIKE ANY(${patterns}::text[]))`;
  }

  verify(organizationId: string) {
    return verifyAuditChain(this.prisma.client, organizationId);
  }
}

function whereOf(w: AuditWhere): Prisma.AuditEventWhereInput {
  const actionOr: Prisma.AuditEventWhereInput[] = [
    ...(w.actions?.length ? [{ action: { in: w.actions } }] : []),
    ...(w.actionPrefixes ?? []).map((prefix) => ({ action: { startsWith: prefix } })),
  ];
  return {
    organizationId: w.organizationId,
    ...(w.actorId ? { actorId: w.actorId } : {}),
    ...(actionOr.length ? { OR: actionOr } : {}),
    ...(w.subjectType ? { subjectType: w.subjectType } : {}),
    ...(w.subjectIds ? { subjectId: { in: w.subjectIds } } : {}),
    ...(w.from || w.to ? { createdAt: { ...(w.from ? { gte: w.from } : {}), ...(w.to ? { lt: w.to } : {}) } } : {}),
    ...(w.beforeSequence !== undefined ? { sequence: { lt: w.beforeSequence } } : {}),
  };
}
