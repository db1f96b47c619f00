import { ConflictException, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { type Runtime, serviceSessionRequest } from '@takehome/challenge';
import { type ConsoleRequestBody, type ConsoleResponse, consoleResponse, type ServiceState } from '@takehome/contracts';
import { workbenchSessionId } from '@takehome/jobs';
import { z } from 'zod';
import { ChallengePackages } from '../../challenges/challenge-packages';
import { type CandidateInvitation, writableAttempt } from '../candidate/candidate-context';
import { DraftsRepository } from '../drafts/drafts.repository';
import { SubmissionsService } from '../submission/submissions.service';
import { WorkbenchRelayClient } from './workbench-relay.client';

const started = z.object({ ready: z.boolean(), output: z.string() });
const status = z.object({ ready: z.boolean().optional(), output: z.string() });
const tail = (text: string) => text.slice(-16_000);
// A build (compiled runtimes) and a readiness wait both fit in this.
const START_TIMEOUT_MS = 180_000;
const REQUEST_TIMEOUT_MS = 10_000;

/**
 * The candidate's service for the HTTP console: started from their saved files in the sandbox by a worker
 * (one per attempt, replaced by a new start, stopped when idle), and called only through the relay: the
 * browser never reaches a container, and the service reaches nothing at all.
 */
@Injectable()
export class ServiceConsoleService {
  constructor(
    private readonly relay: WorkbenchRelayClient,
    private readonly packages: ChallengePackages,
    private readonly drafts: DraftsRepository,
    private readonly submissions: SubmissionsService,
  ) {}

  async start(current: CandidateInvitation): Promise<ServiceState> {
    const invitation = await this.submissions.enforceDeadline(current);
    const attempt = writableAttempt(invitation);
    const pkg = await this.packages.get(invitation.assessment.challengeVersionId);
    const sessionId = workbenchSessionId('service', attempt.id);
    const request = serviceSessionRequest(pkg, attempt.runtime as Runtime, await this.drafts.savedFiles(attempt.id), sessionId);
    const reply = await this.relay.start('service', sessionId, request as unknown as Record<string, unknown>, START_TIMEOUT_MS);
    if (!reply.ok) throw new ServiceUnavailableException({ message: `Your service could not be started: ${reply.error}`, code: 'sandbox_error' });
    const result = started.parse(reply.result);
    return { running: true, ready: result.ready, output: tail(result.output) };
  }

  async state(invitation: CandidateInvitation): Promise<ServiceState> {
    const sessionId = invitation.attempt && workbenchSessionId('service', invitation.attempt.id);
    if (!sessionId || !(await this.relay.isHeld(sessionId))) return { running: false, ready: false, output: '' };
    const reply = await this.relay.command(sessionId, { type: 'status' }, 5_000);
    const result = status.safeParse(reply.result);
    return { running: reply.ok, ready: result.data?.ready ?? false, output: tail(result.data?.output ?? '') };
  }

  async request(current: CandidateInvitation, body: ConsoleRequestBody & { method: string; path: string }): Promise<ConsoleResponse> {
    const invitation = await this.submissions.enforceDeadline(current);
    const sessionId = workbenchSessionId('service', writableAttempt(invitation).id);
    await this.requireRunning(sessionId);
    const request = { method: body.method, path: body.path, headers: body.headers ?? {}, body: body.body ?? '', timeoutMs: REQUEST_TIMEOUT_MS };
    const reply = await this.relay.command(sessionId, { type: 'request', request }, REQUEST_TIMEOUT_MS + 10_000);
    if (!reply.ok) return { ok: false, error: reply.error ?? 'the request failed' };
    return consoleResponse.parse(reply.result);
  }

  async stop(invitation: CandidateInvitation): Promise<void> {
    const sessionId = invitation.attempt && workbenchSessionId('service', invitation.attempt.id);
    if (sessionId && (await this.relay.isHeld(sessionId))) await this.relay.command(sessionId, { type: 'stop' }, 30_000);
  }

  private async requireRunning(sessionId: string): Promise<void> {
    if (!(await this.relay.isHeld(sessionId))) {
      throw new ConflictException({ message: 'Your service is not running (it stops after a few idle minutes). Start it, then send the request again.', code: 'service_not_running' });
    }
  }
}
