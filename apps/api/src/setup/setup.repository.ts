import { Injectable } from '@nestjs/common';
import { createOrganization, type NewOrganization } from '@takehome/db';
import { PrismaService } from '../database/prisma.service';

@Injectable()
export class SetupRepository {
  constructor(private readonly prisma: PrismaService) {}

  async anyOrganization(): Promise<boolean> {
    return (await this.prisma.client.organization.findFirst({ select: { id: true } })) !== null;
  }

  /** The same creation the CLI uses: one advisory lock around "is there one yet?" and the inserts. */
  createFirst(input: Omit<NewOrganization, 'onlyIfFirst'>) {
    return createOrganization(this.prisma.client, { ...input, onlyIfFirst: true });
  }
}
