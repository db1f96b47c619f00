import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';

/** Reads an attempt's autosave history (its runs come from RunsRepository); callers have checked the reviewer's assignment. */
@Injectable()
export class ReviewPlaybackRepository {
  constructor(private readonly prisma: PrismaService) {}

  revisions(attemptId: string) {
    return this.prisma.client.draftRevision.findMany({ where: { attemptId }, orderBy: { seq: 'asc' } });
  }
}
