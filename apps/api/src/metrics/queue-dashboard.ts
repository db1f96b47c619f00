import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { OperatorQueues } from './operator-queues';
import { OperatorAccessCheck } from './operator-access';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

/**
 * The operators' view of the run queues (bull-board), for signed-in admins only. Read-only: retrying or
 * deleting a job by hand would bypass the run rows that own each job (the stale-run requeuer and "grade again"
 * are the ways to re-run), and job data is only a run id, so nothing of a candidate shows here.
 */
export function mountQueueDashboard(app: NestExpressApplication): void {
  const adapter = new ExpressAdapter().setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: app.get(OperatorQueues).all().map((queue) => new BullMQAdapter(queue, { readOnlyMode: true })),
    serverAdapter: adapter,
    options: { uiConfig: { boardTitle: 'Takehome queues' } },
  });
  const access = app.get(OperatorAccessCheck);
  app.use(QUEUE_DASHBOARD_PATH, async (req: Request, res: Response, next: NextFunction) => {
    const result = await access.check(req, { allowToken: false }).catch(next);
    if (result === 'granted') return next();
    if (result === 'unauthenticated') return res.redirect(302, `/login?next=${encodeURIComponent(QUEUE_DASHBOARD_PATH)}`);
    if (result === 'forbidden') res.status(403).type('text/plain').send('Only admins may see the queue dashboard.');
  });
  app.use(QUEUE_DASHBOARD_PATH, adapter.getRouter());
}
