import { ForbiddenException, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { type Runtime, terminalSessionRequest } from '@takehome/challenge';
import { terminalClientMessage, terminalFiles, type TerminalFiles, type TerminalState } from '@takehome/contracts';
import { workbenchSessionId } from '@takehome/jobs';
import { randomUUID } from 'node:crypto';
import type { WebSocket } from 'ws';
import { ChallengePackages } from '../../challenges/challenge-packages';
import { type CandidateInvitation, writableAttempt } from '../candidate/candidate-context';
import { DraftsRepository } from '../drafts/drafts.repository';
import { SubmissionsService } from '../submission/submissions.service';
import { WorkbenchRelayClient } from './workbench-relay.client';

const safeJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/**
 * The candidate's terminal: a shell in a sandboxed container over a copy of their saved files, offered only
 * when the assessment turns it on. Files go one way at start (saved files into the container); what changed in
 * the terminal comes back only when the candidate asks (files()), and the editor saves it like typing would.
 */
@Injectable()
export class TerminalService {
  constructor(
    private readonly relay: WorkbenchRelayClient,
    private readonly packages: ChallengePackages,
    private readonly drafts: DraftsRepository,
    private readonly submissions: SubmissionsService,
  ) {}

  async state(invitation: CandidateInvitation): Promise<TerminalState> {
    const enabled = invitation.assessment.terminalEnabled;
    const sessionId = invitation.attempt && workbenchSessionId('terminal', invitation.attempt.id);
    return { enabled, running: Boolean(enabled && sessionId && (await this.relay.isHeld(sessionId))) };
  }

  async start(current: CandidateInvitation): Promise<TerminalState> {
    const { invitation, attempt } = await this.usable(current);
    const pkg = await this.packages.get(invitation.assessment.challengeVersionId);
    const sessionId = workbenchSessionId('terminal', attempt.id);
    const request = terminalSessionRequest(pkg, attempt.runtime as Runtime, await this.drafts.savedFiles(attempt.id), sessionId);
    const reply = await this.relay.start('terminal', sessionId, request as unknown as Record<string, unknown>, 60_000);
    if (!reply.ok) throw new ServiceUnavailableException({ message: `The terminal could not be started: ${reply.error}`, code: 'sandbox_error' });
    return { enabled: true, running: true };
  }

  async files(current: CandidateInvitation): Promise<TerminalFiles> {
    const { sessionId } = await this.running(current);
    const reply = await this.relay.command(sessionId, { type: 'files' }, 20_000);
    if (!reply.ok) throw new ServiceUnavailableException({ message: `The terminal's files could not be read: ${reply.error}`, code: 'sandbox_error' });
    return terminalFiles.parse(reply.result);
  }

  async stop(invitation: CandidateInvitation): Promise<void> {
    const sessionId = invitation.attempt && workbenchSessionId('terminal', invitation.attempt.id);
    if (sessionId && (await this.relay.isHeld(sessionId))) await this.relay.command(sessionId, { type: 'stop' }, 30_000);
  }

  /** Joins a browser's WebSocket to a new shell in the running terminal, until either side closes. */
  async bridge(ws: WebSocket, invitation: CandidateInvitation): Promise<void> {
    let sessionId: string;
    try {
      ({ sessionId } = await this.running(invitation));
    } catch (error) {
      return ws.close(4409, (error as { message?: string }).message?.slice(0, 120) ?? 'not available');
    }
    const streamId = randomUUID();
    const unlisten = await this.relay.listen(streamId, (out) => (out.type === 'data' ? ws.send(out.data) : ws.close(1000, 'the shell ended')));
    ws.on('close', () => {
      unlisten();
      void this.relay.send(sessionId, { type: 'detach', streamId });
    });
    ws.on('message', (raw) => {
      const message = terminalClientMessage.safeParse(safeJson(String(raw)));
      if (!message.success) return;
      void this.relay.send(sessionId, { ...message.data, streamId });
    });
    const reply = await this.relay.command(sessionId, { type: 'attach', streamId }, 15_000).catch(() => null);
    if (!reply?.ok) ws.close(1011, 'the terminal could not be attached');
  }

  private async usable(current: CandidateInvitation) {
    const invitation = await this.submissions.enforceDeadline(current);
    const attempt = writableAttempt(invitation);
    if (!invitation.assessment.terminalEnabled) {
      throw new ForbiddenException({ message: 'This assessment does not offer a terminal.', code: 'terminal_disabled' });
    }
    return { invitation, attempt };
  }

  private async running(current: CandidateInvitation) {
    const { attempt } = await this.usable(current);
    const sessionId = workbenchSessionId('terminal', attempt.id);
    if (!(await this.relay.isHeld(sessionId))) {
      throw new ForbiddenException({ message: 'The terminal is not running (it stops after a few idle minutes). Start it again.', code: 'terminal_not_running' });
    }
    return { sessionId };
  }
}
