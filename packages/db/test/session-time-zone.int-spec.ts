import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/support/test-database';
import { createDatabase, type Database } from '../src';

// Columns without a time zone hold UTC; now() and column defaults convert with the session's zone.
describe('session time zone', () => {
  let db: Database;

  beforeAll(async () => {
    const url = await createTestDatabase('db_time_zone');
    // A server whose default zone is ten hours behind UTC, as an operator's own PostgreSQL may be.
    const admin = new Client({ connectionString: url });
    await admin.connect();
    await admin.query(`ALTER DATABASE "${new URL(url).pathname.slice(1)}" SET TimeZone = 'Pacific/Honolulu'`);
    await admin.end();
    db = createDatabase(url, { poolSize: 1 });
  });
  afterAll(() => db?.prisma.$disconnect());

  it('stores now() as UTC through Prisma and through the pool under it', async () => {
    const [viaPrisma] = await db.prisma.$queryRaw<{ at: Date }[]>`SELECT now()::timestamp(3) AS at WHERE ${1}::int = 1`;
    const [viaPool] = (await db.pool.query<{ at: Date }>(`SELECT now()::timestamp(3) AT TIME ZONE 'UTC' AS at`)).rows;
    expect(Math.abs(viaPrisma!.at.getTime() - Date.now())).toBeLessThan(60_000);
    expect(Math.abs(viaPool!.at.getTime() - Date.now())).toBeLessThan(60_000);
  });
});
