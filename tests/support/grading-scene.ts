import { type ChallengePackage, loadChallenge, versionRecord } from '@takehome/challenge';
import { createPrismaClient, type PrismaClient, saveChallengeVersion } from '@takehome/db';
import { QueueName, queuePrefix, runEventsChannel } from '@takehome/jobs';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { createTestDatabase } from './test-database';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:56379';

export interface GradingScene {
  databaseUrl: string;
  prisma: PrismaClient;
  pkg: ChallengePackage;
  versionId: string;
  /** The grading queue of this database (its own prefix), where the suite hands runs to real workers. */
  queue: Queue;
  /** How many "finished" events each run announced: a run graded twice shows as 2. */
  finishedEvents: Map<string, number>;
  close(): Promise<void>;
}

/** A test database with one organization and the challenge at `challengeDir` saved as a version, ready for workers. */
export async function startGradingScene(name: string, challengeDir: string): Promise<GradingScene> {
  const databaseUrl = await createTestDatabase(name);
  const prisma = createPrismaClient(databaseUrl, { poolSize: 2 });
  const org = await prisma.organization.create({ data: { slug: name.replace(/_/g, '-'), name } });
  const pkg = await loadChallenge(challengeDir);
  const { id: versionId } = await saveChallengeVersion(prisma, { organizationId: org.id, ...versionRecord(pkg) });
  const queue = new Queue(QueueName.Grading, { connection: { url: REDIS_URL }, prefix: queuePrefix(databaseUrl) });
  const finishedEvents = new Map<string, number>();
  const subscriber = new Redis(REDIS_URL);
  await subscriber.psubscribe(runEventsChannel('*'));
  subscriber.on('pmessage', (_pattern, _channel, message: string) => {
    const event = JSON.parse(message);
    if (event.type === 'finished') finishedEvents.set(event.runId, (finishedEvents.get(event.runId) ?? 0) + 1);
  });
  return {
    databaseUrl, prisma, pkg, versionId, queue, finishedEvents,
    async close() {
      await queue.obliterate({ force: true }).catch(() => {});
      await queue.close();
      subscriber.disconnect();
      await prisma.$disconnect();
    },
  };
}
