import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/support/test-database';
import { createPrismaClient, MAX_NAMED_STATEMENT_PARAMETERS, type PrismaClient } from '../src';

// One connection, so every query below meets the statements the ones before it prepared.
describe('prepared statements', () => {
  let prisma: PrismaClient;
  const prepared = async () =>
    (await prisma.$queryRawUnsafe<{ statement: string }[]>('SELECT statement FROM pg_prepared_statements ORDER BY prepare_time')).map((s) => s.statement);

  beforeAll(async () => {
    prisma = createPrismaClient(await createTestDatabase('db_prepared'), { poolSize: 1 });
  });
  afterAll(() => prisma?.$disconnect());

  it('prepares a query with parameters once per connection and reuses it', async () => {
    const first = await prisma.$queryRaw<{ n: number }[]>`SELECT ${41}::int + 1 AS n`;
    const again = await prisma.$queryRaw<{ n: number }[]>`SELECT ${1}::int + 1 AS n`;
    expect([first[0]!.n, again[0]!.n]).toEqual([42, 2]);
    expect((await prepared()).filter((s) => s.includes('+ 1 AS n'))).toEqual(['SELECT $1::int + 1 AS n']);
  });

  it("prepares Prisma's own queries too, and they still answer after the table changes under them", async () => {
    const org = await prisma.organization.create({ data: { slug: 'prepared', name: 'Prepared' } });
    await prisma.organization.findUnique({ where: { id: org.id } });
    expect((await prepared()).some((s) => s.includes('"Organization"'))).toBe(true);
    // A migration adding a column while the API runs: PostgreSQL replans the prepared statement.
    await prisma.$executeRawUnsafe('ALTER TABLE "Organization" ADD COLUMN "preparedProbe" text');
    expect((await prisma.organization.findUnique({ where: { id: org.id } }))?.slug).toBe('prepared');
    await prisma.$executeRawUnsafe('ALTER TABLE "Organization" DROP COLUMN "preparedProbe"');
  });

  it('leaves a query without parameters unprepared, so it may hold several statements', async () => {
    const before = await prepared();
    await prisma.$executeRawUnsafe('CREATE TEMP TABLE probe (n int); DROP TABLE probe');
    expect(await prepared()).toEqual(before);
  });

  it('leaves a query with a long parameter list unprepared, so lists of every length do not pile up', async () => {
    const ids = Array.from({ length: MAX_NAMED_STATEMENT_PARAMETERS + 1 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    const before = await prepared();
    expect(await prisma.organization.findMany({ where: { id: { in: ids } } })).toEqual([]);
    expect(await prepared()).toEqual(before);
  });
});
