import { Injectable } from '@nestjs/common';
import type { Prisma } from '@takehome/db';
import { PrismaService } from '../database/prisma.service';

@Injectable()
export class AuditRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(event: { organizationId: string; actorId: string | null; action: string; subjectType: string; subjectId: string; data: Prisma.InputJsonValue }) {
    return this.prisma.client.auditEvent.create({ data: event });
  }

  list(organizationId: string, subjectId?: string) {
    return this.prisma.client.auditEvent.findMany({
      where: { organizationId, ...(subjectId ? { subjectId } : {}) },
      include: { actor: { select: { name: true } } },
      orderBy: { createdAt: 'asc' },
      take: 500,
    });
  }
}
